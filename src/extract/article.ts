import { splitParagraphs } from '../text/paragraphs';
import type { TooLarge } from './budget';
import type { ArticleMetadata } from './metadata';

export type { TooLarge, TooLargeReason } from './budget';
export type { ArticleMetadata } from './metadata';

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
  /** JSON-LD, OpenGraph and meta-tag facts about the page (HTML pages only). */
  readonly metadata?: ArticleMetadata;
  /**
   * Set when the page is over an extraction budget: it was not read (paragraphs and
   * outside are empty) and must be reported as too large to check, never judged.
   */
  readonly tooLarge?: TooLarge;
}

/** A plain-text page: paragraphs on blank lines (or single newlines where there are none). */
export function articleFromText(text: string, url = ''): Article {
  return { title: '', byline: '', siteName: '', url, paragraphs: splitParagraphs(text) };
}

/** The answer for a page over budget: nothing read, and the reason. */
export function tooLargeArticle(tooLarge: TooLarge, url = ''): Article {
  return { title: '', byline: '', siteName: '', url, paragraphs: [], outside: [], tooLarge };
}
