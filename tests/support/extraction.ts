// One saved page of the extraction set (tests/fixtures/extraction), read by its id, for
// tests that need a real page's markup without reading the whole set.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const PAGES = new URL('../fixtures/extraction/pages/', import.meta.url);

export function extractionPageHtml(id: string): string {
  return gunzipSync(readFileSync(new URL(`${id}/source.html.gz`, PAGES))).toString('utf8');
}
