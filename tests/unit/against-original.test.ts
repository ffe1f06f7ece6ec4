import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromHtml } from '../../src/extract/parse-html';
import { analyzeAgainstOriginal } from '../../src/check/against-original';
import { SEED_EXPECTATIONS, seedPage } from '../support/seeds';

const ORIGINAL = parseCorpusJsonl(
  readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'),
)[0]!;
const CUT = SEED_EXPECTATIONS.find((e) => e.seed === '001')!;
const AT = 'http://127.0.0.1:8002/original';
const original = { ...ORIGINAL, url: AT };
/** The cut seed copy whose canonical link names the original, as syndicated copies do. */
const article = (pageUrl: string) =>
  articleFromHtml(seedPage(CUT).replace('</head>', `<link rel="canonical" href="${AT}"></head>`), pageUrl);

describe('analyzeAgainstOriginal', () => {
  it('judges a copy on another site (another port) by its text, though its canonical link names the original', () => {
    const page = 'http://127.0.0.1:8001/repost';
    const { report } = analyzeAgainstOriginal(article(page), original, { kind: 'credited', how: 'canonical' }, page);
    expect(report.verdict).toBe('repost');
    const missing = report.findings.find((f) => f.kind === 'missing-paragraphs');
    expect(missing?.paragraphs.map((p) => p.index)).toEqual(CUT.missing);
    expect(report.originalSource).toEqual({ kind: 'credited', how: 'canonical' });
  });

  it("calls a page on the original's own site the original, and says when the texts do not match", () => {
    const page = 'http://127.0.0.1:8002/amp/original';
    expect(analyzeAgainstOriginal(article(page), original, { kind: 'given' }, page).report.verdict).toBe('original');
    const other = { ...original, title: 'Another story', text: 'A different text about the weather. '.repeat(40) };
    const { report } = analyzeAgainstOriginal(article(''), other, { kind: 'given' }, '');
    expect(report).toMatchObject({
      verdict: 'unrelated',
      message: 'This page does not carry the text of “Another story”.',
    });
  });
});
