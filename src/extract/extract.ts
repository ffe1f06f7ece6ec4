import { Readability } from '@mozilla/readability';
import { tidyWhitespace } from '../text/normalize';
import { type Article, tooLargeArticle } from './article';
import { allBlocks, articleBlocks } from './blocks';
import { EXTRACTION_LIMITS, type ExtractionLimits, type TooLarge, checkTree, tooLarge } from './budget';
import { readMetadata } from './metadata';

// The only DOM-facing module of the pipeline. It takes a Document (the page's own in
// the browser, linkedom's in Node) and never touches browser APIs.

export interface ExtractOptions {
  readonly limits?: ExtractionLimits;
}

/** Reads the article out of a page. Works on a clone: the page itself is never changed. */
export function extractArticle(doc: Document, url = '', options: ExtractOptions = {}): Article {
  const limits = options.limits ?? EXTRACTION_LIMITS;
  // Refuse before cloning or running Readability: both cost time in proportion to the tree.
  const root = doc.documentElement;
  const over = (root ? checkTree(root, limits) : null) ?? overWords(doc.body?.textContent ?? '', limits);
  if (over) return tooLargeArticle(over, url);
  const metadata = readMetadata(doc);
  const canonical = metadata.canonicalUrl ?? '';
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability<Element>(clone, { keepClasses: true, serializer: (node) => node as Element }).parse();
  } catch {
    parsed = null; // malformed pages fall back to the page's own paragraphs below
  }
  const content = parsed?.content ?? doc.body ?? doc.documentElement;
  const paragraphs = content ? articleBlocks(content) : [];
  const everything = doc.body ? allBlocks(doc.body) : [];
  const kept = new Set(paragraphs);
  return {
    title: tidyWhitespace(parsed?.title ?? doc.title ?? ''),
    byline: tidyWhitespace(parsed?.byline ?? ''),
    siteName: tidyWhitespace(parsed?.siteName ?? metadata.publisher ?? ''),
    url: canonical || url,
    paragraphs,
    outside: everything.filter((text) => !kept.has(text)),
    metadata,
  };
}

/**
 * Words of the whole page, counted before Readability runs (it is the slow step) and
 * only up to the limit. Alignment downstream also grows faster than the text.
 */
function overWords(text: string, limits: ExtractionLimits): TooLarge | null {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord && ++words > limits.maxWords) return tooLarge('words', limits.maxWords, words);
    inWord = !space;
  }
  return null;
}
