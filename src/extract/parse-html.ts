import { parseHTML } from 'linkedom';
import type { Article } from './article';
import { extractArticle } from './extract';

/** Extraction outside a browser: parses HTML with linkedom, then extracts as the extension does. */
export function articleFromHtml(html: string, url = ''): Article {
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document, url);
}
