import { originalFromText } from '../corpus/from-files';
import { CorpusError, type OriginalRecord } from '../corpus/records';
import type { Article } from '../extract/article';
import { MIN_ARTICLE_WORDS } from '../check/analyze';
import { PROSE_PARAGRAPH_WORDS } from '../match/page';
import { countWords } from '../text/tokens';
import { inEnglish } from '../i18n/english';
import { tooLargeSaid } from '../report/wording';
import type { FeedEntry } from './feeds';

// A page (fetched, archived or saved) made into an original of the corpus: its text is
// what extraction keeps, its facts come from the page's own metadata first (JSON-LD,
// OpenGraph, <meta>), then from what the feed said about it, then from Readability.

/** An original on its way into the corpus: its id is settled by the merge. */
export interface Candidate {
  /** Where it came from, for messages: an address, a path, an archive record. */
  readonly source: string;
  /** `id` is the one to keep when `keepId` (a JSON Lines original), else a placeholder. */
  readonly record: OriginalRecord;
  readonly keepId: boolean;
  /** What to make an id of when `record.id` is not kept (or taken): a readable slug. */
  readonly idBase: string;
  /** The address the page was actually read from, when it was fetched or archived. */
  readonly fetchedFrom?: string;
}

export type PageOutcome =
  { readonly kind: 'article'; readonly candidate: Candidate } | { readonly kind: 'skipped'; readonly reason: string };

/** An extracted HTML page as an original, or why it is not one. */
export function candidateFromArticle(
  article: Article,
  where: { source: string; fetchedFrom?: string; fileName?: string; entry?: FeedEntry },
): PageOutcome {
  if (article.tooLarge) return { kind: 'skipped', reason: inEnglish(tooLargeSaid(article.tooLarge)) };
  const prose = article.paragraphs
    .map(countWords)
    .filter((words) => words >= PROSE_PARAGRAPH_WORDS)
    .reduce((sum, words) => sum + words, 0);
  if (prose < MIN_ARTICLE_WORDS) {
    return { kind: 'skipped', reason: `no article (${prose} words of running text, fewer than ${MIN_ARTICLE_WORDS})` };
  }
  const meta = article.metadata;
  const { entry } = where;
  const url = meta?.canonicalUrl || article.url || where.fetchedFrom || entry?.url || '';
  const record: OriginalRecord = {
    id: 'pending',
    title: decodeEntities(meta?.title || entry?.title || article.title),
    author: decodeEntities(meta?.authors.join(', ') || entry?.author || article.byline),
    publisher: decodeEntities(meta?.publisher || entry?.publisher || article.siteName),
    url,
    published: normalizeDate(meta?.datePublished || entry?.published || ''),
    license: '',
    text: article.paragraphs.join('\n\n'),
  };
  return {
    kind: 'article',
    candidate: {
      source: where.source,
      record,
      keepId: false,
      idBase: idFromUrl(url) ?? idFromName(where.fileName ?? where.source),
      ...(where.fetchedFrom ? { fetchedFrom: where.fetchedFrom } : {}),
    },
  };
}

/** A saved .txt page as an original (a short first line without a full stop is its title). */
export function candidateFromTextFile(text: string, file: string): PageOutcome {
  const idBase = idFromName(file);
  let record: OriginalRecord;
  try {
    record = originalFromText(idBase, text);
  } catch (error) {
    if (error instanceof CorpusError) return { kind: 'skipped', reason: 'no text' };
    throw error;
  }
  const words = countWords(record.text);
  if (words < MIN_ARTICLE_WORDS) {
    return { kind: 'skipped', reason: `no article (${words} words, fewer than ${MIN_ARTICLE_WORDS})` };
  }
  return { kind: 'article', candidate: { source: file, record, keepId: false, idBase } };
}

/** An original of a JSON Lines file: its id is kept unless another original already has it. */
export function candidateFromRecord(record: OriginalRecord, source: string): Candidate {
  return { source, record, keepId: true, idBase: record.id };
}

/**
 * Dates as pages write them are kept when they are already ISO 8601 ("2019-11-19",
 * "2019-11-19T13:03:00+0000"); others (RSS's "Tue, 19 Nov 2019 13:03:00 GMT") become ISO
 * 8601 in UTC, so that the corpus's dates sort and compare. Unreadable ones are kept.
 */
export function normalizeDate(raw: string): string {
  const date = raw.trim();
  if (date === '' || /^\d{4}-\d{2}-\d{2}/.test(date)) return date;
  const time = Date.parse(date);
  return Number.isNaN(time) ? date : new Date(time).toISOString();
}

const MAX_ID_CHARS = 96;

/** A readable id from an address: host and path, slugged ("rollingstone-com-music-music-news-…"). */
export function idFromUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = slug(parsed.hostname.replace(/^www\d*\./, ''));
  let path = parsed.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // A malformed escape: slug the path as written.
  }
  let pathSlug = slug(path.replace(/\.(?:s?html?|php|aspx?|jsp)$/i, ''));
  // Articles addressed by query alone ("/article.php?id=123") need the query to tell them apart.
  if (pathSlug.length < 12 && parsed.search) pathSlug = slug(`${pathSlug} ${parsed.search}`);
  const whole = pathSlug ? `${host}-${pathSlug}` : host;
  if (whole.length <= MAX_ID_CHARS) return whole || null;
  // Keep the host and the end of the path (where the article's own words and number are), on a word boundary.
  const room = MAX_ID_CHARS - host.length - 1;
  const tail = pathSlug.slice(-room).replace(/^[^-]*-/, '');
  return `${host}-${tail}`;
}

/** A file's name without folders and extension, slugged. */
export function idFromName(path: string): string {
  const name = path.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return slug(name).slice(0, MAX_ID_CHARS) || 'original';
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3`… whichever no other original has. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  ndash: '–',
  mdash: '—',
  hellip: '…',
};

/** Some sites escape their metadata twice ("A &#8211; B" in og:title): undo the second escape. */
export function decodeEntities(text: string): string {
  return text
    .replace(/&(?:#(\d{1,7})|#x([\da-f]{1,6})|([a-z]+));/gi, (whole, dec: string, hex: string, name: string) => {
      if (name) return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
      const code = dec ? Number(dec) : parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .trim();
}
