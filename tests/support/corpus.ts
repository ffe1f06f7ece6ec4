import { readFileSync } from 'node:fs';
import type { CorpusIndex } from '../../src/corpus/corpus-index';
import { parseCorpusFile, type OriginalRecord } from '../../src/corpus/records';
import { splitParagraphs } from '../../src/text/paragraphs';

/** One value per original of an index, in order (its records, its sketches…). */
export const everyOriginal = <T>(index: CorpusIndex, of: (o: number) => T): T[] =>
  Array.from({ length: index.originalCount }, (_, o) => of(o));

let bundled: OriginalRecord[] | undefined;
/** The bundled corpus's originals (corpus/originals.jsonl), read once. */
export function bundledOriginals(): OriginalRecord[] {
  bundled ??= parseCorpusFile(
    'corpus/originals.jsonl',
    readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8'),
  );
  return bundled;
}

/** The bundled original whose id starts with `prefix`. */
export function bundledOriginal(prefix: string): OriginalRecord {
  const found = bundledOriginals().find((o) => o.id.startsWith(prefix));
  if (!found) throw new Error(`no bundled original ${prefix}…`);
  return found;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An original as its own web page: headline, paragraphs, and (unless told not to) its date in JSON-LD. */
export const originalPage = (o: OriginalRecord, dated = true): string =>
  `<!doctype html><html><head><title>${escape(o.title)}</title><script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: o.title,
    ...(dated ? { datePublished: o.published } : {}),
  })}</script></head><body><article><h1>${escape(o.title)}</h1>${splitParagraphs(o.text)
    .map((p) => `<p>${escape(p)}</p>`)
    .join('')}</article></body></html>`;
