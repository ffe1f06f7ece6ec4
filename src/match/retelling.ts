// A retelling: how much of a page says an original's paragraphs again, and how. Copies
// and translations keep the original's sequence; rewrites by a model or a spinner reword
// every sentence, and restructured ones move, merge and split paragraphs (align.ts finds
// the moved ones). Acceptance and the verdict read these figures (docs/matching.md).
import { sketchOf, type CorpusIndex } from '../corpus/corpus-index';
import {
  countShared,
  distinctSorted,
  shingleSet,
  termSet,
  type ParagraphFingerprint,
} from '../fingerprint/fingerprint';
import { hashString } from '../fingerprint/hash';
import { wordingOverlap, type WordingSample } from '../fingerprint/wording';
import { isFigure, tokenize } from '../text/tokens';
import type { AlignedPair, Alignment } from './align';
import { swapsNames } from './facts';
import { PROSE_PARAGRAPH_WORDS } from './page';

/**
 * A page paragraph with fewer words than this outside quotation marks is a quotation: it
 * says neither that the page copies the original nor that it rewords it (a rewrite keeps
 * quotations as they were said).
 */
export const MIN_NARRATION_WORDS = 8;
/**
 * A pair whose narration (the page paragraph's words outside quotation marks) keeps less
 * than this share of its word shingles from the original paragraph says it in other words.
 * The pair's own kind (whole-paragraph wording of 0.5 or more is a copy) called 73% of a
 * close paraphrase in the development set (tests/fixtures/rewrites) copied, because three
 * of its nine paragraphs are quotations kept as said (docs/matching.md, section 5).
 */
export const MAX_RETOLD_WORDING = 0.5;

// A quotation running over several paragraphs opens each of them and closes only in the
// last: a mark left open runs to the paragraph's end.
const QUOTED = /“[^”]*(?:”|$)|"[^"]*(?:"|$)|«[^»]*(?:»|$)|„[^“”]*(?:[“”]|$)/g;

/** The word shingles of a page paragraph's words outside quotation marks, and how many words that is. */
function narrationShingles(text: string): { readonly shingles: Uint32Array; readonly words: number } {
  const runs = text.split(QUOTED).map((run) => tokenize(run).map(hashString));
  const all: number[] = [];
  for (const run of runs) all.push(...shingleSet(run));
  return { shingles: distinctSorted(all), words: runs.reduce((sum, run) => sum + run.length, 0) };
}

/** Share of a page paragraph's narration copied from an original paragraph, or null for a quotation. */
function narrationWording(text: string, original: WordingSample): number | null {
  const { shingles, words } = narrationShingles(text);
  return words < MIN_NARRATION_WORDS ? null : wordingOverlap(shingles, original);
}

export interface Retelling {
  /** Prose pairs in the original's order, and out of it. */
  readonly inOrder: readonly AlignedPair[];
  readonly moved: readonly AlignedPair[];
  /** Page words of all retold pairs, and of the reworded ones among them (their narration in other words). */
  readonly retoldWords: number;
  readonly rewordedWords: number;
  /** The retold pairs said in other words, in page order. */
  readonly reworded: readonly AlignedPair[];
  /** Page words of retold pairs that are quotations (too little narration to say). */
  readonly quotedWords: number;
  /** Mean content share of the reworded pairs, weighted by page words (0 without any). */
  readonly rewordedContent: number;
  /** Page words of the retold pairs that put other names in the original's place. */
  readonly swappedWords: () => number;
  /** The distinct figures (numbers) of the reworded pairs' page paragraphs, and how many their original paragraphs give. */
  readonly figures: () => { readonly kept: number; readonly all: number };
}

/** The page as a retelling needs it: its paragraphs, their fingerprints and name words. */
export interface RetoldPage {
  readonly paragraphs: readonly string[];
  readonly fingerprints: readonly ParagraphFingerprint[];
  readonly names: (i: number) => ReadonlySet<string>;
}

export function retellingOf(
  index: CorpusIndex,
  alignment: Alignment,
  page: RetoldPage,
  ownProse: ReadonlySet<number>,
): Retelling {
  const { firstParagraph } = index.originalOf(alignment.originalIndex);
  const records = index.keptParagraphsOf(alignment.originalIndex);
  const { fingerprints, paragraphs, names } = page;
  const wordsOf = (i: number): number => fingerprints[i]!.wordCount;
  const isProse = (p: AlignedPair): boolean => wordsOf(p.page) >= PROSE_PARAGRAPH_WORDS && ownProse.has(p.original);
  const inOrder = alignment.pairs.filter(isProse);
  const moved = alignment.moved.filter(isProse);
  const retold = [...inOrder, ...moved];
  const words = (pairs: readonly AlignedPair[]): number => pairs.reduce((sum, p) => sum + wordsOf(p.page), 0);
  const quoted: AlignedPair[] = [];
  const reworded: AlignedPair[] = [];
  for (const p of retold) {
    const copied = narrationWording(paragraphs[p.page]!, sketchOf(index, firstParagraph + p.original).wording);
    if (copied === null) quoted.push(p);
    else if (copied < MAX_RETOLD_WORDING) reworded.push(p);
  }
  const rewordedWords = words(reworded);
  const content = reworded.reduce((sum, p) => sum + p.similarity.content * wordsOf(p.page), 0);
  const near = (i: number): string => paragraphs.slice(Math.max(0, i - 1), i + 2).join('\n');
  // Reading names costs most: only when asked (a copy's check stops before).
  let swapped: number | undefined;
  const swappedWords = (): number =>
    (swapped ??= words(retold.filter((p) => swapsNames(names(p.page), near(p.page), records, p.original, 'retold'))));
  // Read only when the content share alone does not say (accept.ts, keepsFacts).
  let counted: { kept: number; all: number } | undefined;
  const figures = (): { kept: number; all: number } => {
    if (counted) return counted;
    counted = { kept: 0, all: 0 };
    for (const p of reworded) {
      const numbers = termSet(tokenize(paragraphs[p.page]!).filter(isFigure));
      counted.all += numbers.length;
      counted.kept += countShared(numbers, sketchOf(index, firstParagraph + p.original).terms);
    }
    return counted;
  };
  return {
    inOrder,
    moved,
    retoldWords: words(retold),
    rewordedWords,
    reworded: reworded.sort((a, b) => a.page - b.page),
    quotedWords: words(quoted),
    rewordedContent: rewordedWords === 0 ? 0 : content / rewordedWords,
    swappedWords,
    figures,
  };
}
