import { mix32 } from './hash';
import { SIGNATURE_BITS } from './params';

// MinHash as the `minhash` package defines it (one minimum per permutation, Jaccard =
// share of equal minima), with three parts replaced for measured reasons
// (docs/architecture.md, "Fingerprints"): elements are hashed once, not once per
// permutation; permutations are xor-seeded 32-bit mixers instead of a*h+b mod p in
// doubles (which overflows 2^53); and their seeds come from integer arithmetic, not
// Math.sin (whose last bits may differ between JavaScript engines).

const MAX_PERMUTATIONS = 256;
const SEEDS: Uint32Array = (() => {
  const seeds = new Uint32Array(MAX_PERMUTATIONS);
  let state = 0x5eed1e55;
  for (let i = 0; i < seeds.length; i++) {
    state = (state + 0x9e3779b9) | 0;
    seeds[i] = mix32(state);
  }
  return seeds;
})();

const MASK = (1 << SIGNATURE_BITS) - 1;
const CHANCE_MATCH = 1 / (1 << SIGNATURE_BITS);

/** The MinHash signature (full 32-bit minima) of a set of element hashes. */
export function minhash(elements: ArrayLike<number>, permutations: number): Uint32Array {
  const signature = new Uint32Array(permutations).fill(0xffffffff);
  const seeds = SEEDS;
  for (let e = 0; e < elements.length; e++) {
    const element = elements[e]!;
    for (let i = 0; i < permutations; i++) {
      // mix32(element ^ seed), inlined: this loop is most of the fingerprinting time.
      let h = element ^ seeds[i]!;
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}

/** The stored form: low bits only (b-bit MinHash). */
export function toStoredSignature(signature: Uint32Array, bits = SIGNATURE_BITS): Uint16Array {
  const mask = (1 << bits) - 1;
  const stored = new Uint16Array(signature.length);
  for (let i = 0; i < signature.length; i++) stored[i] = signature[i]! & mask;
  return stored;
}

/**
 * Jaccard estimate between two signatures, either full or stored. Equal low bits
 * happen by chance 1 time in 2^16, which the estimate corrects for.
 */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let equal = 0;
  for (let i = 0; i < n; i++) if ((a[i]! & MASK) === (b[i]! & MASK)) equal++;
  const share = equal / n;
  return Math.max(0, (share - CHANCE_MATCH) / (1 - CHANCE_MATCH));
}

/**
 * Share of the smaller set found in the larger one (overlap coefficient), from a
 * Jaccard estimate and the two set sizes: |A∩B| = J(|A|+|B|)/(1+J). This is what
 * finds a page paragraph that is a cut-down copy of an original paragraph.
 */
export function estimateOverlap(jaccard: number, sizeA: number, sizeB: number): number {
  const smaller = Math.min(sizeA, sizeB);
  if (smaller === 0) return 0;
  const intersection = (jaccard * (sizeA + sizeB)) / (1 + jaccard);
  return Math.min(1, intersection / smaller);
}
