import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseCorpusFile, type OriginalRecord } from '../../src/corpus/records';
import { articleFromHtml } from '../../src/extract/parse-html';
import { folderPageFiles, warcPages, type BatchPage } from '../batch-pages';
import { isWarc } from '../inputs';
import { InputError, MAX_PAGE_BYTES, looksLikeHtml, pathKind } from '../inputs';
import { DEFAULT_FETCH, type FetchOptions } from './fetch-options';
import { decode } from '../../src/ingest/charset';
import { fetchText, gunzipIfGzipped, type FetchOutcome } from './fetch-pages';
import { looksLikeFeedXml, MAX_FEED_CHARS, parseFeed, type FeedEntry, type FeedParse } from '../../src/ingest/feeds';
import {
  candidateFromArticle,
  candidateFromRecord,
  candidateFromTextFile,
  type Candidate,
  type PageOutcome,
} from '../../src/ingest/originals';
import { errorMessage } from '../../src/text/error-message';

// Every kind of source `corpus build|add` reads, opened in two steps: `openSource`
// checks the source itself (a missing file, a document that is not a feed, a corrupt
// JSON Lines file or archive: bad input, exit 2), then its items are read one by one,
// and an item that fails (a page that 404s, a page without an article, a broken archive
// record) is one `failed` item, and the run goes on.

export type IngestItem =
  | { readonly kind: 'candidate'; readonly candidate: Candidate }
  | { readonly kind: 'failed'; readonly source: string; readonly reason: string };

export interface OpenedSource {
  readonly label: string;
  readonly items: () => AsyncIterable<IngestItem>;
  /** A JSON Lines corpus's originals as they stand (`corpus build` may take the first as its base). */
  readonly records?: readonly OriginalRecord[];
}

export interface SourceOptions {
  readonly fetch: FetchOptions;
  readonly concurrency: number;
}

export const DEFAULT_SOURCE_OPTIONS: SourceOptions = { fetch: DEFAULT_FETCH, concurrency: 4 };

/** Sitemap indexes may list sitemap indexes; past this depth they are not followed. */
const MAX_SITEMAP_DEPTH = 3;
/** A local corpus or feed file past this size is not read into memory. */
const MAX_SOURCE_BYTES = 1024 * 1024 * 1024;

const failed = (source: string, reason: string): IngestItem => ({ kind: 'failed', source, reason });
const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);

export async function openSource(
  source: string,
  options: SourceOptions = DEFAULT_SOURCE_OPTIONS,
): Promise<OpenedSource> {
  if (isUrl(source)) return openUrl(source, options);
  const kind = pathKind(source);
  if (kind === null) throw new InputError(`cannot read ${source}: no such file or folder`);
  if (kind === 'folder') return openFolder(source);
  if (isWarc(source)) return openWarc(source);
  const size = statSync(source).size;
  if (size > MAX_SOURCE_BYTES) throw new InputError(`${source} is over ${MAX_SOURCE_BYTES / 1048576} MB: not read`);
  // Sitemaps are often kept gzipped (sitemap.xml.gz).
  const inflated = gunzipIfGzipped(readFileSync(source), MAX_FEED_CHARS);
  if (inflated.kind === 'failed') throw new InputError(`cannot read ${source}: ${inflated.reason}`);
  const text = decode(inflated.bytes);
  const extension = extname(source.replace(/\.gz$/i, '')).toLowerCase();
  if (['.jsonl', '.ndjson', '.json'].includes(extension) || /^\uFEFF?\s*\{/.test(text)) {
    return openJsonl(source, text);
  }
  if (looksLikeFeedXml(text)) return openFeed(source, parseFeed(text, ''), options);
  if (extension === '.txt') return single(source, () => candidateFromTextFile(text, source));
  if (looksLikeHtml(text, source)) return single(source, () => pageOutcome(text, { source, fileName: source }));
  if (['.xml', '.rss', '.atom'].includes(extension)) {
    throw new InputError(`${source} is not an RSS or Atom feed or an XML sitemap`);
  }
  throw new InputError(
    `${source} is not a corpus (JSON Lines), a feed or sitemap, a web archive or a saved page (.html, .txt)`,
  );
}

async function openUrl(url: string, options: SourceOptions): Promise<OpenedSource> {
  const got = await fetchText(url, options.fetch);
  if (got.kind === 'failed') throw new InputError(`cannot read ${url}: ${got.reason}`);
  if (looksLikeFeedXml(got.text)) {
    const parsed = parseFeed(got.text, got.url);
    if (parsed.kind === 'not-a-feed') throw new InputError(`${url} is not a feed or sitemap: ${parsed.reason}`);
    return openFeed(url, parsed, options);
  }
  // An address of one article page is a source of one original.
  if (isHtmlResponse(got.mediaType, got.text)) {
    return single(url, () => pageOutcome(got.text, { source: url, fetchedFrom: got.url }));
  }
  throw new InputError(`${url} is not a feed, a sitemap or a web page (${got.mediaType || 'no content type'})`);
}

function openFeed(label: string, parsed: FeedParse, options: SourceOptions): OpenedSource {
  if (parsed.kind === 'not-a-feed') throw new InputError(`${label} is not a feed or sitemap: ${parsed.reason}`);
  return {
    label,
    items: async function* () {
      const entries: FeedEntry[] = [];
      const failures: IngestItem[] = [];
      await collectEntries(parsed, options, entries, failures, 0);
      yield* failures;
      const seen = new Set<string>();
      const unique = entries.filter((entry) => !seen.has(entry.url) && seen.add(entry.url));
      // A few pages are fetched at once, then extracted: extraction holds the thread, and a request
      // waiting meanwhile would run out its timeout on our time, not the server's.
      for (let i = 0; i < unique.length; i += options.concurrency) {
        const batch = unique.slice(i, i + options.concurrency);
        const fetched = await Promise.all(batch.map((entry) => fetchText(entry.url, options.fetch)));
        for (const [j, got] of fetched.entries()) yield entryItem(batch[j]!, got);
      }
    },
  };
}

/** The entries of a feed or sitemap, following a sitemap index to its sitemaps (a failing one is a failed item). */
async function collectEntries(
  parsed: FeedParse,
  options: SourceOptions,
  entries: FeedEntry[],
  failures: IngestItem[],
  depth: number,
): Promise<void> {
  if (parsed.kind === 'feed' || parsed.kind === 'sitemap') {
    entries.push(...parsed.entries);
    return;
  }
  if (parsed.kind !== 'sitemap-index') return;
  for (const url of parsed.sitemaps) {
    if (depth >= MAX_SITEMAP_DEPTH) {
      failures.push(failed(url, `sitemap index nested more than ${MAX_SITEMAP_DEPTH} deep: not followed`));
      continue;
    }
    const got = await fetchText(url, options.fetch);
    if (got.kind === 'failed') {
      failures.push(failed(url, got.reason));
      continue;
    }
    const child = parseFeed(got.text, got.url);
    if (child.kind === 'not-a-feed') failures.push(failed(url, `not a sitemap: ${child.reason}`));
    else await collectEntries(child, options, entries, failures, depth + 1);
  }
}

function entryItem(entry: FeedEntry, got: FetchOutcome): IngestItem {
  if (got.kind === 'failed') return failed(entry.url, got.reason);
  if (!isHtmlResponse(got.mediaType, got.text)) {
    return failed(entry.url, `not an HTML page (${got.mediaType || 'no content type'})`);
  }
  return pageItem(got.text, { source: entry.url, fetchedFrom: got.url, entry });
}

function isHtmlResponse(mediaType: string, text: string): boolean {
  if (mediaType === 'text/html' || mediaType === 'application/xhtml+xml') return true;
  return mediaType === '' && looksLikeHtml(text, '');
}

/** A page's HTML through the extractor a checked page goes through. */
function pageOutcome(
  html: string,
  where: { source: string; fetchedFrom?: string; fileName?: string; entry?: FeedEntry },
): PageOutcome {
  try {
    return candidateFromArticle(articleFromHtml(html, where.fetchedFrom ?? ''), where);
  } catch (error) {
    return { kind: 'skipped', reason: `cannot extract (${errorMessage(error)})` };
  }
}

function toItem(source: string, outcome: PageOutcome): IngestItem {
  return outcome.kind === 'article'
    ? { kind: 'candidate', candidate: outcome.candidate }
    : failed(source, outcome.reason);
}

const pageItem = (html: string, where: Parameters<typeof pageOutcome>[1]): IngestItem =>
  toItem(where.source, pageOutcome(html, where));

/** A source of one page. */
function single(label: string, read: () => PageOutcome): OpenedSource {
  return {
    label,
    items: async function* () {
      yield toItem(label, read());
    },
  };
}

function openJsonl(path: string, text: string): OpenedSource {
  const records = parseCorpusFile(path, text);
  return {
    label: path,
    records,
    items: async function* () {
      for (const record of records) {
        yield { kind: 'candidate', candidate: candidateFromRecord(record, `${path}#${record.id}`) };
      }
    },
  };
}

function openFolder(dir: string): OpenedSource {
  const files = folderPageFiles(dir);
  if (files.length === 0) throw new InputError(`${dir} holds no .html or .txt pages`);
  return {
    label: dir,
    items: async function* () {
      for (const file of files) {
        let text: string;
        try {
          if (statSync(file).size > MAX_PAGE_BYTES) {
            yield failed(file, `over ${MAX_PAGE_BYTES / 1048576} MB: not read`);
            continue;
          }
          text = readFileSync(file, 'utf8');
        } catch (error) {
          yield failed(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
          continue;
        }
        yield extname(file).toLowerCase() === '.txt'
          ? toItem(file, candidateFromTextFile(text, file))
          : pageItem(text, { source: file, fileName: file });
      }
    },
  };
}

/** A web archive's HTML pages (warcio, as `check` reads them); the archive must start readable. */
async function openWarc(path: string): Promise<OpenedSource> {
  const pages = warcPages(path);
  // The first page is read now: an archive unreadable from its start is bad input, not a bad item.
  const first = await pages.next();
  return {
    label: path,
    items: async function* () {
      let next: IteratorResult<BatchPage> = first;
      while (!next.done) {
        const page = next.value;
        yield page.error
          ? failed(page.source, page.error)
          : pageItem(page.text, { source: page.source, ...(page.url ? { fetchedFrom: page.url } : {}) });
        try {
          next = await pages.next();
        } catch (error) {
          const message = errorMessage(error);
          yield failed(path, `the rest of the archive is unreadable: ${message.replace(/^.*? \((.*)\)$/, '$1')}`);
          return;
        }
      }
    },
  };
}
