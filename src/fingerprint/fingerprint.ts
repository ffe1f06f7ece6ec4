import { combine, hashString } from './hash';
import { minhash } from './minhash';
import { CONTENT_PERMUTATIONS, SHINGLE_WORDS, TERM_BITS } from './params';
import { contentTerms, tokenize } from '../text/tokens';

/** What the pipeline knows about one paragraph's text without keeping the text. */
export interface ParagraphFingerprint {
  /** The word shingles' hashes, sorted and distinct: wording is compared on them (wording.ts). */
  readonly shingles: Uint32Array;
  /** MinHash of the stemmed content terms: survives rewording and translation. */
  readonly content: Uint32Array;
  /** The content terms' TERM_BITS-bit hashes, sorted and distinct: compared exactly when verifying. */
  readonly terms: Uint32Array;
  /** Distinct shingles and distinct content terms (set sizes, for overlap estimates). */
  readonly shingleCount: number;
  readonly termCount: number;
  readonly wordCount: number;
}

/**
 * The distinct word shingles of a run of token hashes, sorted. A run shorter than a
 * shingle is one shingle of all its words.
 */
export function shingleSet(tokenHashes: ArrayLike<number>, from = 0, to = tokenHashes.length): Uint32Array {
  const shingleList: number[] = [];
  if (to > from && to - from < SHINGLE_WORDS) {
    let h = 0;
    for (let i = from; i < to; i++) h = combine(h, tokenHashes[i]!);
    shingleList.push(h);
  }
  for (let i = from; i + SHINGLE_WORDS <= to; i++) {
    let h = 0;
    for (let k = 0; k < SHINGLE_WORDS; k++) h = combine(h, tokenHashes[i + k]!);
    shingleList.push(h);
  }
  return distinctSorted(shingleList);
}

/** The TERM_BITS-bit hashes of content terms, sorted and distinct. */
export function termSet(tokens: readonly string[]): Uint32Array {
  return distinctSorted(contentTerms(tokens).map((t) => hashString(t) >>> (32 - TERM_BITS)));
}

export function fingerprintParagraph(text: string): ParagraphFingerprint {
  const tokens = tokenize(text);
  const shingles = shingleSet(tokens.map(hashString));
  const terms = termSet(tokens);
  return {
    shingles,
    content: minhash(terms, CONTENT_PERMUTATIONS),
    terms,
    shingleCount: shingles.length,
    termCount: terms.length,
    wordCount: tokens.length,
  };
}

/** Size of the intersection of two sorted, distinct hash lists. */
export function countShared(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** Distinct values, sorted ascending (typed-array sort is numeric). */
export function distinctSorted(values: ArrayLike<number>): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!;
  return sorted.subarray(0, n);
}
