// Credited sources of a page given as HTML text, for the command line and the extension's
// service worker (no DOMParser there): parsed with the extraction's own parser.
import { parseHtmlDocument } from '../extract/parse-html';
import { scanCredits, type Credit, type CreditScan } from './find-credits';

/** The page's credited sources, best first (none for markup over the extraction's limits). */
export function creditsFromHtml(html: string, pageUrl: string): Credit[] {
  return [...scanCreditsFromHtml(html, pageUrl).credits];
}

export function scanCreditsFromHtml(html: string, pageUrl: string): CreditScan {
  const parsed = parseHtmlDocument(html);
  if ('tooLarge' in parsed) return { credits: [], pointingBack: [] };
  return scanCredits(parsed.document, pageUrl);
}
