import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromText, type Article } from '../../src/extract/article';
import { articleFromHtml } from '../../src/extract/parse-html';
import { analyzeArticle } from '../../src/check/analyze';
import type { Finding, Report } from '../../src/report/report';
import { asOriginal, brownHalves, type BrownText } from '../support/brown';
import { expectSeedReport } from '../support/expect-report';
import { SEED_EXPECTATIONS, seedPage, seedText } from '../support/seeds';

// The seed original hidden among 500 real articles (first halves of the Brown corpus's
// texts); the second halves are 500 more real articles, not in the corpus, by the same
// authors on the same subjects: the hardest honest pages to leave alone.
const { first, second } = brownHalves();
let index: CorpusIndex;
beforeAll(() => {
  const seedOriginal = parseCorpusJsonl(
    readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'),
  );
  index = buildCorpusIndex([...seedOriginal, ...first.map(asOriginal)]);
});

const page = (paragraphs: readonly string[]): Article => ({ title: '', byline: '', siteName: '', url: '', paragraphs });
const check = (paragraphs: readonly string[]): Report => analyzeArticle(page(paragraphs), index).report;
const finding = <K extends Finding['kind']>(r: Report, kind: K): Extract<Finding, { kind: K }> | undefined =>
  r.findings.find((f): f is Extract<Finding, { kind: K }> => f.kind === kind);
const missingOf = (r: Report): number[] => finding(r, 'missing-paragraphs')?.paragraphs.map((p) => p.index) ?? [];
// Every fifth indexed article, so each genre of the corpus is represented.
const sample = (): BrownText[] => first.filter((_, i) => i % 5 === 0);

describe('with 500 real distractor articles in the corpus', () => {
  it('holds every original', () => {
    expect(index.originalCount).toBe(501);
  });

  for (const e of SEED_EXPECTATIONS) {
    it(`still gives seed ${e.seed} its verdict, as text and as a page`, () => {
      expectSeedReport(analyzeArticle(articleFromText(seedText(e)), index).report, e);
      expectSeedReport(analyzeArticle(articleFromHtml(seedPage(e)), index).report, e);
    });
  }

  it('leaves 500 real articles that are not in the corpus unmatched', () => {
    const matched = second
      .map((t) => [t.id, check(t.paragraphs)] as const)
      .filter(([, r]) => r.verdict !== 'unrelated');
    expect(matched.map(([id, r]) => `${id}: ${r.verdict} of ${r.match?.id}`)).toEqual([]);
  });

  it('finds reposts that cut paragraphs and add a bio and credits, with the exact paragraphs', () => {
    for (const text of sample()) {
      const n = text.paragraphs.length;
      const dropped = [2, 5, n - 1];
      const repost = [
        ...text.paragraphs.filter((_, i) => !dropped.includes(i)),
        'Source: The Daily Chronicle',
        'Jane Roe is a passionate content writer and contributor at NewsHub who crafts engaging articles for readers across many topics.',
      ];
      const report = check(repost);
      expect(report.verdict, text.id).toBe('repost');
      expect(report.match?.id).toBe(text.id);
      expect(missingOf(report), text.id).toEqual(dropped);
      expect(finding(report, 'machine-translation'), text.id).toBeUndefined();
      const added = finding(report, 'added-boilerplate')?.paragraphs.map((p) => p.category);
      expect(added, text.id).toEqual(['source-credit', 'author-bio']);
    }
  });

  it('finds truncated copies (the first 40%) with the cut paragraphs', () => {
    for (const text of sample()) {
      const kept = Math.ceil(text.paragraphs.length * 0.4);
      const report = check(text.paragraphs.slice(0, kept));
      expect(report.verdict, text.id).toBe('repost');
      expect(report.match?.id).toBe(text.id);
      expect(missingOf(report)).toEqual(text.paragraphs.map((_, i) => i).slice(kept));
    }
  });

  it('calls a complete copy, verbatim or lightly edited, the original text and never machine translated', () => {
    for (const text of sample()) {
      expect(check(text.paragraphs).verdict, text.id).toBe('original');
      // Light edits: every twelfth word changed, as a copy editor or a typo would.
      const edited = text.paragraphs.map((p) =>
        p
          .split(' ')
          .map((w, i) => (i % 12 === 5 ? `${w}s` : w))
          .join(' '),
      );
      const report = check(edited);
      expect(report.verdict, text.id).toBe('original');
      expect(finding(report, 'machine-translation')).toBeUndefined();
    }
  });

  it('does not call a page that quotes two paragraphs of an original inside its own text a repost', () => {
    for (const text of sample().slice(0, 40)) {
      const own = second.find((t) => t.id !== `${text.id.slice(0, -2)}-b` && t.genre === text.genre)!;
      const quoting = [
        ...own.paragraphs.slice(0, 6),
        text.paragraphs[3]!,
        text.paragraphs[4]!,
        ...own.paragraphs.slice(6, 12),
      ];
      expect(check(quoting).verdict, text.id).toBe('unrelated');
    }
  });
});
