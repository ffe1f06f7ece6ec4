import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../../src/corpus/corpus-index';
import { deserializeIndex } from '../../src/corpus/index-file';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromText } from '../../src/extract/article';
import { articleFromHtml } from '../../src/extract/parse-html';
import { analyzeArticle } from '../../src/check/analyze';
import { expectSeedReport } from '../support/expect-report';
import { SEED_EXPECTATIONS, seedPage, seedText } from '../support/seeds';

let bundled: CorpusIndex;
beforeAll(() => {
  bundled = deserializeIndex(readFileSync(new URL('../../public/corpus.rrx', import.meta.url)));
});

describe('the seeds, checked against the bundled corpus', () => {
  for (const e of SEED_EXPECTATIONS) {
    it(`seed ${e.seed} as text: ${e.verdict}`, () => {
      expectSeedReport(analyzeArticle(articleFromText(seedText(e)), bundled).report, e);
    });
    it(`seed ${e.seed} as a web page: ${e.verdict}`, () => {
      expectSeedReport(analyzeArticle(articleFromHtml(seedPage(e)), bundled).report, e);
    });
  }

  it('gives the evidence DESIGN.md names for seed 000', () => {
    const { report } = analyzeArticle(articleFromText(seedText(SEED_EXPECTATIONS[0]!)), bundled);
    const mt = report.findings.find((f) => f.kind === 'machine-translation');
    if (mt?.kind !== 'machine-translation') throw new Error('no machine-translation finding');
    expect(mt.confidence).toBeGreaterThan(0.8);
    expect(mt.evidence.some((e) => e.page.includes('Erika Marat') && e.why.includes('Erica'))).toBe(true);
    const added = report.findings.find((f) => f.kind === 'added-boilerplate');
    if (added?.kind !== 'added-boilerplate') throw new Error('no boilerplate finding');
    const bio = added.paragraphs.find((p) => p.category === 'author-bio');
    expect(bio?.text).toMatch(/^Donald-43Westbrook/);
    expect(bio?.note).toContain('not the original');
    expect(added.paragraphs.filter((p) => p.category === 'source-credit').map((p) => p.text)).toContain(
      'Source: Washington Post, AMPE',
    );
  });

  it('reports the seed 001 cut with links that open the original at each paragraph', () => {
    const { report } = analyzeArticle(articleFromText(seedText(SEED_EXPECTATIONS[1]!)), bundled);
    const missing = report.findings.find((f) => f.kind === 'missing-paragraphs');
    if (missing?.kind !== 'missing-paragraphs') throw new Error('no missing-paragraphs finding');
    expect(missing.summary).toContain('stops after paragraph 6 of 12');
    expect(missing.paragraphs[0]!.text).toMatch(/^But Putin could not have known Almaty/);
    expect(missing.paragraphs[0]!.link).toMatch(/^https:\/\/www\.washingtonpost\.com\/.*#:~:text=But%20Putin%20could/);
    expect(report.match?.coverage).toBe(0.5);
  });

  it('matches the same with the corpus read from JSON Lines (full text kept)', () => {
    const index = buildCorpusIndex(
      parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8')),
      { fullText: true },
    );
    for (const e of SEED_EXPECTATIONS) expectSeedReport(analyzeArticle(articleFromText(seedText(e)), index).report, e);
  });
});
