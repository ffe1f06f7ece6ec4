// A page's article and the sources it credits, from one parse of its markup: the
// background reads every page this way (extraction works on a clone, so the credits are
// read from the same document, untouched).
import { scanCredits } from '../credit/find-credits';
import { tooLargeArticle, type Article } from '../extract/article';
import { extractArticle } from '../extract/extract';
import { parseHtmlDocument } from '../extract/parse-html';
import type { StoredCredit } from './credited';

export interface ReadPage {
  readonly article: Article;
  /** Sources on other sites, best first (a report keeps MAX_STORED_CREDITS of them). */
  readonly credits: readonly StoredCredit[];
  /** A credit line or JSON-LD names the page itself as the source. */
  readonly creditsSelf: boolean;
}

export function readPage(html: string, url: string): ReadPage {
  const parsed = parseHtmlDocument(html);
  if ('tooLarge' in parsed) return { article: tooLargeArticle(parsed.tooLarge, url), credits: [], creditsSelf: false };
  const article = extractArticle(parsed.document, url);
  // A page over the extraction's budget is not read any further.
  if (article.tooLarge) return { article, credits: [], creditsSelf: false };
  const scan = scanCredits(parsed.document, url);
  const credits = scan.credits.map(({ url: at, host, how }) => ({ url: at, host, how }));
  return { article, credits, creditsSelf: credits.length === 0 && scan.pointingBack.length > 0 };
}
