// Text normalisation shared by build time and run time: any change here changes
// every signature, so FINGERPRINT_VERSION in fingerprint/params.ts must move with it.

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u02BC\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g;
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// "U.S." and "U.S" become "US" so that acronyms match however they were dotted.
const DOTTED_ACRONYM = /\b(\p{Lu})\.(?=\p{Lu}\b)/gu;

/** Folds typography only (quotes, dashes, invisible characters); keeps case and layout. */
export function foldTypography(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-');
}

/** The canonical form fingerprints are computed on: folded, one line, lower case. */
export function normalizeText(text: string): string {
  return foldTypography(text).replace(DOTTED_ACRONYM, '$1').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Collapses runs of white space for display, keeping the text as written. */
export function tidyWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
