import type { ParagraphFingerprint } from '../fingerprint/fingerprint';
import type { CorpusIndex } from '../corpus/corpus-index';
import { COPY_WORDING, pairSimilarity, type PairSimilarity } from './similarity';

/** How much of part + partner a merged paragraph must hold (wording changes length a little). */
const MERGED_SIZE = 0.85;

export interface AlignedPair {
  /** Index among the page's paragraphs. */
  readonly page: number;
  /** 0-based index in the original. */
  readonly original: number;
  readonly similarity: PairSimilarity;
  /** Paired by position: alone in the same gap and loosely alike (a short, edited paragraph). */
  readonly byPosition?: boolean;
}

export interface Alignment {
  /** Index of the original in the corpus index. */
  readonly originalIndex: number;
  /** Ordered, one-to-one pairs. */
  readonly pairs: readonly AlignedPair[];
  /** Original paragraphs with no pair but whose text sits, merged or split, where they belong. */
  readonly merged: readonly number[];
  /** Original paragraphs the page does not have. */
  readonly missing: readonly number[];
  /** Page paragraphs with no pair that continue a neighbouring paired paragraph. */
  readonly continuations: readonly number[];
  /** Page paragraphs that are not the original's text. */
  readonly added: readonly number[];
}

/**
 * Aligns a page with one original: the ordered one-to-one pairing of paragraphs that
 * maximises total similarity (a weighted longest common subsequence). Paragraphs a
 * repost merged or split are then recognised next to their place, so they are not
 * called missing or added.
 */
export function alignWithOriginal(
  index: CorpusIndex,
  originalIndex: number,
  page: readonly ParagraphFingerprint[],
): Alignment {
  const original = index.originals[originalIndex]!;
  const n = page.length;
  const m = original.paragraphCount;
  const sims: PairSimilarity[][] = page.map((p) =>
    Array.from({ length: m }, (_, j) => pairSimilarity(p, index, original.firstParagraph + j)),
  );
  const width = m + 1;
  const best = new Float64Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const score = sims[i - 1]![j - 1]!.score;
      const diagonal = score > 0 ? best[(i - 1) * width + j - 1]! + score : 0;
      best[i * width + j] = Math.max(best[(i - 1) * width + j]!, best[i * width + j - 1]!, diagonal);
    }
  }
  const pairs: AlignedPair[] = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
    const here = best[i * width + j]!;
    if (here === best[(i - 1) * width + j]) i--;
    else if (here === best[i * width + j - 1]) j--;
    else {
      pairs.push({ page: i - 1, original: j - 1, similarity: sims[i - 1]![j - 1]! });
      i--;
      j--;
    }
  }
  pairs.reverse();
  fillGaps(pairs, sims, n, m);

  const pageOf = new Map(pairs.map((p) => [p.original, p.page]));
  const originalOf = new Map(pairs.map((p) => [p.page, p.original]));
  const originalWords = (j: number): number => index.wordCounts[original.firstParagraph + j]!;
  const pageWords = (i: number): number => page[i]!.wordCount;
  // A paragraph with no pair may still be on the page, merged into a neighbour or split
  // off it: its text is inside a page paragraph near its place (same wording, or same
  // content for a reworded page), and the sizes add up: the whole is as long as the
  // part and the whole's own partner together. Sizes matter because neighbouring
  // paragraphs share a topic, and some originals repeat a formula from one to the next.
  const holds = (sim: PairSimilarity, whole: number, part: number, partner: number): boolean =>
    (sim.wording >= COPY_WORDING || sim.kind === 'reworded') && whole >= MERGED_SIZE * (part + partner);
  const merged: number[] = [];
  const missing: number[] = [];
  for (let j = 0; j < m; j++) {
    if (pageOf.has(j)) continue;
    const [from, to] = neighbours(
      pairs,
      j,
      (p) => p.original,
      (p) => p.page,
      n,
    );
    let found = false;
    for (let i = from; i <= to && !found; i++) {
      const partner = originalOf.get(i);
      found = holds(sims[i]![j]!, pageWords(i), originalWords(j), partner === undefined ? 0 : originalWords(partner));
    }
    (found ? merged : missing).push(j);
  }
  const continuations: number[] = [];
  const added: number[] = [];
  for (let i = 0; i < n; i++) {
    if (originalOf.has(i)) continue;
    const [from, to] = neighbours(
      pairs,
      i,
      (p) => p.page,
      (p) => p.original,
      m,
    );
    let found = false;
    for (let j = from; j <= to && !found; j++) {
      const partner = pageOf.get(j);
      found = holds(sims[i]![j]!, originalWords(j), pageWords(i), partner === undefined ? 0 : pageWords(partner));
    }
    (found ? continuations : added).push(i);
  }
  return { originalIndex, pairs, merged, missing, continuations, added };
}

/**
 * For an unpaired item at `at` on one side, the range on the other side between the
 * pairs just before and just after it (inclusive): where its text would have to be.
 */
function neighbours(
  pairs: readonly AlignedPair[],
  at: number,
  side: (p: AlignedPair) => number,
  other: (p: AlignedPair) => number,
  otherLength: number,
): [number, number] {
  let from = 0;
  let to = otherLength - 1;
  for (const pair of pairs) {
    if (side(pair) < at) from = other(pair);
    else {
      to = other(pair);
      break;
    }
  }
  return [from, to];
}

/** Loose likeness for a paragraph pair that is alone in its gap. */
const GAP_WORDING = 0.25;
const GAP_CONTENT = 0.5;
const MAX_GAP = 3;

/**
 * Short paragraphs have few shingles, so a light edit can hide them from the scores
 * above. Where the gap between two consecutive pairs holds as many page paragraphs as
 * original ones (at most three), pair them in order if each pair is loosely alike.
 */
function fillGaps(pairs: AlignedPair[], sims: readonly PairSimilarity[][], n: number, m: number): void {
  const bounds = [{ page: -1, original: -1 }, ...pairs, { page: n, original: m }];
  const filled: AlignedPair[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const [before, after] = [bounds[k]!, bounds[k + 1]!];
    const size = after.page - before.page - 1;
    if (size < 1 || size > MAX_GAP || size !== after.original - before.original - 1) continue;
    const gap = Array.from({ length: size }, (_, d) => ({
      page: before.page + 1 + d,
      original: before.original + 1 + d,
    }));
    const alike = gap.every(({ page, original }) => {
      const sim = sims[page]![original]!;
      return sim.wording >= GAP_WORDING || sim.content >= GAP_CONTENT;
    });
    if (alike) for (const g of gap) filled.push({ ...g, similarity: sims[g.page]![g.original]!, byPosition: true });
  }
  pairs.push(...filled);
  pairs.sort((a, b) => a.page - b.page);
}
