// `repost-radar check <page> --original <file|url>` and `--credited` (DESIGN.md): the page
// compared with one original, the reader's or the one the page credits, fetched. Loaded
// only when one of those options is given, so a plain check starts as fast as before.
import { scanCreditsFromHtml } from '../src/credit/credits-from-html';
import { samePage } from '../src/credit/find-credits';
import { originalFromArticle, originalFromText, originalsFromFile } from '../src/corpus/from-files';
import { CorpusError, toOriginalRecord, type OriginalRecord } from '../src/corpus/records';
import type { Article } from '../src/extract/article';
import { articleFromHtml } from '../src/extract/parse-html';
import { fetchArticlePage } from '../src/net/fetch-article';
import { MIN_ARTICLE_WORDS, type Analysis } from '../src/report/analyze';
import { analyzeAgainstOriginal } from '../src/check/against-original';
import type { OriginalSource } from '../src/report/report';
import { errorMessage } from '../src/text/error-message';
import { inEnglish } from '../src/i18n/english';
import { tooLargeSaid } from '../src/report/wording';
import { plural } from '../src/text/plural';
import { CREDIT_HOW } from './format';
import { decodePage, InputError, looksLikeHtml, pageToArticle, readPageBytes } from './inputs';

export interface OriginalOptions {
  /** A file (.txt, .html, .json) or an http(s) address. */
  readonly original?: string;
  readonly credited?: boolean;
  /** The page's address, when the file does not say it. */
  readonly url?: string;
  /** For each fetch (hidden option; default fetchArticlePage's). */
  readonly timeoutMs?: number;
}

/** Credited sources tried, best first, before giving up. */
const MAX_CREDITS_TRIED = 3;

export async function checkAgainstOriginal(file: string, options: OriginalOptions): Promise<Analysis> {
  const name = file === '-' ? 'standard input' : file;
  const text = decodePage(readPageBytes(file), name);
  const html = looksLikeHtml(text, name);
  const pageUrl = options.url ?? (html ? savedFromUrl(text) : undefined) ?? '';
  const article = await pageToArticle(text, name, pageUrl);
  const { record, source } = options.credited
    ? await creditedOriginal(text, html, pageUrl, options)
    : await givenOriginal(options.original!, options);
  return analyzeAgainstOriginal(article, record, source, pageUrl);
}

type Found = { readonly record: OriginalRecord; readonly source: OriginalSource };

async function givenOriginal(original: string, options: OriginalOptions): Promise<Found> {
  if (/^https?:\/\//i.test(original)) {
    const got = await fetchOriginal(original, options.timeoutMs);
    if ('failure' in got) throw new InputError(`cannot use the original at ${original}: ${got.failure}`);
    return { record: got.record, source: { kind: 'given', url: got.url, fetchedAt: got.fetchedAt } };
  }
  const text = decodePage(readPageBytes(original), original);
  return { record: originalFromFile(original, text), source: { kind: 'given' } };
}

/** One original from a file: a .json record (as in a corpus's lines), a .txt text or an .html page. */
function originalFromFile(path: string, text: string): OriginalRecord {
  let records: OriginalRecord[];
  try {
    if (/\.json$/i.test(path)) {
      records = [toOriginalRecord(JSON.parse(text))];
    } else if (/\.(?:txt|html?|jsonl)$/i.test(path)) {
      records = originalsFromFile(path, text, (html) => articleFromHtml(html));
    } else {
      const id = path.replace(/^.*[\\/]/, '');
      records = [
        looksLikeHtml(text, path) ? originalFromArticle(id, articleFromHtml(text)) : originalFromText(id, text),
      ];
    }
  } catch (error) {
    if (error instanceof SyntaxError) throw new InputError(`${path} is not JSON: ${error.message}`);
    if (error instanceof CorpusError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
  if (records.length !== 1) throw new InputError(`${path} holds ${records.length} originals; give one`);
  return records[0]!;
}

async function creditedOriginal(
  text: string,
  html: boolean,
  pageUrl: string,
  options: OriginalOptions,
): Promise<Found> {
  if (!html) throw new InputError('--credited needs the page as HTML: a text credits no source');
  const { credits, pointingBack } = scanCreditsFromHtml(text, pageUrl);
  if (credits.length === 0) {
    if (pointingBack.length > 0) {
      throw new InputError(`the page's credit points back at the page itself (${pointingBack[0]!.url})`);
    }
    const hint = pageUrl === '' ? ' (give its address with --url, so that its canonical link can be read)' : '';
    throw new InputError(`the page credits no source${hint}`);
  }
  let firstFailure = '';
  for (const credit of credits.slice(0, MAX_CREDITS_TRIED)) {
    const got = await fetchOriginal(credit.url, options.timeoutMs, pageUrl);
    if ('record' in got) {
      return {
        record: got.record,
        source: { kind: 'credited', url: got.url, fetchedAt: got.fetchedAt, how: credit.how },
      };
    }
    firstFailure ||= `cannot use the credited source (${CREDIT_HOW[credit.how]}): ${got.failure}`;
  }
  throw new InputError(firstFailure);
}

type Fetched =
  { readonly record: OriginalRecord; readonly url: string; readonly fetchedAt: string } | { readonly failure: string };

/**
 * The original at an address, as an article. With `pageUrl`, a credited source that is the
 * page again (after redirects) or that credits the page in turn is refused: a loop.
 */
async function fetchOriginal(url: string, timeoutMs: number | undefined, pageUrl = ''): Promise<Fetched> {
  const got = await fetchArticlePage(url, { fetch, ...(timeoutMs === undefined ? {} : { timeoutMs }) });
  if (!got.ok) return { failure: lowerFirst(got.message.replace(/\.$/, '')) };
  if (pageUrl !== '' && samePage(got.url, pageUrl)) return { failure: `${url} leads back to the page itself` };
  if (pageUrl !== '' && scanCreditsFromHtml(got.html, got.url).credits.some((c) => samePage(c.url, pageUrl))) {
    return { failure: `${got.url} credits the page in turn (a loop): neither says it is the original` };
  }
  let article: Article;
  try {
    article = articleFromHtml(got.html, got.url);
  } catch (error) {
    return { failure: `${got.url} cannot be read: ${errorMessage(error)}` };
  }
  if (article.tooLarge) {
    return { failure: `${got.url}: ${lowerFirst(inEnglish(tooLargeSaid(article.tooLarge)).replace(/\.$/, ''))}` };
  }
  const words = article.paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
  if (words < MIN_ARTICLE_WORDS) return { failure: `${got.url} is not an article (${plural(words, 'word')} of text)` };
  const record = {
    ...originalFromArticle(got.url, article),
    published: article.metadata?.datePublished ?? '',
    url: article.url || got.url,
  };
  return { record, url: got.url, fetchedAt: got.fetchedAt };
}

/** The address a browser's "Save page as" records: `<!-- saved from url=(0042)https://… -->`. */
function savedFromUrl(html: string): string | undefined {
  return /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(html.slice(0, 4096))?.[1];
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
