import { sketchOf, type CorpusIndex, type IndexedOriginal } from '../corpus/corpus-index';
import { countShared, shingleSet, termSet } from '../fingerprint/fingerprint';
import { hashString } from '../fingerprint/hash';
import { wordingJaccard } from '../fingerprint/wording';
import { tokenize } from '../text/tokens';

// Before a paragraph is called missing, look for it in all of the page's text: the
// article, and every block extraction left out (pre, code, lists, tables, captions,
// boxes with unlucky class names), whatever the line breaks. A window the size of the
// original paragraph slides over the page's words; the paragraph is there when one
// window has its wording. Comparing windows of the paragraph's own size (not blocks of
// any size) is what stops a one-word menu item from standing in for a long paragraph:
// an overlap measured on a tiny set looks complete when its one shingle is shared.

/** A window with at least this Jaccard similarity (on the sampled shingles) holds the paragraph's wording. */
const SAME_WORDING = 0.5;
/** Most of the paragraph's content terms must be on the page before windows are compared. */
const TERMS_ON_PAGE = 0.6;
/** Windows advance by this share of the paragraph's length. */
const STRIDE_SHARE = 0.2;
/** Shingles hashed per page at most (about 15 ms): a ceiling for huge pages. */
const SHINGLE_BUDGET = 1_500_000;

/** The original's missing paragraphs (0-based) that are nowhere in the page's text. */
export function notElsewhereOnPage(
  missing: readonly number[],
  pageTexts: readonly string[],
  index: CorpusIndex,
  original: IndexedOriginal,
): number[] {
  if (missing.length === 0) return [];
  const tokens = pageTexts.flatMap(tokenize);
  const hashes = Uint32Array.from(tokens, hashString);
  const pageTerms = termSet(tokens);
  let budget = SHINGLE_BUDGET;
  return missing.filter((j) => {
    const p = original.firstParagraph + j;
    const { terms, wording } = sketchOf(index, p);
    if (terms.length === 0 || countShared(terms, pageTerms) < TERMS_ON_PAGE * terms.length) return true;
    const words = index.wordCounts[p]!;
    const stride = Math.max(1, Math.floor(words * STRIDE_SHARE));
    const last = Math.max(0, hashes.length - words);
    for (
      let start = 0;
      start <= last && budget > 0;
      start = start === last ? last + 1 : Math.min(last, start + stride)
    ) {
      const window = shingleSet(hashes, start, Math.min(hashes.length, start + words));
      budget -= window.length;
      if (wordingJaccard(window, wording) >= SAME_WORDING) return false;
    }
    return true;
  });
}
