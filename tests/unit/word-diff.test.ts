import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairDiff, type DiffSpan } from '../../src/ui/word-diff';

// The changed words the comparison page marks in a reworded pair (issue 22 item 1).
const join = (spans: readonly DiffSpan[]): string => spans.map((s) => s.text).join('');
const changed = (spans: readonly DiffSpan[]): string[] =>
  spans.filter((s) => s.change === 'changed').map((s) => s.text.trim());

// From the development set: the original's sentence and the close paraphrase of it.
const ORIGINAL =
  'Critics say the move by the Executive Branch violates the Posse Comitatus Act, a law that bars the military from domestic affairs.';
const PAGE =
  'According to critics, this move by the Executive Branch breaches the Posse Comitatus Act, the law barring the military from taking part in domestic affairs.';

describe('pairDiff', () => {
  it("marks the page's own words and the original's replaced words, and keeps the shared ones", () => {
    const diff = pairDiff(PAGE, ORIGINAL, false);
    expect(join(diff.page)).toBe(PAGE);
    expect(join(diff.original)).toBe(ORIGINAL);
    expect(changed(diff.page)).toEqual(['According to critics, this', 'breaches', 'the', 'barring', 'taking part in']);
    expect(changed(diff.original)).toEqual(['Critics say the', 'violates', 'a', 'that bars']);
    expect(diff.page.filter((s) => s.change === 'same').map((s) => s.text.trim())).toContain(
      'the Posse Comitatus Act,',
    );
    expect(diff.page.some((s) => s.change === 'uncompared')).toBe(false);
  });

  it('marks nothing in a pair whose words are the same', () => {
    const diff = pairDiff(ORIGINAL, ORIGINAL, false);
    expect(changed(diff.page)).toEqual([]);
    expect(changed(diff.original)).toEqual([]);
  });

  it("compares an opening-sentence-only original with the page's closest sentence, and leaves the rest unmarked", () => {
    const before = 'Last Wednesday, the President sent a brigade home. ';
    const after = ' Another unit will replace it after a year.';
    const page = `${before}${PAGE}${after}`;
    const diff = pairDiff(page, ORIGINAL, true);
    expect(join(diff.page)).toBe(page);
    expect(diff.page[0]).toEqual({ text: before, change: 'uncompared' });
    expect(diff.page.at(-1)).toEqual({ text: after, change: 'uncompared' });
    expect(changed(diff.page)).toEqual(changed(pairDiff(PAGE, ORIGINAL, false).page));
    expect(join(diff.original)).toBe(ORIGINAL);
  });

  it('gives back both texts whole, whatever they hold', () => {
    const text = fc
      .array(
        fc.tuple(
          fc.constantFrom('the', 'Act', 'law', 'bars', ',', '.', 'Mr.', 'A', '«x»', 'Law', '"'),
          fc.constantFrom('', ' ', '  ', '\n', ' \t '),
        ),
        { maxLength: 40 },
      )
      .map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(text, text, fc.boolean(), (page, original, openingOnly) => {
        const diff = pairDiff(page, original, openingOnly);
        return join(diff.page) === page && join(diff.original) === original;
      }),
    );
  });
});
