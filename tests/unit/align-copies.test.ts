import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, originalParagraphs } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';
import { alignWithOriginal, type Alignment } from '../../src/match/align';
import { pairSimilarity } from '../../src/match/similarity';
import { splitSentences } from '../../src/text/sentences';
import { brownHalves } from '../support/brown';

// The alignment (src/match/align.ts) of copies, as a reposter edits them: the seed original
// (a Washington Post column) cut, padded, reordered, merged, split and reworded, with
// paragraphs of a Brown article that is not in the corpus as the padding.
const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'))[0]!;
const column = originalParagraphs(seed);
const index = buildCorpusIndex([seed]);
const padding = brownHalves().second.find((t) => t.id === 'brown-ca01-b')!.paragraphs;
const N = column.length;

const align = (page: readonly string[]): Alignment => alignWithOriginal(index, 0, page.map(fingerprintParagraph));
const pairsOf = (a: Alignment): [number, number][] => a.pairs.map((p) => [p.page, p.original]);
const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

describe('aligning a copy with its original', () => {
  it('pairs a verbatim copy paragraph by paragraph, by wording', () => {
    const a = align(column);
    expect(pairsOf(a)).toEqual(range(0, N).map((j) => [j, j]));
    expect(a.pairs.every((p) => p.similarity.kind === 'copy' && !p.byPosition)).toBe(true);
    expect([a.missing, a.added, a.merged, a.continuations]).toEqual([[], [], [], []]);
  });

  it('names the paragraphs a copy cut as missing, and what it inserted as added', () => {
    const page = [padding[0]!, ...column.slice(0, 3), padding[1]!, ...column.slice(4, N - 2)];
    const a = align(page);
    expect(a.missing).toEqual([3, N - 2, N - 1]);
    expect(a.added).toEqual([0, 4]);
    expect(a.pairs.map((p) => p.original)).toEqual([...range(0, 3), ...range(4, N - 2)]);
  });

  it('keeps pairs in order on both sides: a paragraph moved to the end is missing from its place and added', () => {
    const page = [...column.slice(0, 2), ...column.slice(3), column[2]!];
    const a = align(page);
    for (let k = 1; k < a.pairs.length; k++) {
      expect(a.pairs[k]!.page).toBeGreaterThan(a.pairs[k - 1]!.page);
      expect(a.pairs[k]!.original).toBeGreaterThan(a.pairs[k - 1]!.original);
    }
    expect(a.missing).toEqual([2]);
    expect(a.added).toEqual([N - 1]);
  });

  it('recognises two paragraphs run together as merged, not missing', () => {
    const page = [...column.slice(0, 4), `${column[4]} ${column[5]}`, ...column.slice(6)];
    const a = align(page);
    expect(a.merged).toHaveLength(1);
    expect([4, 5]).toContain(a.merged[0]);
    expect([a.missing, a.added]).toEqual([[], []]);
  });

  it('recognises a paragraph split in two as its continuation, not added', () => {
    const sentences = splitSentences(column[3]!);
    const half = Math.ceil(sentences.length / 2);
    const page = [
      ...column.slice(0, 3),
      sentences.slice(0, half).join(' '),
      sentences.slice(half).join(' '),
      ...column.slice(4),
    ];
    const a = align(page);
    expect(a.continuations).toHaveLength(1);
    expect([3, 4]).toContain(a.continuations[0]);
    expect([a.missing, a.added]).toEqual([[], []]);
  });

  it('pairs a paragraph rewritten around its opening sentence by its position between two pairs', () => {
    // Its opening sentence, then another article's: below the pair thresholds on its own.
    const rewritten = [splitSentences(column[6]!)[0]!, ...splitSentences(padding[6]!).slice(1)].join(' ');
    expect(pairSimilarity(fingerprintParagraph(rewritten), index, 6).kind).toBe('none');
    const a = align(column.map((p, j) => (j === 6 ? rewritten : p)));
    expect(a.pairs.find((p) => p.original === 6)).toMatchObject({ page: 6, byPosition: true });
    expect([a.missing, a.added]).toEqual([[], []]);
    // Alone in the page, with nothing paired around it, it is not the original's.
    expect(align([rewritten]).pairs).toEqual([]);
  });

  it('pairs nothing of an article that is not the original', () => {
    const a = align(padding);
    expect(a.pairs).toEqual([]);
    expect(a.missing).toEqual(range(0, N));
    expect(a.added).toEqual(range(0, padding.length));
  });
});
