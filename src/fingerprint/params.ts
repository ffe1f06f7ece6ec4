// Fingerprint parameters. An index records them and is refused when they differ,
// because signatures made with other parameters cannot be compared.

/**
 * Bump when normalisation, tokenisation, stemming, shingling or hashing changes. An index
 * file also recomputes part of each sketch from its snippets with them (sketch-remainder.ts).
 */
export const FINGERPRINT_VERSION = 3;
/** Words per shingle: wording is compared on these (wording.ts). */
export const SHINGLE_WORDS = 3;
/**
 * Candidates are found by content terms alone (a copy shares them as surely as its
 * wording, and so does a translation): 14 bands of 3 rows.
 */
export const CONTENT_BANDS = 14;
export const CONTENT_ROWS = 3;
/**
 * Content signatures only feed the LSH table (verification compares the exact terms),
 * so they need no more permutations than the bands use.
 */
export const CONTENT_PERMUTATIONS = CONTENT_BANDS * CONTENT_ROWS;
/** Bits of a MinHash value the estimator compares (b-bit MinHash: minhash.ts). */
export const SIGNATURE_BITS = 16;
/**
 * Shingles an index keeps of each original paragraph's wording at most (wording.ts):
 * a paragraph of up to this many is kept whole, a longer one sampled to fit.
 */
export const WORDING_SAMPLE_MAX = 48;
/**
 * Content signatures only feed the LSH table (verification compares the exact terms):
 * 8 bits a value are enough for a 3-row band's key (24 bits), and take half the bytes.
 */
export const CONTENT_SIGNATURE_BITS = 8;
/**
 * Content terms are hashed to 16 bits, stored as two bytes each. Two paragraphs of 40
 * terms share a term by chance 40·40/65536 = 0.02 times: nothing next to real overlap.
 */
export const TERM_BITS = 16;
