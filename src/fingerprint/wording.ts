import { countShared } from './fingerprint';
import { WORDING_SAMPLE_MAX } from './params';

// What an index keeps of a paragraph's wording: a consistent sample of its word
// shingles, not a MinHash signature. A shingle is in the sample at level L when the
// top L bits of its 32-bit hash are zero, so a page paragraph sampled at the same level
// keeps exactly the same shingles wherever they are shared: a copied paragraph (or a
// cut-down part of one) scores exactly 1, with no estimation noise, and a one-word menu
// item cannot share "a minimum" with a long paragraph by chance. Each original
// paragraph takes the lowest level that keeps at most WORDING_SAMPLE_MAX shingles, and
// stores the 16 bits after the level's zero bits (docs/architecture.md, "Fingerprints").

export interface WordingSample {
  /** Sampling level: a shingle is kept when the top `level` bits of its hash are zero. */
  readonly level: number;
  /** The kept shingles' next 16 hash bits, sorted and distinct. */
  readonly values: Uint16Array;
  /** Distinct shingles of the whole paragraph (not just the sample). */
  readonly shingleCount: number;
}

/** The kept values of sorted, distinct shingle hashes at one level. */
export function sampleAt(shingles: Uint32Array, level: number): Uint16Array {
  // The hashes are sorted, so the kept ones are a prefix: those below 2^(32-level).
  let end = shingles.length;
  if (level > 0) {
    const limit = 2 ** (32 - level);
    let lo = 0;
    while (lo < end) {
      const mid = (lo + end) >>> 1;
      if (shingles[mid]! < limit) lo = mid + 1;
      else end = mid;
    }
  }
  const values = new Uint16Array(end);
  let n = 0;
  for (let i = 0; i < end; i++) {
    const value = ((shingles[i]! << level) >>> 16) & 0xffff;
    if (n === 0 || values[n - 1] !== value) values[n++] = value;
  }
  return values.subarray(0, n);
}

/** The sparsest sampling level: past it a paragraph keeps more than WORDING_SAMPLE_MAX values. */
export const MAX_SAMPLING_LEVEL = 16;

/** The sample an index keeps of a paragraph's sorted, distinct shingle hashes. */
export function wordingSample(shingles: Uint32Array): WordingSample {
  let level = 0;
  let values = sampleAt(shingles, 0);
  while (values.length > WORDING_SAMPLE_MAX && level < MAX_SAMPLING_LEVEL) values = sampleAt(shingles, ++level);
  return { level, values, shingleCount: shingles.length };
}

/** A sample too small to be a share of its own: below it, the other side's rate is used. */
const MIN_RATIO_SAMPLE = 8;

/**
 * Share of the smaller paragraph's shingles found in the other (overlap coefficient),
 * from a page paragraph's full shingle set and an original's sample.
 */
export function wordingOverlap(pageShingles: Uint32Array, original: WordingSample): number {
  const page = sampleAt(pageShingles, original.level);
  const shared = countShared(page, original.values);
  if (shared === 0) return 0;
  const pageIsSmaller = pageShingles.length <= original.shingleCount;
  const smallerSample = pageIsSmaller ? page.length : original.values.length;
  if (smallerSample >= MIN_RATIO_SAMPLE) return Math.min(1, shared / smallerSample);
  // A short page paragraph against a long original (sampled sparsely): scale the shared
  // count by the original's sampling rate instead of dividing by a handful of values.
  const rate = original.values.length / Math.max(1, original.shingleCount);
  const smaller = Math.min(pageShingles.length, original.shingleCount);
  return Math.min(1, shared / rate / Math.max(1, smaller));
}

/** Jaccard similarity of a page's shingle set and an original's sample (same level). */
export function wordingJaccard(pageShingles: Uint32Array, original: WordingSample): number {
  const page = sampleAt(pageShingles, original.level);
  const shared = countShared(page, original.values);
  const union = page.length + original.values.length - shared;
  return union === 0 ? 0 : shared / union;
}
