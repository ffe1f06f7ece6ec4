import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';
import {
  COPY_WORDING,
  MIN_MATCH_WORDS,
  pairSimilarity,
  REWORDED_CONTENT,
  REWORDED_CONTENT_JACCARD,
  type PairSimilarity,
} from '../../src/match/similarity';
import { machineTranslations } from '../fixtures/translation/sets';
import { asOriginal, brownHalves } from '../support/brown';

// The pair thresholds (src/match/similarity.ts) on real paragraph pairs: Brown articles
// against themselves, lightly edited, cut to a line, round-tripped through Spanish by
// Apertium, and against other articles of the same genre.
const { first, second } = brownHalves();
const sample = first.filter((t) => t.genre === 'a').slice(0, 20);
const index = buildCorpusIndex(sample.map(asOriginal));
const translations = new Map(machineTranslations('eng-spa').map((t) => [t.id, t.paragraphs]));

/** Every paragraph j of sample text k, with its index paragraph number. */
const paragraphs = sample.flatMap((t, k) =>
  t.paragraphs.map((text, j) => ({ k, j, text, at: index.paragraphStarts[k]! + j })),
);
const sim = (text: string, at: number): PairSimilarity => pairSimilarity(fingerprintParagraph(text), index, at);
const long = paragraphs.filter((p) => p.text.split(' ').length >= 30);

describe('paragraph pair similarity', () => {
  it('calls a paragraph and itself a copy, scored by its wording', () => {
    for (const p of paragraphs.filter((q) => q.text.split(' ').length >= MIN_MATCH_WORDS)) {
      const s = sim(p.text, p.at);
      expect(s.kind).toBe('copy');
      expect(s.wording).toBeGreaterThanOrEqual(COPY_WORDING);
      expect(s.score).toBe(s.wording);
    }
  });

  it('still calls a paragraph with one word in ten changed a copy', () => {
    for (const p of long) {
      const edited = p.text
        .split(' ')
        .map((w, i) => (i % 10 === 5 ? 'indeed' : w))
        .join(' ');
      expect(sim(edited, p.at).kind, p.text).toBe('copy');
    }
  });

  it('does not take a short line out of a long paragraph (a headline, a pull quote) for that paragraph', () => {
    // Short: under 15 words, and under a quarter of the paragraph.
    const lines = paragraphs
      .filter((p) => index.wordCounts[p.at]! >= 60)
      .map((p) => ({ at: p.at, line: p.text.split(' ').slice(0, 8).join(' ') }))
      .filter(({ line }) => fingerprintParagraph(line).wordCount < 15);
    expect(lines.length).toBeGreaterThan(10);
    for (const { at, line } of lines) expect(sim(line, at).kind, line).not.toBe('copy');
  });

  it(`matches nothing shorter than ${MIN_MATCH_WORDS} words`, () => {
    const lines = long
      .map((p) => ({
        at: p.at,
        line: p.text
          .split(' ')
          .slice(2, 2 + MIN_MATCH_WORDS - 1)
          .join(' '),
      }))
      .filter(({ line }) => fingerprintParagraph(line).wordCount < MIN_MATCH_WORDS);
    expect(lines.length).toBeGreaterThan(10);
    for (const { at, line } of lines) {
      const s = sim(line, at);
      expect(s.kind, line).toBe('none');
      expect(s.score).toBe(0);
    }
  });

  it('calls most paragraphs of a machine translation reworded, below the copy threshold, on content terms', () => {
    const pairs = sample.flatMap((t, k) =>
      (translations.get(t.id) ?? []).map((text, j) => sim(text, index.paragraphStarts[k]! + j)),
    );
    expect(pairs.length).toBeGreaterThan(50);
    const reworded = pairs.filter((s) => s.kind === 'reworded');
    expect(reworded.length).toBeGreaterThan(pairs.length / 2);
    for (const s of reworded) {
      expect(s.wording).toBeLessThan(COPY_WORDING);
      expect(s.content).toBeGreaterThanOrEqual(REWORDED_CONTENT);
      expect(s.contentJaccard).toBeGreaterThanOrEqual(REWORDED_CONTENT_JACCARD);
      expect(s.score).toBeCloseTo(s.content * 0.9, 9);
    }
  });

  it('scores paragraphs of other articles on the same subjects none', () => {
    const others = second.filter((t) => t.genre === 'a').flatMap((t) => t.paragraphs);
    let compared = 0;
    for (const text of others.slice(0, 60)) {
      for (const p of paragraphs.filter((_, i) => i % 7 === 0)) {
        const s = sim(text, p.at);
        expect(s.kind, `${text} / ${p.text}`).toBe('none');
        expect(s.score).toBe(0);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('gives each pair the kind its scores say, and a score only to a pair', () => {
    const all = paragraphs.flatMap((p) => [
      sim(p.text, p.at),
      sim(p.text, paragraphs[(p.at + 3) % paragraphs.length]!.at),
    ]);
    for (const s of all) {
      if (s.kind === 'copy') expect(s.wording).toBeGreaterThanOrEqual(COPY_WORDING);
      if (s.kind === 'reworded') expect(s.content).toBeGreaterThanOrEqual(REWORDED_CONTENT);
      expect(s.score > 0).toBe(s.kind !== 'none');
    }
  });
});
