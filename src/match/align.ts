import type { ParagraphFingerprint } from '../fingerprint/fingerprint';
import type { CorpusIndex } from '../corpus/corpus-index';
import { COPY_WORDING, REWORDED_CONTENT, pairSimilarity, type PairSimilarity } from './similarity';

/** How much of part + partner a merged paragraph must hold (wording changes length a little). */
const MERGED_SIZE = 0.85;
/** A translation's length differs from the original's by this factor at most, for size checks. */
const MAX_SCALE = 1.3;

export interface AlignedPair {
  /** Index among the page's paragraphs. */
  readonly page: number;
  /** 0-based index in the original. */
  readonly original: number;
  readonly similarity: PairSimilarity;
  /** Paired by position: in a gap between two pairs, or next to the first or last, and loosely alike. */
  readonly byPosition?: boolean;
  /** Out of the original's order (Alignment.moved). */
  readonly moved?: boolean;
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
  /**
   * Pairs out of the original's order: a page paragraph that says what an original
   * paragraph says, standing elsewhere (a restructured rewrite moves paragraphs). Both
   * sides stay among `missing` and `added`, which acceptance reads in the original's order;
   * the findings leave them out. In page order.
   */
  readonly moved: readonly AlignedPair[];
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
  const original = index.originalOf(originalIndex);
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
  alignGaps(pairs, sims, n, m);
  fillGaps(pairs, sims, n, m);

  const pageOf = new Map(pairs.map((p) => [p.original, p.page]));
  const originalOf = new Map(pairs.map((p) => [p.page, p.original]));
  const originalWords = (j: number): number => index.wordCounts[original.firstParagraph + j]!;
  // Sizes are compared in the page's own length: a translation is longer or shorter throughout.
  const scale = lengthScale(pairs, (i) => page[i]!.wordCount, originalWords);
  const pageWords = (i: number): number => page[i]!.wordCount / scale;
  // A paragraph with no pair may still be on the page, merged into a neighbour or split
  // off it: its text is inside a page paragraph near its place (same wording, or same
  // content for a reworded page), and the sizes add up: the whole is as long as the
  // part and the whole's own partner together. Sizes matter because neighbouring
  // paragraphs share a topic, and some originals repeat a formula from one to the next.
  // Content is measured as the part's share held by the whole: a translated part is a
  // small set inside a large one, so their Jaccard similarity stays low.
  const holds = (sim: PairSimilarity, whole: number, part: number, partner: number): boolean =>
    heldIn(sim) && whole >= MERGED_SIZE * (part + partner);
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
    // Split in two page paragraphs, neither of which is anything else's pair.
    for (let i = from; i < to && !found; i++) {
      found =
        !originalOf.has(i) &&
        !originalOf.has(i + 1) &&
        heldIn(sims[i]![j]!) &&
        heldIn(sims[i + 1]![j]!) &&
        pageWords(i) + pageWords(i + 1) >= MERGED_SIZE * originalWords(j);
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
    // Two original paragraphs merged into this one, neither paired elsewhere.
    for (let j = from; j < to && !found; j++) {
      found =
        !pageOf.has(j) &&
        !pageOf.has(j + 1) &&
        heldIn(sims[i]![j]!) &&
        heldIn(sims[i]![j + 1]!) &&
        originalWords(j) + originalWords(j + 1) >= MERGED_SIZE * pageWords(i);
    }
    (found ? continuations : added).push(i);
  }
  return { originalIndex, pairs, merged, missing, continuations, added, moved: movedPairs(sims, added, missing) };
}

/**
 * The page paragraphs left unpaired that are the same paragraph as an original paragraph
 * left unpaired, wherever each stands: best pairs first, each paragraph once. The pair
 * thresholds are those of any pair (similarity.ts); what a move may not do is make a page
 * the original's copy by itself: acceptance weighs moved pairs apart.
 */
function movedPairs(
  sims: readonly PairSimilarity[][],
  added: readonly number[],
  missing: readonly number[],
): AlignedPair[] {
  const options: AlignedPair[] = [];
  for (const i of added) {
    for (const j of missing) {
      const similarity = sims[i]![j]!;
      if (similarity.kind !== 'none') options.push({ page: i, original: j, similarity, moved: true });
    }
  }
  options.sort((a, b) => b.similarity.score - a.similarity.score || a.page - b.page || a.original - b.original);
  const taken = { page: new Set<number>(), original: new Set<number>() };
  const moved: AlignedPair[] = [];
  for (const option of options) {
    if (taken.page.has(option.page) || taken.original.has(option.original)) continue;
    taken.page.add(option.page);
    taken.original.add(option.original);
    moved.push(option);
  }
  return moved.sort((a, b) => a.page - b.page);
}

/** One paragraph's text is inside another: same wording, or most of the smaller one's content. */
function heldIn(sim: PairSimilarity): boolean {
  return sim.wording >= COPY_WORDING || sim.content >= REWORDED_CONTENT;
}

/** Page words per original word over the paired paragraphs, within bounds (1 when nothing is paired). */
function lengthScale(
  pairs: readonly AlignedPair[],
  pageWords: (i: number) => number,
  originalWords: (j: number) => number,
): number {
  const pageTotal = pairs.reduce((sum, p) => sum + pageWords(p.page), 0);
  const originalTotal = pairs.reduce((sum, p) => sum + originalWords(p.original), 0);
  if (pageTotal === 0 || originalTotal === 0) return 1;
  return Math.min(MAX_SCALE, Math.max(1 / MAX_SCALE, pageTotal / originalTotal));
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

/** Loose likeness of a reworded pair held in place by its neighbours: some content shared. */
const LOOSE_CONTENT = 0.3;
const LOOSE_JACCARD = 0.15;

export function looselyAlike(sim: PairSimilarity): boolean {
  return sim.wording >= GAP_WORDING || (sim.content >= LOOSE_CONTENT && sim.contentJaccard >= LOOSE_JACCARD);
}

/**
 * Runs of reworded paragraphs that fall short of the pair thresholds one by one (a
 * translation rewords some paragraphs more than others) are aligned between the pairs
 * around them: a gap that holds as many page paragraphs as original ones is paired in
 * order when every pair in it is loosely alike; before the first pair and after the
 * last, pairs are taken outwards while the paragraphs on both sides stay alike. A gap
 * of unequal sides is left to the merged and split paragraphs check: pairing inside
 * it would let an honest article on the same subject borrow the original's order.
 */
function alignGaps(pairs: AlignedPair[], sims: readonly PairSimilarity[][], n: number, m: number): void {
  const found: AlignedPair[] = [];
  const pair = (page: number, original: number): AlignedPair => ({
    page,
    original,
    similarity: sims[page]![original]!,
    byPosition: true,
  });
  for (let k = 0; k + 1 < pairs.length; k++) {
    const [before, after] = [pairs[k]!, pairs[k + 1]!];
    const size = after.page - before.page - 1;
    if (size < 1 || size !== after.original - before.original - 1) continue;
    const run = Array.from({ length: size }, (_, d) => pair(before.page + 1 + d, before.original + 1 + d));
    if (run.every((p) => looselyAlike(p.similarity))) found.push(...run);
  }
  const first = pairs[0];
  const last = pairs.at(-1);
  if (first) {
    for (let i = first.page - 1, j = first.original - 1; i >= 0 && j >= 0 && looselyAlike(sims[i]![j]!); i--, j--) {
      found.push(pair(i, j));
    }
  }
  if (last) {
    for (let i = last.page + 1, j = last.original + 1; i < n && j < m && looselyAlike(sims[i]![j]!); i++, j++) {
      found.push(pair(i, j));
    }
  }
  pairs.push(...found);
  pairs.sort((a, b) => a.page - b.page);
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
