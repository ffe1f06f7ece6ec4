import { countShared, type ParagraphFingerprint } from '../fingerprint/fingerprint';
import { wordingOverlap } from '../fingerprint/wording';
import { sketchOf, type CorpusIndex } from '../corpus/corpus-index';

/** How one page paragraph relates to one original paragraph. */
export interface PairSimilarity {
  /** Share of the smaller paragraph's word shingles found in the other. */
  readonly wording: number;
  /** Share of the smaller paragraph's content terms found in the other. */
  readonly content: number;
  readonly contentJaccard: number;
  /** copy: same wording; reworded: same content in other words; none: not the same paragraph. */
  readonly kind: 'copy' | 'reworded' | 'none';
  /** Alignment weight: 0 when the paragraphs are not the same. */
  readonly score: number;
}

// Thresholds measured on seed pairs and on Brown corpus distractors (docs/matching.md).
export const COPY_WORDING = 0.5;
export const REWORDED_CONTENT = 0.42;
export const REWORDED_CONTENT_JACCARD = 0.22;
/** Paragraphs shorter than this say too little to be matched on their own. */
export const MIN_MATCH_WORDS = 6;
export const MIN_MATCH_TERMS = 4;
/** A short line inside a long paragraph (a headline, a pull quote) is not that paragraph. */
const FRAGMENT_WORDS = 15;
const FRAGMENT_RATIO = 0.25;

function sizesComparable(pageWords: number, originalWords: number): boolean {
  const smaller = Math.min(pageWords, originalWords);
  if (smaller < MIN_MATCH_WORDS) return false;
  return smaller >= FRAGMENT_WORDS || smaller >= FRAGMENT_RATIO * Math.max(pageWords, originalWords);
}

export function pairSimilarity(page: ParagraphFingerprint, index: CorpusIndex, paragraph: number): PairSimilarity {
  const sketch = sketchOf(index, paragraph);
  const wording = wordingOverlap(page.shingles, sketch.wording);
  const originalTerms = sketch.terms;
  const shared = countShared(page.terms, originalTerms);
  const union = page.terms.length + originalTerms.length - shared;
  const contentJaccard = union === 0 ? 0 : shared / union;
  const content = shared / Math.max(1, Math.min(page.terms.length, originalTerms.length));
  const originalWords = index.wordCounts[paragraph]!;
  let kind: PairSimilarity['kind'] = 'none';
  if (wording >= COPY_WORDING && sizesComparable(page.wordCount, originalWords)) kind = 'copy';
  else if (
    page.wordCount >= MIN_MATCH_WORDS &&
    originalWords >= MIN_MATCH_WORDS &&
    page.termCount >= MIN_MATCH_TERMS &&
    content >= REWORDED_CONTENT &&
    contentJaccard >= REWORDED_CONTENT_JACCARD
  ) {
    kind = 'reworded';
  }
  const score = kind === 'copy' ? wording : kind === 'reworded' ? content * 0.9 : 0;
  return { wording, content, contentJaccard, kind, score };
}
