import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, originalParagraphs } from '../../src/corpus/corpus-index';
import { deserializeIndex, serializeIndex } from '../../src/corpus/index-file';
import type { Article } from '../../src/extract/article';
import { analyzeArticle } from '../../src/check/analyze';
import { bundledOriginals } from '../support/corpus';

// Originals that are nearly each other: the FOMC's statements in the bundled corpus, where
// consecutive statements share much of their wording (corpus/SOURCES.md). A copy of one,
// whole or cut, must be matched to that statement, never to its neighbour: the evidence
// (which paragraphs are missing) is only right against the right original.
const index = deserializeIndex(new Uint8Array(readFileSync(new URL('../../public/corpus.rrx', import.meta.url))));
const originals = bundledOriginals();
const statements = originals.filter((r) => r.id.startsWith('fomc-'));
const page = (paragraphs: readonly string[]): Article => ({
  title: '',
  byline: '',
  siteName: '',
  url: 'https://markets.example/fed',
  paragraphs,
});

describe('near-identical originals (consecutive FOMC statements)', () => {
  it('are all in the bundled corpus', () => {
    expect(statements.length).toBeGreaterThanOrEqual(150);
  });

  it('match a verbatim copy of each statement to that statement', () => {
    const wrong = statements.filter((s) => {
      const { report } = analyzeArticle(page(originalParagraphs(s)), index);
      return report.match?.id !== s.id;
    });
    expect(wrong.map((s) => s.id)).toEqual([]);
  });

  it('match a copy with its last paragraph cut to that statement, and name the cut paragraph', () => {
    const cuttable = statements.filter((s) => originalParagraphs(s).length >= 4);
    expect(cuttable.length).toBeGreaterThan(100);
    const wrong = cuttable.filter((s) => {
      const paragraphs = originalParagraphs(s);
      const { report } = analyzeArticle(page(paragraphs.slice(0, -1)), index);
      return report.match?.id !== s.id;
    });
    expect(wrong.map((s) => s.id)).toEqual([]);
  });
});

// Justice Department releases on one case (charges, plea, sentence) share their background
// paragraphs, and many share closing ones. Every other release, whole and with its last
// paragraph cut: the whole copy is the release's own text, unchanged; the cut one names the
// cut paragraph when it was prose.
describe('press releases that share paragraphs (US Department of Justice)', () => {
  const releases = originals.filter((r) => r.id.startsWith('doj-')).filter((_, i) => i % 2 === 0);

  it('match a verbatim copy of each release to that release, as its unchanged text', () => {
    expect(releases.length).toBeGreaterThan(700);
    const wrong = releases.filter((r) => {
      const { report } = analyzeArticle(page(originalParagraphs(r)), index);
      return report.match?.id !== r.id || report.verdict !== 'original';
    });
    expect(wrong.map((r) => r.id)).toEqual([]);
  });

  it('match a copy with its last paragraph cut to that release, and name the paragraph when it is prose', () => {
    let named = 0;
    const wrong = releases.filter((r) => {
      const paragraphs = originalParagraphs(r);
      if (paragraphs.length < 4) return false;
      const { report } = analyzeArticle(page(paragraphs.slice(0, -1)), index);
      const missing = report.findings.find((f) => f.kind === 'missing-paragraphs');
      if (missing) named += 1;
      const last = paragraphs.length - 1;
      return (
        report.match?.id !== r.id ||
        (missing !== undefined && missing.paragraphs.map((p) => p.index).join() !== String(last))
      );
    });
    expect(wrong.map((r) => r.id)).toEqual([]);
    // The rest end on a line that is not prose ("Joint Motion to Enter Settlement Agreement (PDF)").
    expect(named / releases.length).toBeGreaterThan(0.9);
  });
});

// The Justice Department's releases come from a scrape that deleted every character outside
// ASCII (corpus/SOURCES.md). The same deletion, made here on Wikinews originals that have
// curly quotes, apostrophes and dashes: the correct text, copied whole, must still be the
// original's unchanged text, and copied cut, a repost with the cut paragraphs named.
describe('originals whose source lost every character outside ASCII', () => {
  const asciiOnly = (text: string): string => text.replace(/[^\n\x20-\x7e]/g, '').replace(/'/g, '');
  const sample = originals
    .filter((r) => r.id.startsWith('wikinews-') && /[\u2018\u2019\u201c\u201d\u2014]/.test(r.text))
    .filter((_, i) => i % 8 === 0);
  const damaged = deserializeIndex(
    serializeIndex(buildCorpusIndex(sample.map((r) => ({ ...r, text: asciiOnly(r.text) })))),
  );

  it('still match the correct text: whole as unchanged, cut as a repost naming the cut paragraphs and nothing else', () => {
    expect(sample.length).toBeGreaterThan(100);
    let cuts = 0;
    let named = 0;
    const wrong = sample.filter((r) => {
      const paragraphs = originalParagraphs(r);
      const whole = analyzeArticle(page(paragraphs), damaged).report;
      if (whole.match?.id !== r.id || whole.verdict !== 'original') return true;
      if (paragraphs.length < 5) return false;
      cuts += 1;
      const cut = analyzeArticle(page(paragraphs.slice(0, -2)), damaged).report;
      if (cut.verdict === 'repost') named += 1;
      // Unchanged when the two paragraphs cut were not prose (a list of ministers).
      return cut.findings.some((f) => f.kind !== 'missing-paragraphs');
    });
    expect(wrong.map((r) => r.id)).toEqual([]);
    expect(named / cuts).toBeGreaterThan(0.9);
  });
});
