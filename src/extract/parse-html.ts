import { parseHTML } from 'linkedom';
import { type Article, type TooLarge, tooLargeArticle } from './article';
import { EXTRACTION_LIMITS, type ExtractionLimits } from './budget';
import { extractArticle } from './extract';
import { scanMarkup } from './markup';

/** Extraction outside a browser: parses HTML with linkedom, then extracts as the extension does. */
export function articleFromHtml(html: string, url = '', limits: ExtractionLimits = EXTRACTION_LIMITS): Article {
  const parsed = parseHtmlDocument(html, limits);
  if ('tooLarge' in parsed) return tooLargeArticle(parsed.tooLarge, url);
  return extractArticle(parsed.document, url, { limits });
}

/** A page's markup as a Document (linkedom), or why it was refused unparsed. */
export function parseHtmlDocument(
  html: string,
  limits: ExtractionLimits = EXTRACTION_LIMITS,
): { readonly document: Document } | { readonly tooLarge: TooLarge } {
  // Hostile markup is refused before parsing: linkedom is slow on deep trees.
  const scan = scanMarkup(html, limits);
  if ('tooLarge' in scan) return { tooLarge: scan.tooLarge };
  // linkedom leaves markup without a whole <html …> tag (an empty string, a cut page) with
  // no root element, and then throws on the first look at it: give such markup a page around it.
  const wrap = (markup: string): string => `<!doctype html><html><head></head><body>${markup}</body></html>`;
  let { document } = parseHTML(/<html[\s>]/i.test(scan.html) ? scan.html : wrap(scan.html));
  if (!document.documentElement) {
    ({ document } = parseHTML(wrap(scan.html)));
  }
  return { document: document as unknown as Document };
}
