// "Compare" from a saved example (src/browser/compare-saved.ts): the kept text laid out
// against its original again, with the same verdict and findings as when it was checked.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSaved } from '../../src/browser/compare-saved';
import { analyzeArticle } from '../../src/check/analyze';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromText } from '../../src/extract/article';
import { exampleId, type SavedExample } from '../../src/saved-examples/example';
import { comparisonRows } from '../../src/ui/comparison';
import { SEED_EXPECTATIONS, seedText } from '../support/seeds';

const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'));
const index = buildCorpusIndex(seed);
const url = 'https://reposts.example/putin';
const checked = analyzeArticle(articleFromText(seedText(SEED_EXPECTATIONS[0]!), url), index);
const example = (paragraphs: readonly string[]): SavedExample => ({
  id: exampleId(url, paragraphs),
  url,
  savedAt: '2026-01-02T03:04:05.000Z',
  title: 'Seed 000',
  verdict: checked.report.verdict,
  match: checked.report.match,
  findings: checked.report.findings,
  paragraphs,
  tags: [],
});

describe('a saved example compared again', () => {
  it('gives the same verdict, findings and rows as the check it was saved from', () => {
    const saved = example(checked.article.paragraphs);
    const reply = compareSaved(saved, [index]);
    if (!reply.ok) throw new Error(`not compared: ${reply.reason}`);
    expect(reply.savedAt).toBe(saved.savedAt);
    expect(reply.report.url).toBe(url);
    expect(reply.report.analysis.report.verdict).toBe('repost');
    expect(reply.report.analysis.report.findings).toEqual(checked.report.findings);
    expect(reply.original.original.id).toBe(checked.report.match!.id);
    const paragraphs = index.keptParagraphsOf(checked.alignment!.originalIndex);
    expect(reply.original.paragraphs).toEqual(paragraphs);
    expect(comparisonRows(reply.report.analysis, reply.original.paragraphs)).toEqual(
      comparisonRows(checked, paragraphs),
    );
  });

  it('says when the example is gone, or when no original on this computer matches it now', () => {
    expect(compareSaved(undefined, [index])).toEqual({ ok: false, reason: 'no-example' });
    const other = example(checked.article.paragraphs);
    expect(compareSaved(other, [buildCorpusIndex([])])).toEqual({ ok: false, reason: 'no-original' });
  });
});
