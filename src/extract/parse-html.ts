import { parseHTML } from 'linkedom';
import type { Article } from './article';
import { extractArticle } from './extract';

/** Extraction outside a browser: parses HTML with linkedom, then extracts as the extension does. */
export function articleFromHtml(html: string, url = ''): Article {
  // linkedom leaves an empty string without a root element: give it an empty page.
  const { document } = parseHTML(
    /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`,
  );
  return extractArticle(document as unknown as Document, url);
}
