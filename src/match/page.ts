// The page under check, as every candidate original is weighed against it: its
// paragraphs, their fingerprints, its running text and its date, worked out once.
import type { ParagraphFingerprint } from '../fingerprint/fingerprint';
import { dateValue } from '../text/dates';
import { pageNameWords } from './facts';

/** Paragraphs shorter than this are headlines, captions or buttons, not running text. */
export const PROSE_PARAGRAPH_WORDS = 12;
export const DAY_MS = 86_400_000;

/** Words of running text on a page: the words of its paragraphs long enough to be prose. */
export function proseWordCount(fingerprints: readonly ParagraphFingerprint[]): number {
  return fingerprints.filter((f) => f.wordCount >= PROSE_PARAGRAPH_WORDS).reduce((sum, f) => sum + f.wordCount, 0);
}

/** A page as comparison and acceptance read it: what every candidate is weighed against, worked out once. */
export interface PageUnderCheck {
  readonly paragraphs: readonly string[];
  readonly fingerprints: readonly ParagraphFingerprint[];
  /** Words of its running text (proseWordCount). */
  readonly proseWords: number;
  /** The name words of paragraph i, read the first time a candidate asks (facts.ts). */
  readonly names: (i: number) => ReadonlySet<string>;
  /** When the page says it was published (milliseconds since the epoch), or null. */
  readonly published: number | null;
}

/** `published` is the date the page gives itself, as written (its metadata), or ''. */
export const pageUnderCheck = (
  paragraphs: readonly string[],
  fingerprints: readonly ParagraphFingerprint[],
  published = '',
): PageUnderCheck => ({
  paragraphs,
  fingerprints,
  proseWords: proseWordCount(fingerprints),
  names: pageNameWords(paragraphs),
  published: pageDate(published),
});

function pageDate(published: string): number | null {
  // A year or a month alone ("2021", "2021-12") does not say the page came first: read
  // as its first day, it would put a page published later in that year before the original.
  if (/^\s*\d{4}(?:-\d{2})?\s*$/.test(published)) return null;
  const time = dateValue(published);
  // The epoch itself is a broken CMS's "no date", not a date.
  return time !== null && time > DAY_MS ? time : null;
}
