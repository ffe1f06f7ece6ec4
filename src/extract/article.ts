import { splitParagraphs } from '../text/paragraphs';

/** An article as extraction sees it: what the rest of the pipeline works on. */
export interface Article {
  readonly title: string;
  readonly byline: string;
  readonly siteName: string;
  /** The page's own address or its canonical link, when known. */
  readonly url: string;
  readonly paragraphs: readonly string[];
  /**
   * Text blocks of the page outside the extracted article (sidebars, boxes the
   * extractor left out). Only consulted before calling a paragraph missing: text that
   * is on the page somewhere is not missing, even if extraction did not keep it.
   */
  readonly outside?: readonly string[];
}

/** A plain-text page: paragraphs on blank lines (or single newlines where there are none). */
export function articleFromText(text: string, url = ''): Article {
  return { title: '', byline: '', siteName: '', url, paragraphs: splitParagraphs(text) };
}
