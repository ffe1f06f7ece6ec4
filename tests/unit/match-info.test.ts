import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fingerprintArticle } from '../../src/check/analyze';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromText } from '../../src/extract/article';
import { alignWithOriginal } from '../../src/match/align';
import { matchInfo } from '../../src/report/match-info';
import { SEED_EXPECTATIONS, seedText } from '../support/seeds';

// The report's account of the matched original (src/report/match-info.ts): its metadata,
// the content similarity of the two texts, and the share of its paragraphs on the page.
const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'))[0]!;
const index = buildCorpusIndex([seed]);
const infoFor = (paragraphs: readonly string[]) => {
  const fingerprints = fingerprintArticle({ ...articleFromText(''), paragraphs });
  return matchInfo(index, alignWithOriginal(index, 0, fingerprints), fingerprints);
};
const body = seed.text.split('\n\n');

describe('matchInfo', () => {
  it("gives the original's metadata, full similarity and coverage for the original itself", () => {
    const info = infoFor(body);
    expect(info).toMatchObject({ id: seed.id, title: seed.title, author: seed.author, url: seed.url });
    expect(info.coverage).toBe(1);
    expect(info.similarity).toBe(1);
    expect(info).not.toHaveProperty('firstParagraph');
  });

  it('counts the paragraphs a cut copy keeps: seed 001 stops after the sixth of twelve', () => {
    const info = infoFor(articleFromText(seedText(SEED_EXPECTATIONS[1]!)).paragraphs);
    expect(info.coverage).toBe(0.5);
    expect(info.similarity).toBeGreaterThan(0.3);
    expect(info.similarity).toBeLessThan(1);
  });

  it('counts a moved paragraph as found, and rounds to three decimals', () => {
    // The last paragraph first: the alignment pairs it out of order.
    const moved = [body.at(-1)!, ...body.slice(0, -1)];
    const info = infoFor(moved);
    expect(info.coverage).toBe(1);
    const cut = infoFor(body.slice(0, 7));
    expect(cut.coverage).toBe(Math.round((7 / 12) * 1000) / 1000);
  });
});
