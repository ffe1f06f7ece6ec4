// Acceptance: whether a retrieved candidate really is the page's original (README,
// "Matching", step 3). Retrieval only says which originals share paragraphs with the
// page; the page must also be mostly the candidate's own running prose, in its order.
import type { CorpusIndex } from '../corpus/corpus-index';
import type { ParagraphFingerprint } from '../fingerprint/fingerprint';
import { alignWithOriginal, type Alignment } from './align';

/** Paragraphs shorter than this are headlines, captions or buttons, not running text. */
export const PROSE_PARAGRAPH_WORDS = 12;
/**
 * A repost shares at least this many aligned paragraphs of prose with its original (or
 * all of a shorter original's): fewer is a quotation. Retrieval counts votes against it.
 */
export const MIN_ALIGNED_PARAGRAPHS = 2;
/** A repost is mostly the original's text: this share of the page's running text at least. */
export const MIN_PAGE_SHARE = 0.5;
/** Fewer than three paragraphs of an original are a quotation unless they are this share of its prose. */
const MIN_QUOTED_SHARE = 0.3;

/** An accepted candidate: its alignment, and the share of the page's running text that is its prose. */
export interface Accepted {
  readonly alignment: Alignment;
  readonly share: number;
}

/** Words of running text on a page: the words of its paragraphs long enough to be prose. */
export function proseWordCount(fingerprints: readonly ParagraphFingerprint[]): number {
  return fingerprints.filter((f) => f.wordCount >= PROSE_PARAGRAPH_WORDS).reduce((sum, f) => sum + f.wordCount, 0);
}

/**
 * The accepted candidate covering most of the page's running text; among equals (near-
 * identical originals, such as a series of statements), the one whose paragraphs the
 * page's are most alike, then the first. Or null.
 */
export function acceptBest(
  index: CorpusIndex,
  candidates: Iterable<number>,
  fingerprints: readonly ParagraphFingerprint[],
  proseWords = proseWordCount(fingerprints),
): Accepted | null {
  let best: Accepted | null = null;
  for (const candidate of candidates) {
    const accepted = acceptCandidate(index, candidate, fingerprints, proseWords);
    if (accepted && (!best || closer(accepted, best))) best = accepted;
  }
  return best;
}

/** Shares this close are equal: what tells the originals apart is how alike their paragraphs are. */
const SHARE_TIE = 1e-9;
const likeness = (a: Accepted): number => a.alignment.pairs.reduce((sum, p) => sum + p.similarity.score, 0);
const closer = (a: Accepted, b: Accepted): boolean =>
  a.share > b.share + SHARE_TIE || (a.share >= b.share - SHARE_TIE && likeness(a) > likeness(b));

/**
 * Accepts a candidate only when the page is mostly its text, in its order, and the
 * match rests on the original's own running prose: lists, schedules, captions and the
 * corporate "About …" tail that two honest pages can share do not count.
 */
export function acceptCandidate(
  index: CorpusIndex,
  candidate: number,
  fingerprints: readonly ParagraphFingerprint[],
  proseWords = proseWordCount(fingerprints),
): Accepted | null {
  const alignment = alignWithOriginal(index, candidate, fingerprints);
  const ownProse = ownProseParagraphs(index, candidate);
  const prosePairs = alignment.pairs.filter(
    (p) => fingerprints[p.page]!.wordCount >= PROSE_PARAGRAPH_WORDS && ownProse.has(p.original),
  );
  if (prosePairs.length < Math.min(MIN_ALIGNED_PARAGRAPHS, ownProse.size)) return null;
  // Two paragraphs of a long original are a quotation, not a copy of it.
  if (prosePairs.length < 3 && prosePairs.length < MIN_QUOTED_SHARE * ownProse.size) return null;
  const sharedIndices = [...prosePairs.map((p) => p.page), ...alignment.continuations];
  const shared = sharedIndices.reduce((sum, i) => sum + fingerprints[i]!.wordCount, 0);
  const share = shared / Math.max(proseWords, shared);
  return share >= MIN_PAGE_SHARE ? { alignment, share } : null;
}

/**
 * The headings that open a press release's boilerplate tail: "Media contact", "Contact:",
 * and "About Acme" as a line of its own or before a colon. Prose that merely starts with
 * "About President Kennedy's plan, …" is not one. Not case-insensitive (the `i` flag
 * would let \p{Lu} match any letter): first letters either way. End marks ("###",
 * "- 30 -") have no letters and are not kept: the index records where one stood.
 */
const TAIL_HEADING =
  /^(?:[Mm]edia\s+[Cc]ontacts?\b|[Pp]ress\s+[Cc]ontacts?\b|[Cc]ontacts?\s*:|[Aa]bout\s+(?:the\s+)?\p{Lu}[^.!?:]*:)/u;
const ABOUT_LINE = /^[Aa]bout\s+(?:the\s+)?\p{Lu}[^.!?]*$/u;

const isTailHeading = (snippet: string, words: number): boolean =>
  TAIL_HEADING.test(snippet) || (words < PROSE_PARAGRAPH_WORDS && ABOUT_LINE.test(snippet));

/**
 * The original's paragraphs that are its own running prose: long enough to be prose,
 * and before a boilerplate tail ("About Acme Corp…", "Media contact"), which every
 * release of that company carries.
 */
export function ownProseParagraphs(index: CorpusIndex, candidate: number): Set<number> {
  const { firstParagraph, paragraphCount, endMark } = index.originalOf(candidate);
  const records = index.recordsOf(candidate);
  const prose = new Set<number>();
  for (let j = 0; j < paragraphCount; j++) {
    // The tail starts at its heading or at an end mark; a first paragraph is never a tail.
    const words = index.wordCounts[firstParagraph + j]!;
    if (j > 0 && (j === endMark || isTailHeading(records[j]!.snippet, words))) break;
    if (words >= PROSE_PARAGRAPH_WORDS) prose.add(j);
  }
  return prose;
}
