// Fingerprint parameters. An index records them and is refused when they differ,
// because signatures made with other parameters cannot be compared.

/** Bump when normalisation, tokenisation, shingling or hashing changes. */
export const FINGERPRINT_VERSION = 1;
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
/** Signatures are compared on their low 16 bits (b-bit MinHash), which halves the index. */
export const SIGNATURE_BITS = 16;
