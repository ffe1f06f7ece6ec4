// What the onboarding page says the bundled corpus covers (assets/corpus-coverage.json) is
// what corpus/originals.jsonl holds and what the shipped index public/corpus.rrx counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusCoverage } from '../../src/corpus/coverage';
import { summarizeIndex } from '../../src/corpus/index-file';
import { parseCorpusFile } from '../../src/corpus/records';
import shipped from '../../assets/corpus-coverage.json';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url));

describe('corpus coverage', () => {
  it('counts each publisher and the years it spans, largest first', () => {
    const coverage = corpusCoverage([
      { publisher: 'B', published: '2010-05-01' },
      { publisher: 'A', published: '2003' },
      { publisher: 'A', published: '1999-12-31' },
      { publisher: 'C', published: '' },
      { publisher: 'B', published: 'unknown' },
      { publisher: 'A', published: '2001-01-01T10:00:00Z' },
    ]);
    expect(coverage).toEqual({
      originals: 6,
      publishers: [
        { publisher: 'A', originals: 3, from: 1999, to: 2003 },
        { publisher: 'B', originals: 2, from: 2010, to: 2010 },
        { publisher: 'C', originals: 1, from: null, to: null },
      ],
    });
  });

  it('ships the bundled corpus’s coverage (run `npx tsx scripts/corpus-coverage.ts` after changing the corpus)', () => {
    const records = parseCorpusFile('originals.jsonl', read('corpus/originals.jsonl').toString('utf8'));
    expect(shipped).toEqual(corpusCoverage(records));
  });

  it('agrees with the shipped index’s own counts', () => {
    const index = summarizeIndex(new Uint8Array(read('public/corpus.rrx')));
    expect(shipped.originals).toBe(index.originals);
    expect(Object.fromEntries(shipped.publishers.map((p) => [p.publisher, p.originals]))).toEqual(index.publishers);
  });
});
