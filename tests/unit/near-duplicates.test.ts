import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { originalParagraphs } from '../../src/corpus/corpus-index';
import { deserializeIndex } from '../../src/corpus/index-file';
import { parseCorpusJsonl } from '../../src/corpus/records';
import type { Article } from '../../src/extract/article';
import { analyzeArticle } from '../../src/report/analyze';

// Originals that are nearly each other: the FOMC's statements in the bundled corpus, where
// consecutive statements share much of their wording (corpus/SOURCES.md). A copy of one,
// whole or cut, must be matched to that statement, never to its neighbour: the evidence
// (which paragraphs are missing) is only right against the right original.
const index = deserializeIndex(new Uint8Array(readFileSync(new URL('../../public/corpus.rrx', import.meta.url))));
const statements = parseCorpusJsonl(
  readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8'),
).filter((r) => r.id.startsWith('fomc-'));
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
