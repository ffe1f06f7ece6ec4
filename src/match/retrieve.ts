import type { ParagraphFingerprint } from '../fingerprint/fingerprint';
import { paragraphCountOf, type CorpusIndex } from '../corpus/corpus-index';
import { MIN_ALIGNED_PARAGRAPHS } from './accept';
import { MIN_MATCH_WORDS } from './similarity';

/** How many candidate originals are verified by alignment. */
export const CANDIDATES_VERIFIED = 5;
/**
 * How many for a page called rewritten from the best of those (analyze.ts): a retelling meets its
 * original in fewer LSH bands than a copy does, and a series of near-identical originals (a
 * committee's statements) ties in votes, so its own original may rank below the first five.
 * Measured on the development set of rewrites (tests/fixtures/rewrites): 10 finds the right
 * original for 2 more of 180, 15 for 2 more again (docs/matching.md).
 */
export const CANDIDATES_VERIFIED_FOR_RETELLINGS = 10;
const MIN_VOTES = MIN_ALIGNED_PARAGRAPHS;

/**
 * Candidate originals for a page: every original one of whose paragraphs shares an
 * LSH band of content terms with a page paragraph. Copies and cut copies share them as
 * surely as their wording, and translations keep them when the wording goes. Ranked
 * by how many page paragraphs point at each, then by how many bands they share.
 */
export function retrieveCandidates(
  index: CorpusIndex,
  page: readonly ParagraphFingerprint[],
  limit = CANDIDATES_VERIFIED,
): number[] {
  const votes = new Map<number, number>();
  // Per original, the bands its best paragraph shares with each page paragraph, summed:
  // among originals with as many votes (a series of near-identical statements), the one
  // the page copies shares the most bands, and is verified first.
  const strength = new Map<number, number>();
  const asked = page.filter((paragraph) => paragraph.wordCount >= MIN_MATCH_WORDS);
  for (const hits of index.contentLsh.query(asked.map((paragraph) => paragraph.content))) {
    const best = new Map<number, number>();
    for (const [hit, bands] of hits) {
      const original = index.owner[hit]!;
      best.set(original, Math.max(best.get(original) ?? 0, bands));
    }
    for (const [original, bands] of best) {
      votes.set(original, (votes.get(original) ?? 0) + 1);
      strength.set(original, (strength.get(original) ?? 0) + bands);
    }
  }
  // A repost shares at least MIN_ALIGNED_PARAGRAPHS paragraphs with its original (accept.ts
  // requires as many aligned pairs), so one vote only counts for a page or an original of one paragraph.
  const ranked = [...votes.entries()].sort(
    (a, b) => b[1] - a[1] || strength.get(b[0])! - strength.get(a[0])! || a[0] - b[0],
  );
  const top = ranked[0]?.[1] ?? 0;
  return ranked
    .filter(([original, count]) => count >= Math.max(MIN_VOTES, top / 4) || paragraphCountOf(index, original) === 1)
    .slice(0, limit)
    .map(([original]) => original);
}
