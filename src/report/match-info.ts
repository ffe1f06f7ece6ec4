import type { CorpusIndex } from '../corpus/corpus-index';
import { countShared, distinctSorted, type ParagraphFingerprint } from '../fingerprint/fingerprint';
import type { Alignment } from '../match/align';
import type { MatchInfo } from './report';

/**
 * The report's account of the matched original: its metadata, the Jaccard similarity of
 * the two whole texts' content terms, and the share of its paragraphs found on the page.
 */
export function matchInfo(
  index: CorpusIndex,
  alignment: Alignment,
  fingerprints: readonly ParagraphFingerprint[],
): MatchInfo {
  const original = index.originalOf(alignment.originalIndex);
  const allPageTerms = new Uint32Array(fingerprints.reduce((sum, f) => sum + f.terms.length, 0));
  fingerprints.reduce((at, f) => (allPageTerms.set(f.terms, at), at + f.terms.length), 0);
  const page = distinctSorted(allPageTerms);
  const originalTerms = distinctSorted(index.sketchesOf(alignment.originalIndex).flatMap((s) => Array.from(s.terms)));
  const shared = countShared(page, originalTerms);
  const similarity = shared / Math.max(1, page.length + originalTerms.length - shared);
  const found = alignment.pairs.length + alignment.merged.length + alignment.moved.length;
  const { firstParagraph: _f, paragraphCount, ...meta } = original;
  return {
    ...meta,
    similarity: round(similarity),
    coverage: round(found / paragraphCount),
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;
