// The compare stage: a page set beside one candidate original, worked out once for every
// later step. Acceptance reads it to decide whether the candidate is the page's original,
// the detectors to say what the page did to it. Costly parts (translation tells, the
// classification of added paragraphs) are worked out the first time a step asks.
import type { CorpusIndex, IndexedOriginal, KeptParagraph } from '../corpus/corpus-index';
import { classifyAdded, type Classification, type Zone } from '../classify/boilerplate';
import { tokenize } from '../text/tokens';
import { alignWithOriginal, type AlignedPair, type Alignment } from './align';
import { ownProseParagraphs } from './own-prose';
import type { PageUnderCheck } from './page';
import { retellingOf, type Retelling } from './retelling';
import { pairSimilarity, REWORDED_CONTENT } from './similarity';
import { translationTells, type TranslationTells } from './translation-tells';

/** A page paragraph the alignment found no place for in the original, and what it is. */
export interface Addition {
  /** Index among the page's paragraphs. */
  readonly index: number;
  /** Where it sits: before, among or after the paragraphs paired with the original's. */
  readonly zone: Zone;
  /** Whether it is text the original itself carries (a credit, a caption): never "added". */
  readonly carried: boolean;
  readonly classification: Classification | null;
}

export interface Comparison {
  readonly index: CorpusIndex;
  /** The candidate original's place in the index. */
  readonly candidate: number;
  readonly original: IndexedOriginal;
  /** What the index keeps of the original's paragraphs. */
  readonly records: readonly KeptParagraph[];
  readonly page: PageUnderCheck;
  readonly alignment: Alignment;
  /** The pairs whose page paragraph copies the original's, and those that say it in other words. */
  readonly copied: readonly AlignedPair[];
  readonly reworded: readonly AlignedPair[];
  /** The original's own running prose (own-prose.ts): its paragraphs before a boilerplate tail. */
  readonly ownProse: ReadonlySet<number>;
  /** The page's translation tells against this original (translation-tells.ts), or null with fewer than two pairs. */
  readonly translation: () => TranslationTells | null;
  /** The page's added paragraphs, by page index, in page order. */
  readonly additions: () => ReadonlyMap<number, Addition>;
  /** How the page retells the original (retelling.ts): pairs in order and moved, said in other words or copied. */
  readonly retelling: () => Retelling;
  /** Whether page paragraph i says what one of the original's paragraphs says, if in other words. */
  readonly restatesOriginal: (i: number) => boolean;
}

/** A value worked out on the first call and kept. */
function once<T>(work: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [work(), true];
    return value;
  };
}

/** Compares the page with candidate original `candidate` of `index`. */
export function compare(index: CorpusIndex, candidate: number, page: PageUnderCheck): Comparison {
  const alignment = alignWithOriginal(index, candidate, page.fingerprints);
  const ownProse = ownProseParagraphs(index, candidate);
  const original = index.originalOf(candidate);
  const records = index.keptParagraphsOf(candidate);
  const wordCounts = page.fingerprints.map((f) => f.wordCount);
  return {
    index,
    candidate,
    original,
    records,
    page,
    alignment,
    copied: alignment.pairs.filter((p) => p.similarity.kind === 'copy'),
    reworded: alignment.pairs.filter((p) => p.similarity.kind === 'reworded'),
    ownProse,
    // In-order pairs only: an engine keeps the sequence, and moved pairs would dilute its tells.
    translation: once(() => translationTells(alignment.pairs, page.paragraphs, wordCounts, records)),
    retelling: once(() => retellingOf(index, alignment, page, ownProse)),
    additions: once(() => additionsOf(page, alignment, original, records)),
    restatesOriginal: (i) => {
      for (let j = 0; j < original.paragraphCount; j++) {
        if (pairSimilarity(page.fingerprints[i]!, index, original.firstParagraph + j).content >= REWORDED_CONTENT) {
          return true;
        }
      }
      return false;
    },
  };
}

function additionsOf(
  page: PageUnderCheck,
  alignment: Alignment,
  original: IndexedOriginal,
  records: readonly KeptParagraph[],
): Map<number, Addition> {
  const first = alignment.pairs[0]?.page ?? 0;
  const last = alignment.pairs.at(-1)?.page ?? page.paragraphs.length - 1;
  const carried = carriedText(records);
  return new Map(
    alignment.added.map((i) => {
      const text = page.paragraphs[i]!;
      const zone: Zone = i < first ? 'before' : i > last ? 'after' : 'inside';
      return [i, { index: i, zone, carried: carried(text), classification: classifyAdded(text, zone, original) }];
    }),
  );
}

/**
 * Whether a page paragraph is text the original itself carries (a photo credit, a
 * "SOURCE: …" line, a caption): such a line is never "added". What the index keeps of
 * each original paragraph (its text, or its opening sentence and last words) is
 * compared after normalisation.
 */
export function carriedText(records: readonly KeptParagraph[]): (text: string) => boolean {
  const known = records.map((r) => tokenize(r.text ?? `${r.snippet} ${r.tail}`).join(' '));
  return (text) => {
    const words = tokenize(text).join(' ');
    return words !== '' && known.some((k) => k === words || (words.length >= 12 && k.includes(words)));
  };
}
