import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, type CorpusIndex } from '../../src/corpus/corpus-index';
import { deserializeIndex, serializeIndex } from '../../src/corpus/index-file';
import { parseCorpusJsonl, type OriginalRecord } from '../../src/corpus/records';
import { joinSketch, storedSketch } from '../../src/corpus/sketch-remainder';
import { everyOriginal } from '../support/corpus';

// An index file stores of each paragraph's sketch only what its kept snippet, last words
// and names do not give. The split must be exact whatever the text: a sketch reads back
// as it was built, or a page is compared with something the original never said.

const bundled = parseCorpusJsonl(readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8'));
// Every 50th real original: wire copy, press releases, interviews, a few non-English words.
const sample = bundled.filter((_, i) => i % 50 === 0);

describe("a paragraph's sketch beside its kept text", () => {
  const index = buildCorpusIndex(sample);

  it('stores under half of the values of real paragraphs, and reads every sketch back exactly', () => {
    let kept = 0;
    let stored = 0;
    for (let o = 0; o < index.originalCount; o++) {
      const records = index.keptParagraphsOf(o);
      index.sketchesOf(o).forEach((sketch, j) => {
        const part = storedSketch(sketch, records[j]!);
        expect(joinSketch(part, records[j]!)).toEqual(sketch);
        expect(part.notWording.length + part.notTerms.length).toBe(0);
        kept += sketch.wording.values.length + sketch.terms.length;
        stored += part.wording.length + part.terms.length;
      });
    }
    expect(kept).toBeGreaterThan(5000);
    expect(stored / kept).toBeLessThan(0.5);
  });

  it('stores what a kept text says that the paragraph does not, and still reads back exactly', () => {
    const records = index.keptParagraphsOf(0);
    const sketch = index.sketchesOf(0)[0]!;
    // A record whose snippet and names are another paragraph's (a hand-edited or hostile file).
    const foreign = { ...records[0]!, snippet: records[1]!.snippet, names: ['Zanzibar Quorum'] };
    const part = storedSketch(sketch, foreign);
    expect(part.notWording.length).toBeGreaterThan(0);
    expect(part.notTerms.length).toBeGreaterThan(0);
    expect(joinSketch(part, foreign)).toEqual(sketch);
  });

  it('reads back exactly for generated text: clipped snippets, short runs, other scripts', () => {
    const word = fc.oneof(
      fc.constantFrom('the', 'Minister', "don't", 'U.S.', '1,200', 'café', 'Zürich', '東京', 'مرحبا', 'said', '—'),
      fc.stringMatching(/^[A-Za-z]{1,12}$/),
    );
    const paragraph = fc.array(word, { minLength: 1, maxLength: 120 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 4 }), (paragraphs) => {
        const original: OriginalRecord = {
          id: 'generated',
          title: '',
          author: '',
          publisher: '',
          url: '',
          published: '',
          text: paragraphs.join('\n\n'),
        };
        const built = buildCorpusIndex([original]);
        const loaded = deserializeIndex(serializeIndex(built, { built: '2026-01-01' }));
        expect(loaded.sketchesOf(0)).toEqual(built.sketchesOf(0));
        expect(loaded.keptParagraphsOf(0)).toEqual(built.keptParagraphsOf(0));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('the index file', () => {
  it('reads back sketches whose records disagree with them, through the exclusions it stores', () => {
    const index = buildCorpusIndex(sample.slice(0, 12));
    const edited: CorpusIndex = {
      ...index,
      keptParagraphsOf: (o) =>
        index
          .keptParagraphsOf(o)
          .map((r, j) => ({ ...r, snippet: j % 2 ? 'Nothing the paragraph says at all.' : r.snippet })),
    };
    const loaded = deserializeIndex(serializeIndex(edited, { built: '2026-01-01' }));
    expect(everyOriginal(loaded, (o) => loaded.sketchesOf(o))).toEqual(
      everyOriginal(index, (o) => index.sketchesOf(o)),
    );
    expect(everyOriginal(loaded, (o) => loaded.keptParagraphsOf(o))).toEqual(
      everyOriginal(edited, (o) => edited.keptParagraphsOf(o)),
    );
  });

  it('keeps whole paragraphs in a full-text index, and stores nothing of their sketches but counts', () => {
    const records = sample.slice(0, 40);
    const full = buildCorpusIndex(records, { fullText: true });
    const loaded = deserializeIndex(serializeIndex(full, { built: '2026-01-01' }));
    expect(everyOriginal(loaded, (o) => loaded.sketchesOf(o))).toEqual(everyOriginal(full, (o) => full.sketchesOf(o)));
    for (let o = 0; o < full.originalCount; o++) {
      const rs = full.keptParagraphsOf(o);
      full.sketchesOf(o).forEach((sketch, j) => {
        const part = storedSketch(sketch, rs[j]!);
        expect(part.wording.length + part.terms.length + part.notWording.length + part.notTerms.length).toBe(0);
      });
    }
  });
});
