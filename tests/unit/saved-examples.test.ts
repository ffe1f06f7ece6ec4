// Saved examples (src/saved-examples/example.ts) with the reader's "this verdict is wrong":
// kept with the example, exported in JSON Lines and CSV, and read back from both.
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/check/analyze';
import { deserializeIndex } from '../../src/corpus/index-file';
import { articleFromText } from '../../src/extract/article';
import {
  exampleId,
  feedbackOf,
  ImportError,
  MAX_FEEDBACK_COMMENT_CHARS,
  parseExamples,
  toCsv,
  toJsonl,
  withFeedback,
  type SavedExample,
} from '../../src/saved-examples/example';
import { SEED_EXPECTATIONS, seedText } from '../support/seeds';

const bundled = deserializeIndex(readFileSync(new URL('../../public/corpus.rrx', import.meta.url)));
const url = 'https://reposts.example/story';
const { article, report } = analyzeArticle(articleFromText(seedText(SEED_EXPECTATIONS[0]!), url), bundled);
const example: SavedExample = {
  id: exampleId(url, article.paragraphs),
  url,
  savedAt: '2026-12-06T10:00:00.000Z',
  title: article.title,
  verdict: report.verdict,
  match: report.match,
  findings: report.findings,
  paragraphs: article.paragraphs,
  tags: [],
};
const said = feedbackOf(
  '2026-12-06T10:05:00.000Z',
  '  The credit is the author’s own byline; "not a repost", says I.  ',
);

describe('the reader’s feedback on a verdict', () => {
  it('is kept with the example: saved with it, or added to the one saved before, which keeps its tags', () => {
    expect(said).toEqual({
      verdictWrong: true,
      at: '2026-12-06T10:05:00.000Z',
      comment: 'The credit is the author’s own byline; "not a repost", says I.',
    });
    expect(withFeedback([], example, said)).toEqual([{ ...example, feedback: said }]);
    const tagged = { ...example, tags: ['workshop'] };
    const other = { ...example, id: 'other' };
    expect(withFeedback([other, tagged], example, said)).toEqual([other, { ...tagged, feedback: said }]);
  });

  it('leaves an empty comment out and cuts a long one', () => {
    expect(feedbackOf('2026-12-06T10:05:00.000Z', '   ')).toEqual({
      verdictWrong: true,
      at: '2026-12-06T10:05:00.000Z',
    });
    expect(feedbackOf('t', 'x'.repeat(5_000)).comment).toHaveLength(MAX_FEEDBACK_COMMENT_CHARS);
  });

  it('is exported in JSON Lines and read back', () => {
    const jsonl = toJsonl([{ ...example, feedback: said }, example]);
    expect(JSON.parse(jsonl.split('\n')[0]!).feedback).toEqual(said);
    expect(parseExamples(jsonl)).toEqual([{ ...example, feedback: said }, example]);
  });

  it('is exported in CSV, in columns of its own, and read back', () => {
    const csv = toCsv([{ ...example, feedback: said }, example]);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
    expect(rows[0]).toMatchObject({
      verdict: 'repost',
      feedback_verdict_wrong: 'yes',
      feedback_at: '2026-12-06T10:05:00.000Z',
      feedback_comment: said.comment,
    });
    expect(rows[1]).toMatchObject({ feedback_verdict_wrong: '', feedback_at: '', feedback_comment: '' });
    expect(parseExamples(csv)).toEqual([{ ...example, feedback: said }, example]);
  });

  it('refuses an import whose feedback is malformed', () => {
    const line = (feedback: unknown) => JSON.stringify({ ...example, feedback });
    expect(() => parseExamples(line({ verdictWrong: 'yes', at: 't' }))).toThrow(ImportError);
    expect(() => parseExamples(line({ verdictWrong: true }))).toThrow(/line 1: "feedback"/);
  });
});
