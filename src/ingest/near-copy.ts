import { buildCorpusIndex, type CorpusIndex } from '../corpus/corpus-index';
import type { OriginalRecord } from '../corpus/records';
import { articleFromText } from '../extract/article';
import { combine, hashString } from '../fingerprint/hash';
import { analyzeArticle, fingerprintArticle } from '../check/analyze';
import { splitParagraphs } from '../text/paragraphs';
import { properNames } from '../text/snippets';
import { tokenize } from '../text/tokens';

// Whether an incoming original is a near-copy of one already in the corpus (the same
// article syndicated under another address), decided by the project's own matcher: the
// newcomer is checked as a page against each likely original, and it is a copy when the
// match's whole-text similarity (the report's `similarity`, the Jaccard index of content
// terms) reaches NEAR_COPY_SIMILARITY and the names and numbers of the shorter text are
// nearly all in the other (NEAR_COPY_FACTS): a copy keeps who, where and how many; a
// press release from a template or a follow-up story changes them.
//
// Measured on real texts. Copies: each of 187 real pages of tests/fixtures/extraction,
// its human-marked text against what extraction made of the page (the nearest thing to
// one article on two sites): similarity 0.70 at the 5th percentile, 0.97 at the median;
// names and numbers 0.88 at the 2nd percentile, 0.93 at the 5th, 1.00 at the median.
// Not copies: the bundled corpus's template press releases (HHS, Florida and Georgia
// after one hurricane: 0.65 / 0.69), its template interviews (Wikinews, Ontario 2007:
// 0.80 / 0.80) and follow-ups (a soldier killed, then named: 0.60 / 0.55; Lady Bird
// Johnson released from hospital, then dead: 0.72 / 0.81); same-story pages the matcher
// pairs (Billboard and Rolling Stone on one band's tour: 0.50 / 0.48); the seed reposts
// that cut or translate (0.52 / 0.70, 0.34 / 0.65). Duplicates the bundled corpus holds
// (one Wikinews story filed twice: 0.76 / 1.00, 0.94 / 0.88, 1.00 / 1.00) are copies.
export const NEAR_COPY_SIMILARITY = 0.6;
export const NEAR_COPY_FACTS = 0.85;

/**
 * Words per shingle of the cheap first look; one shingle in SAMPLE_MASK + 1 is kept.
 * Longer than the fingerprint's SHINGLE_WORDS (3, fingerprint/params.ts): this looks for
 * copies, not rewordings, and five-word runs shared by chance are rarer, so fewer postings.
 */
const NEAR_COPY_SHINGLE_WORDS = 5;
const SAMPLE_MASK = 3;
/** A shingle shared by more originals than this is boilerplate ("About the agency…"): it finds nothing. */
const MAX_POSTINGS = 64;
/** Originals verified by the matcher per newcomer, most shared shingles first. */
const MAX_VERIFIED = 5;
/** The first look passes an original sharing at least this share of the smaller text's sampled shingles. */
const MIN_SHARED_SHARE = 0.1;
const MIN_SHARED = 3;
/** Indexes of one original kept for the next newcomer that looks like it. */
const MAX_CACHED_INDEXES = 2048;

export interface NearCopy {
  readonly key: number;
  readonly similarity: number;
  /** Share of the shorter text's names and numbers found in the other. */
  readonly facts: number;
}

/**
 * The originals present, by key (the merge's slot), and the lookup: a first look on
 * sampled word shingles finds the few originals sharing wording with the newcomer, and
 * the matcher decides on those, each indexed on its own (and kept while it is present).
 */
export class NearCopyFinder {
  private readonly samples = new Map<number, Set<number>>();
  private readonly postings = new Map<number, Set<number>>();
  private readonly records = new Map<number, OriginalRecord>();
  private readonly indexes = new Map<number, CorpusIndex | null>();

  add(key: number, record: OriginalRecord): void {
    const sample = sampledShingles(record.text);
    this.samples.set(key, sample);
    this.records.set(key, record);
    for (const shingle of sample) {
      let keys = this.postings.get(shingle);
      if (!keys) this.postings.set(shingle, (keys = new Set()));
      keys.add(key);
    }
  }

  remove(key: number): void {
    for (const shingle of this.samples.get(key) ?? []) this.postings.get(shingle)?.delete(key);
    this.samples.delete(key);
    this.records.delete(key);
    this.indexes.delete(key);
  }

  /** The original present that `record` is a near-copy of, the most similar one if several. */
  find(record: OriginalRecord): NearCopy | null {
    const sample = sampledShingles(record.text);
    const shared = new Map<number, number>();
    for (const shingle of sample) {
      const keys = this.postings.get(shingle);
      if (!keys || keys.size > MAX_POSTINGS) continue;
      for (const key of keys) shared.set(key, (shared.get(key) ?? 0) + 1);
    }
    const candidates = [...shared.entries()]
      .filter(([key, count]) => {
        const smaller = Math.min(sample.size, this.samples.get(key)?.size ?? 0);
        return count >= Math.max(MIN_SHARED, MIN_SHARED_SHARE * smaller);
      })
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, MAX_VERIFIED);
    if (candidates.length === 0) return null;
    const page = articleFromText(record.text, record.url);
    const fingerprints = fingerprintArticle(page);
    let best: NearCopy | null = null;
    let mine: Set<string> | null = null;
    for (const [key] of candidates) {
      const index = this.indexOf(key);
      if (!index) continue;
      const similarity = analyzeArticle(page, index, fingerprints).report.match?.similarity ?? 0;
      if (similarity < NEAR_COPY_SIMILARITY || (best && similarity <= best.similarity)) continue;
      mine ??= keyFacts(record.text);
      const facts = containment(mine, keyFacts(this.records.get(key)!.text));
      if (facts >= NEAR_COPY_FACTS) best = { key, similarity, facts };
    }
    return best;
  }

  private indexOf(key: number): CorpusIndex | null {
    if (!this.indexes.has(key)) {
      // Bounded: a corpus of 100,000 originals must not keep an index of each.
      if (this.indexes.size >= MAX_CACHED_INDEXES) this.indexes.clear();
      this.indexes.set(key, indexOne(this.records.get(key)));
    }
    return this.indexes.get(key) ?? null;
  }
}

function indexOne(record: OriginalRecord | undefined): CorpusIndex | null {
  if (!record) return null;
  try {
    return buildCorpusIndex([record]);
  } catch {
    return null; // an original without a paragraph of words matches nothing
  }
}

/** Names (as the snippets of the index find them) and numbers (without thousands separators), lower case. */
export function keyFacts(text: string): Set<string> {
  const facts = new Set<string>();
  for (const paragraph of splitParagraphs(text))
    for (const name of properNames(paragraph)) facts.add(name.toLowerCase());
  for (const number of text.match(/\d[\d,.]*\d|\d/g) ?? []) facts.add(number.replace(/,/g, ''));
  return facts;
}

/** Share of the smaller set found in the other (1 when either is empty: nothing disagrees). */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 1;
  let shared = 0;
  for (const fact of small) if (large.has(fact)) shared++;
  return shared / small.size;
}

/** Hashes of every NEAR_COPY_SHINGLE_WORDS-word shingle of the normalised text, one in four kept (by hash, so copies keep the same ones). */
function sampledShingles(text: string): Set<number> {
  const words = tokenize(text).map(hashString);
  const sample = new Set<number>();
  for (let i = 0; i + NEAR_COPY_SHINGLE_WORDS <= words.length; i++) {
    let h = words[i]!;
    for (let j = 1; j < NEAR_COPY_SHINGLE_WORDS; j++) h = combine(h, words[i + j]!);
    if ((h & SAMPLE_MASK) === 0) sample.add(h);
  }
  return sample;
}
