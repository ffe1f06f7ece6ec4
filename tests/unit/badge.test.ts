import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badgeFor, creditParagraphs, problemFindings } from '../../src/browser/badge';
import type { TabReport } from '../../src/browser/protocol';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromText } from '../../src/extract/article';
import { EXTRACTION_LIMITS } from '../../src/extract/budget';
import { articleFromHtml } from '../../src/extract/parse-html';
import { analyzeArticle, type Analysis } from '../../src/check/analyze';
import { SEED_EXPECTATIONS, seedPage, seedText } from '../support/seeds';

// The toolbar badge (src/browser/badge.ts) for each state of a tab, with the seed pages'
// real analyses against the seed original for the checked ones.
const index = buildCorpusIndex(
  parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8')),
);
const url = 'https://reposts.example/story';
const checked = (analysis: Analysis): TabReport => ({ status: 'checked', url, checkedAt: 0, analysis });
const seedAnalysis = (n: number): Analysis =>
  analyzeArticle(articleFromText(seedText(SEED_EXPECTATIONS[n]!), url), index);

describe('the toolbar badge', () => {
  it('says nothing where nothing was checked', () => {
    expect(badgeFor(null)).toMatchObject({ text: '', title: 'Repost Radar' });
  });

  it('shows that a check is running', () => {
    expect(badgeFor({ status: 'checking', url, since: 0, checkId: 'c1' }).text).toBe('…');
  });

  it('says nothing on the badge for a skipped page, and why in its title', () => {
    const notArticle = badgeFor({ status: 'skipped', url, reason: 'not-an-article' });
    const tooLarge = badgeFor({ status: 'skipped', url, reason: 'too-large' });
    expect([notArticle.text, tooLarge.text]).toEqual(['', '']);
    expect(notArticle.title).toMatch(/not an article/);
    expect(tooLarge.title).toMatch(/too large/);
  });

  it('gives the reason a check failed in its title', () => {
    const badge = badgeFor({ status: 'failed', url, message: 'the corpus could not be read' });
    expect(badge.text).toBe('');
    expect(badge.title).toContain('the corpus could not be read');
  });

  it('counts a repost’s findings in red, with the report’s sentence as its title', () => {
    for (const n of [0, 1]) {
      const analysis = seedAnalysis(n);
      expect(analysis.report.verdict).toBe('repost');
      const badge = badgeFor(checked(analysis));
      expect(badge.text).toBe(`!${problemFindings(analysis.report).length}`);
      expect(badge.title).toBe(`Repost Radar: ${analysis.report.message}`);
      expect(badge.color).toBe(badgeFor(checked(seedAnalysis(0))).color);
    }
  });

  it('marks the original with a check in another colour', () => {
    const analysis = seedAnalysis(2);
    expect(analysis.report.verdict).toBe('original');
    const badge = badgeFor(checked(analysis));
    expect(badge.text).toBe('✓');
    expect(badge.color).not.toBe(badgeFor(checked(seedAnalysis(0))).color);
    expect(badge.title).toContain(analysis.report.message);
  });

  it('says nothing on the badge for an unrelated page, but tells so in its title', () => {
    const analysis = seedAnalysis(3);
    expect(analysis.report.verdict).toBe('unrelated');
    expect(badgeFor(checked(analysis))).toMatchObject({ text: '', title: `Repost Radar: ${analysis.report.message}` });
  });

  it('marks a page too large to check with a dash, so that silence is not taken for "nothing found"', () => {
    const article = articleFromHtml(seedPage(SEED_EXPECTATIONS[0]!), url, { ...EXTRACTION_LIMITS, maxElements: 20 });
    const analysis = analyzeArticle(article, index);
    expect(analysis.report.verdict).toBe('too-large');
    expect(badgeFor(checked(analysis)).text).toBe('–');
  });
});

describe('credits on the badge', () => {
  // Seed 001 (a cut copy) with a line crediting its source added at its end: the added-text
  // finding it gets holds nothing but that credit, which is information, not a problem.
  const credited = analyzeArticle(
    articleFromText(`${seedText(SEED_EXPECTATIONS[1]!)}\n\nSource: The Washington Post`, url),
    index,
  );

  it('does not count a finding that holds only credits', () => {
    const added = credited.report.findings.find((f) => f.kind === 'added-boilerplate');
    expect(added?.paragraphs.map((p) => p.category)).toEqual(['source-credit']);
    expect(credited.report.findings).toHaveLength(2);
    expect(badgeFor(checked(credited)).text).toBe('!1');
    expect(problemFindings(credited.report).map((f) => f.kind)).toEqual(['missing-paragraphs']);
    expect(creditParagraphs(credited.report).map((p) => p.text)).toEqual(['Source: The Washington Post']);
  });

  it('counts added text that is not a credit, without its credits (seed 000: another author’s bio)', () => {
    const seed000 = seedAnalysis(0).report;
    const added = problemFindings(seed000).find((f) => f.kind === 'added-boilerplate');
    expect(added?.paragraphs.map((p) => p.category)).toEqual(['author-bio']);
    // Its summary counts the bio alone, as the popup lists it; the report's own counts the credits too.
    expect(added?.summary).toBe('1 paragraph the original does not have: author bio');
    expect(seed000.findings.find((f) => f.kind === 'added-boilerplate')?.summary).toMatch(/^[2-9] paragraphs/);
    expect(badgeFor(checked(seedAnalysis(0))).text).toBe(`!${problemFindings(seed000).length}`);
    expect(creditParagraphs(seed000).length).toBeGreaterThan(0);
  });
});
