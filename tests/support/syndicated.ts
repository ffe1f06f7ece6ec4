// A saved article republished on another site (tests/fixtures/ingest/syndicated.html):
// the same text under another site's name, date and canonical address, for the tests of
// near-copies in `corpus add` and in followed sites.
import { readFileSync } from 'node:fs';
import type { ExtractionPage } from '../fixtures/extraction/pages';

const TEMPLATE = new URL('../fixtures/ingest/syndicated.html', import.meta.url);

export function syndicatedPage(
  source: ExtractionPage,
  page: { site: string; date: string; canonical: string; after?: string },
): string {
  const paragraphs = source.expected
    .split(/\n\s*\n/)
    .map((p) => `<p>${p.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  return readFileSync(TEMPLATE, 'utf8')
    .replaceAll('{{title}}', 'The Doobie Brothers Unite With Michael McDonald for 50th Anniversary Tour')
    .replaceAll('{{site}}', page.site)
    .replaceAll('{{date}}', page.date)
    .replaceAll('{{canonical}}', page.canonical)
    .replace('{{paragraphs}}', page.after ? `${paragraphs}\n${page.after}` : paragraphs);
}
