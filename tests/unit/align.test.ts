import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';
import { alignWithOriginal, looselyAlike, type Alignment } from '../../src/match/align';
import { pairSimilarity } from '../../src/match/similarity';
import { analyzeArticle } from '../../src/check/analyze';
import { splitSentences } from '../../src/text/sentences';
import { machineTranslations } from '../fixtures/translation/sets';
import { asOriginal, brownHalves, type BrownText } from '../support/brown';

// The alignment rules, each on real text: a Brown article (ca14, first half), its Apertium
// round trip through Spanish, and paragraphs that keep only a sentence of the translation
// (the rest from another article of the same genre), as a paraphrase of a cut-down
// paragraph would: loosely alike, below the pair thresholds on their own.
const { first, second } = brownHalves();
const original = first.find((t) => t.id === 'brown-ca14-a')!;
const other = second.find((t) => t.id === 'brown-ca01-b')!;
const translated = machineTranslations('eng-spa').find((t) => t.id === original.id)!.paragraphs;
const index = buildCorpusIndex([asOriginal(original)]);

const align = (page: readonly string[]): Alignment => alignWithOriginal(index, 0, page.map(fingerprintParagraph));
/** One sentence of the translation, the rest another article's: loosely alike only. */
const paraphrase = (j: number): string =>
  [splitSentences(translated[j]!)[0]!, ...splitSentences(other.paragraphs[j] ?? '').slice(1)].join(' ');
const LAST = original.paragraphs.length - 1;
const pairsOf = (a: Alignment): string[] => a.pairs.map((p) => `${p.page}-${p.original}`);
const diagonal = (from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => `${from + i}-${from + i}`);

describe('alignment rules', () => {
  it('the paraphrases used below are loosely alike but not pairs on their own', () => {
    for (const j of [2, 3, 4, LAST]) {
      const sim = pairSimilarity(fingerprintParagraph(paraphrase(j)), index, j);
      expect(sim.kind, `paragraph ${j}`).toBe('none');
      expect(looselyAlike(sim), `paragraph ${j}`).toBe(true);
    }
  });

  it('pairs a complete translation paragraph by paragraph, copies by wording and the rest by content', () => {
    const a = align(translated);
    expect(pairsOf(a)).toEqual(diagonal(0, original.paragraphs.length));
    expect(a.missing).toEqual([]);
    expect(a.added).toEqual([]);
  });

  it('aligns a run of adjacent reworded paragraphs between two pairs, in order', () => {
    const page = translated.map((p, i) => ([2, 3, 4].includes(i) ? paraphrase(i) : p));
    const a = align(page);
    expect(pairsOf(a)).toEqual(diagonal(0, page.length));
    expect(a.pairs.filter((p) => p.byPosition).map((p) => p.original)).toEqual([2, 3, 4]);
    expect([a.missing, a.added]).toEqual([[], []]);
  });

  it('pairs outwards from the last pair (and the first) while the paragraphs stay alike', () => {
    const page = translated.map((p, i) => (i === LAST ? paraphrase(i) : p));
    const a = align(page);
    expect(a.pairs.at(-1)).toMatchObject({ page: LAST, original: LAST, byPosition: true });
    expect([a.missing, a.added]).toEqual([[], []]);
  });

  it('leaves a gap of unequal sides unpaired: a cut paragraph next to reworded ones is missing', () => {
    const page = translated.map((p, i) => ([2, 4].includes(i) ? paraphrase(i) : p)).filter((_, i) => i !== 3);
    const a = align(page);
    expect(a.missing).toContain(3);
    expect(a.pairs.some((p) => p.original === 3)).toBe(false);
  });

  it('recognises translated paragraphs the page merged, by the part the whole holds', () => {
    const page = [...translated.slice(0, 2), `${translated[2]} ${translated[3]}`, ...translated.slice(4)];
    const a = align(page);
    expect(a.merged).toHaveLength(1);
    expect([2, 3]).toContain(a.merged[0]);
    expect([a.missing, a.added]).toEqual([[], []]);
  });

  it('recognises a translated paragraph the page split in two as its continuation', () => {
    const sentences = splitSentences(translated[5]!);
    const half = Math.ceil(sentences.length / 2);
    const page = [
      ...translated.slice(0, 5),
      sentences.slice(0, half).join(' '),
      sentences.slice(half).join(' '),
      ...translated.slice(6),
    ];
    const a = align(page);
    expect(a.continuations).toHaveLength(1);
    expect([a.missing, a.added]).toEqual([[], []]);
  });

  it('does not let an honest article on the same subject borrow the original’s order', () => {
    // The second half of Brown text cj21 repeats the first half's terms paragraph after
    // paragraph; pairing inside unequal gaps made it a "repost" of the first half.
    const honest = second.find((t) => t.id === 'brown-cj21-b')!;
    const withOriginal = buildCorpusIndex([first.find((t) => t.id === 'brown-cj21-a')!].map(asOriginal));
    const page = (t: BrownText) => ({ title: '', byline: '', siteName: '', url: '', paragraphs: t.paragraphs });
    expect(analyzeArticle(page(honest), withOriginal).report.verdict).toBe('unrelated');
  });
});
