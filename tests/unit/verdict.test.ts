import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromText, type Article } from '../../src/extract/article';
import { EXTRACTION_LIMITS } from '../../src/extract/budget';
import { articleFromHtml } from '../../src/extract/parse-html';
import { proseWordCount } from '../../src/match/page';
import { analyzeArticle, fingerprintArticle, MIN_ARTICLE_WORDS } from '../../src/check/analyze';
import type { Finding, FindingKind, Report } from '../../src/report/report';
import { CATEGORY_LABEL, FINDING_LABEL, judge, onOriginalSite } from '../../src/report/verdict';
import { humanTranslations, huntOriginals } from '../fixtures/translation/sets';
import { SEED_EXPECTATIONS, seedPage, seedText } from '../support/seeds';
import { inEnglish } from '../../src/i18n/english';
import { findingPhrase } from '../../src/report/wording';

/** A finding's phrase in the verdict's English sentence. */
const phrase = (kind: FindingKind): string => inEnglish(findingPhrase(kind));

// The verdict (src/report/verdict.ts) on real reports: the seed pages against the seed
// original, and Grimm tales in another human translation against Margaret Hunt's.
const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'))[0]!;
const index = buildCorpusIndex([seed]);
const seedArticle = (n: number, url = 'https://reposts.example/story'): Article => ({
  ...articleFromText(seedText(SEED_EXPECTATIONS[n]!)),
  url,
});
const repost = analyzeArticle(seedArticle(0), index).report;
const tales = buildCorpusIndex(huntOriginals());
const retold = humanTranslations().map(
  (t) => analyzeArticle({ ...articleFromText(''), paragraphs: t.page }, tales).report,
);
const only = (kind: FindingKind) => (r: Report) => r.findings.length === 1 && r.findings[0]!.kind === kind;
const reworded = retold.find(only('reworded'))!;
const missing = retold.find(only('missing-paragraphs'))!.findings[0]!;

describe('the verdict', () => {
  it('calls a page with cuts, additions or machine translation a repost, naming each finding in order', () => {
    expect(repost.verdict).toBe('repost');
    expect(repost.findings.length).toBeGreaterThan(1);
    expect(repost.message).toContain(`“${seed.title}” (${seed.author}, ${seed.publisher})`);
    const phrases = repost.findings.map((f) => repost.message.indexOf(phrase(f.kind)));
    expect(phrases.every((at) => at > 0)).toBe(true);
    expect(phrases).toEqual([...phrases].sort((a, b) => a - b));
  });

  it('gives the same report from the same findings, whatever found them', () => {
    expect(judge(seed, repost.match!, repost.findings)).toEqual(repost);
  });

  it('calls a page without findings the original text, complete and unchanged', () => {
    const r = judge(seed, repost.match!, []);
    expect(r).toMatchObject({ verdict: 'original', findings: [] });
    expect(r.message).toContain('complete and unchanged');
  });

  it('calls a retelling in other words rewritten, never a repost, and tells its cuts beside it', () => {
    // A human translation retells Hunt's tale paragraph by paragraph with its names: rewritten.
    expect(reworded).toMatchObject({ verdict: 'rewritten' });
    expect(reworded.message).toMatch(
      /^This page is rewritten from “.+”.*: it tells the same text in other words \(\d+ of its \d+ paragraphs retell it\)\.$/,
    );
    const retold = reworded.findings[0]!;
    expect(retold.kind === 'reworded' && retold.retold!.paragraphs).toBeGreaterThan(0);
    const withCut: Finding[] = [...reworded.findings, missing];
    const cut = judge(seed, reworded.match!, withCut, true);
    expect(cut.verdict).toBe('rewritten');
    expect(cut.message).toContain(phrase('missing-paragraphs'));
    // Machine translation stays a repost, whatever the retelling.
    const translated = judge(seed, repost.match!, repost.findings, true);
    expect(translated.verdict).toBe('repost');
  });

  it('calls rewording that fails the retelling rules (the next release from a template) the original text, not a repost', () => {
    const r = judge(seed, reworded.match!, reworded.findings, false);
    expect(r.verdict).toBe('original');
    expect(r.message).toContain('in its own words');
    const withCut = judge(seed, reworded.match!, [...reworded.findings, missing], false);
    expect(withCut.verdict).toBe('repost');
    expect(withCut.message).toContain(phrase('reworded'));
  });

  it('calls the page on the original’s own site (or its www, AMP or mobile copy) the original, without findings', () => {
    const { hostname } = new URL(seed.url);
    for (const host of [hostname, hostname.replace(/^www\./, 'amp.'), hostname.replace(/^www\./, 'm.')]) {
      const own = analyzeArticle(seedArticle(0, `https://${host}/some/other/path`), index).report;
      expect(own).toMatchObject({ verdict: 'original', findings: [] });
      expect(own.message).toMatch(/^This is the original/);
    }
  });

  it('tells sites apart by host, and an unknown address is no site', () => {
    expect(onOriginalSite('https://washingtonpost.com/x', seed.url)).toBe(true);
    expect(onOriginalSite('https://www.washingtonpost.com.example/x', seed.url)).toBe(false);
    expect(onOriginalSite('https://example.com/opinions', seed.url)).toBe(false);
    expect(onOriginalSite('', seed.url)).toBe(false);
    expect(onOriginalSite('not a url', 'not a url')).toBe(false);
  });

  it(`calls a page with fewer than ${MIN_ARTICLE_WORDS} words of running text not an article, saying how many`, () => {
    const stub = { ...seedArticle(0), paragraphs: seedArticle(0).paragraphs.slice(0, 1) };
    const words = proseWordCount(fingerprintArticle(stub));
    expect(words).toBeLessThan(MIN_ARTICLE_WORDS);
    const r = analyzeArticle(stub, index).report;
    expect(r).toMatchObject({ verdict: 'not-an-article', match: null, findings: [] });
    expect(r.message).toContain(`${words} words`);
  });

  it('reports a page over budget as too large, with the limit it passed, and never judges it', () => {
    const limits = { ...EXTRACTION_LIMITS, maxElements: 20 };
    const article = articleFromHtml(seedPage(SEED_EXPECTATIONS[0]!), '', limits);
    const r = analyzeArticle(article, index).report;
    expect(r).toMatchObject({ verdict: 'too-large', match: null, findings: [] });
    expect(r.tooLarge).toMatchObject({ reason: article.tooLarge!.reason, limit: 20 });
    expect(r.tooLarge!.found).toBeGreaterThan(20);
    expect(r.message).toBe('Too large to check: the page has more than 20 elements.');
  });

  it('labels every kind of finding and category a real report carries', () => {
    const findings = [...repost.findings, ...retold.flatMap((r) => r.findings)];
    const kinds = new Set(findings.map((f) => f.kind));
    expect(kinds.size).toBe(Object.keys(FINDING_LABEL).length);
    const titles = [...kinds].map((k) => FINDING_LABEL[k].title);
    expect(new Set(titles).size).toBe(titles.length);
    const categories = findings
      .flatMap((f) => (f.kind === 'added-boilerplate' ? f.paragraphs : []))
      .map((p) => p.category);
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(CATEGORY_LABEL[c]).toMatch(/^\p{Lu}/u);
  });
});
