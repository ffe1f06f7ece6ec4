// Fingerprint parameters. An index records them and is refused when they differ,
// because signatures made with other parameters cannot be compared.

/** Bump when normalisation, tokenisation, shingling or hashing changes. */
export const FINGERPRINT_VERSION = 2;
/** Words per shingle for the lexical (wording) signature. */
export const SHINGLE_WORDS = 3;
/** MinHash permutations per paragraph for wording: all are used to estimate similarity. */
export const LEXICAL_PERMUTATIONS = 64;
/** LSH banding: wording finds copies (band of 4 rows), content finds translations (3 rows). */
export const LEXICAL_BANDS = 12;
export const LEXICAL_ROWS = 4;
export const CONTENT_BANDS = 14;
export const CONTENT_ROWS = 3;
/**
 * Content signatures only feed the LSH table (verification compares the exact terms),
 * so they need no more permutations than the bands use.
 */
export const CONTENT_PERMUTATIONS = CONTENT_BANDS * CONTENT_ROWS;
/**
 * Wording signatures are stored and compared on their low 16 bits (b-bit MinHash).
 * Not fewer: at 8 bits a short paragraph's few shingles match a long one's minima by
 * chance often enough (64/256 per comparison) to pass for a copied fragment.
 */
export const SIGNATURE_BITS = 16;
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
