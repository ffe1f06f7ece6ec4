// Acceptance: whether a retrieved candidate really is the page's original (docs/matching.md,
// "3. Acceptance"). Retrieval only says which originals share paragraphs with the
// page; the page must also be mostly the candidate's own running prose, in its order.
import type { CorpusIndex } from '../corpus/corpus-index';
import type { ParagraphFingerprint } from '../fingerprint/fingerprint';
import { classifyAdded } from '../detect/boilerplate';
import { dateValue } from '../text/dates';
import { alignWithOriginal, type AlignedPair, type Alignment } from './align';
import { pageNameWords, swapsNames } from './facts';
import { pairSimilarity, REWORDED_CONTENT } from './similarity';

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
/**
 * A reworded pair this close is the original's paragraph for certain (translated): share of
 * the smaller paragraph's content terms in the other, and their Jaccard index. Measured on
 * the reworded pairs of the Apertium round trips (tests/fixtures/translation): 95% reach
 * 0.57-0.63 and 0.39-0.44. Human retellings, and other articles on the same events, have
 * medians of 0.60-0.63 and 0.33 (docs/matching.md).
 */
export const FIRM_CONTENT = 0.6;
export const FIRM_CONTENT_JACCARD = 0.4;
/** Share of the matched text that must be firm (copied or closely translated) for a cut page to be the original's. */
export const MIN_FIRM_SHARE = 0.5;

/**
 * A page dated this many days or more before an original is not a copy of it: it came
 * first (an earlier article the original's newsroom built on, or the original's own
 * source). A day's slack covers time zones and dates written without a time.
 */
export const MIN_DAYS_EARLIER = 2;
const DAY_MS = 86_400_000;

/** Whether a page published at `page` came out before an original published at `original` (docs/matching.md). */
const predates = (page: number | null, original: number | null): boolean =>
  page !== null && original !== null && original - page >= MIN_DAYS_EARLIER * DAY_MS;

/** Copied, or reworded as closely as a translation rewords. */
export const isFirmPair = (pair: AlignedPair): boolean =>
  pair.similarity.kind === 'copy' ||
  (pair.similarity.kind === 'reworded' &&
    pair.similarity.content >= FIRM_CONTENT &&
    pair.similarity.contentJaccard >= FIRM_CONTENT_JACCARD);

/**
 * Share of the page's running text that may be its own news among the original's
 * paragraphs, on a page that leaves out some of the original's prose. Measured on the
 * siblings that still looked like cut copies after the rules above (the sentencing
 * release built from the plea release): half put their own prose where the original's
 * is cut, a median of 14-21% of their text, while cut translations and the seed reposts
 * put none.
 */
export const MAX_REPLACED_SHARE = 0.1;

/**
 * Words of the page's own news standing among the original's paragraphs: another article
 * telling its news in the original's frame (a follow-up, the next release of a case), not
 * a cut copy. Counted: the page's own running prose (paragraphs that match nothing of the
 * original) in a gap where the original's own prose is missing, in its place; and, in any
 * gap, prose that says nothing the original says (`isNews`). Only gaps between matched
 * paragraphs count: reposts put their own introduction before the text, and append bios,
 * credits and comments after it.
 */
function ownNewsWords(
  alignment: Alignment,
  fingerprints: readonly ParagraphFingerprint[],
  ownProse: ReadonlySet<number>,
  isNews: (i: number) => boolean,
): number {
  // Pairs are in page order, and so in the original's order.
  const { pairs } = alignment;
  let words = 0;
  let before = pairs[0]!;
  for (const after of pairs.slice(1)) {
    const cut = alignment.missing.some((j) => j > before.original && j < after.original && ownProse.has(j));
    for (const i of alignment.added) {
      const count = fingerprints[i]!.wordCount;
      if (i > before.page && i < after.page && count >= PROSE_PARAGRAPH_WORDS && (cut || isNews(i))) words += count;
    }
    before = after;
  }
  return words;
}

/**
 * Whether page paragraph i is news of the page's own: prose that is no rewording of any
 * of the original's paragraphs (a retelling's paragraphs that the alignment left unpaired
 * still share most of their content with one), and no boilerplate a reposter inserts
 * among the paragraphs it copies (promotion, credits, bios).
 */
function saysItsOwnNews(index: CorpusIndex, candidate: number, page: PageUnderCheck, i: number): boolean {
  const original = index.originalOf(candidate);
  for (let j = 0; j < original.paragraphCount; j++) {
    if (pairSimilarity(page.fingerprints[i]!, index, original.firstParagraph + j).content >= REWORDED_CONTENT) {
      return false;
    }
  }
  const kind = classifyAdded(page.paragraphs[i]!, 'inside', original);
  return kind?.kind === 'finding' && kind.category === 'other';
}

/**
 * Whether the page, aligned with an original, shows the tells of a machine translation of
 * it (detect/translation.ts, given by the caller): translation rewords, and an engine's
 * renderings of names look like other names.
 */
export type MachineTranslated = (alignment: Alignment) => boolean;

/** An accepted candidate: its alignment, and the share of the page's running text that is its prose. */
export interface Accepted {
  readonly alignment: Alignment;
  readonly share: number;
}

/** Words of running text on a page: the words of its paragraphs long enough to be prose. */
export function proseWordCount(fingerprints: readonly ParagraphFingerprint[]): number {
  return fingerprints.filter((f) => f.wordCount >= PROSE_PARAGRAPH_WORDS).reduce((sum, f) => sum + f.wordCount, 0);
}

/** A page as acceptance reads it: what every candidate is weighed against, worked out once. */
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

/**
 * The accepted candidate covering most of the page's running text; among equals (near-
 * identical originals, such as a series of statements), the one whose paragraphs the
 * page's are most alike, then the first. Or null, also when the page says it came out
 * days before that original: it is then that text's source or an earlier article of the
 * same series, not a copy, and not a copy of an older original either (the statement
 * before it in a series, which it resembles less).
 */
export function acceptBest(
  index: CorpusIndex,
  candidates: Iterable<number>,
  page: PageUnderCheck,
  machineTranslated: MachineTranslated = () => false,
): Accepted | null {
  let best: Accepted | null = null;
  for (const candidate of candidates) {
    const accepted = acceptCandidate(index, candidate, page, machineTranslated);
    if (accepted && (!best || closer(accepted, best))) best = accepted;
  }
  if (best && predates(page.published, dateValue(index.originalOf(best.alignment.originalIndex).published)))
    return null;
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
  page: PageUnderCheck,
  machineTranslated: MachineTranslated = () => false,
): Accepted | null {
  const { paragraphs, fingerprints, proseWords, names } = page;
  const alignment = alignWithOriginal(index, candidate, fingerprints);
  const ownProse = ownProseParagraphs(index, candidate);
  const prosePairs = alignment.pairs.filter(
    (p) => fingerprints[p.page]!.wordCount >= PROSE_PARAGRAPH_WORDS && ownProse.has(p.original),
  );
  if (prosePairs.length < Math.min(MIN_ALIGNED_PARAGRAPHS, ownProse.size)) return null;
  // Two paragraphs of a long original are a quotation, not a copy of it.
  if (prosePairs.length < 3 && prosePairs.length < MIN_QUOTED_SHARE * ownProse.size) return null;
  const words = (indices: readonly number[]): number => indices.reduce((sum, i) => sum + fingerprints[i]!.wordCount, 0);
  const continued = words(alignment.continuations);
  const shared = words(prosePairs.map((p) => p.page)) + continued;
  const share = shared / Math.max(proseWords, shared);
  if (share < MIN_PAGE_SHARE) return null;
  // A page that leaves out some of the original's prose may be another article in its frame
  // (a follow-up story, the next press release from the same template), not a cut copy
  // (docs/matching.md): it must not put its own prose where the original's is cut, nor
  // news of its own among the original's paragraphs, and must be mostly copied or closely
  // translated with the names kept, unless it shows it was machine translated from the
  // original. A loose retelling of the whole original is taken for it, as before.
  if (!alignment.missing.some((j) => ownProse.has(j))) return { alignment, share };
  const isNews = (i: number): boolean => saysItsOwnNews(index, candidate, page, i);
  if (ownNewsWords(alignment, fingerprints, ownProse, isNews) >= MAX_REPLACED_SHARE * proseWords) return null;
  const records = index.recordsOf(candidate);
  const near = (i: number): string => paragraphs.slice(Math.max(0, i - 1), i + 2).join('\n');
  const needed = MIN_FIRM_SHARE * shared;
  const firmPairs = prosePairs.filter(isFirmPair);
  let unchecked = words(firmPairs.map((p) => p.page));
  let firm = unchecked + continued;
  // Names are read only while the pairs left unchecked could still bring the share under.
  for (const p of firmPairs) {
    if (firm < needed || firm - unchecked >= needed) break;
    const count = fingerprints[p.page]!.wordCount;
    unchecked -= count;
    if (swapsNames(names(p.page), near(p.page), records, p.original)) firm -= count;
  }
  return firm >= needed || machineTranslated(alignment) ? { alignment, share } : null;
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
