// Bios and credit lines as people write them (tests/fixtures/boilerplate, with provenance),
// and ordinary reporting that must not be taken for either.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OriginalMeta } from '../../src/corpus/records';
import { classifyAdded } from '../../src/classify/boilerplate';
import { brownTexts } from '../support/brown';

interface Item {
  readonly text: string;
  readonly split: 'dev' | 'heldout';
}

const load = (file: string): Item[] =>
  readFileSync(new URL(`../fixtures/boilerplate/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Item);

const ORIGINAL = { author: 'Josh Rogin' } as OriginalMeta;
const category = (text: string): string => {
  const c = classifyAdded(text, 'after', ORIGINAL);
  return c?.kind === 'finding' ? c.category : (c?.kind ?? 'none');
};
const share = (items: readonly Item[], want: string): number =>
  items.filter((i) => category(i.text) === want).length / items.length;

const bios = load('bios.jsonl');
const credits = load('credits.jsonl');
// Real reporting: the Brown corpus's press reportage, editorials and reviews (genres a, b, c).
const ordinary = brownTexts()
  .filter((t) => 'abc'.includes(t.genre))
  .flatMap((t) => t.paragraphs);
// Modern news pages' own article text (the extraction benchmark's ground truth), chosen for
// paragraphs about people: "Jane Roe, who …", "X is a professor at …".
const news = readFileSync(new URL('../fixtures/boilerplate/ordinary-news.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .flatMap((line) => (JSON.parse(line) as { paragraphs: string[] }).paragraphs);

describe('real bios and credit lines', () => {
  it('holds enough real material', () => {
    expect(bios.length).toBeGreaterThanOrEqual(100);
    expect(credits.length).toBeGreaterThanOrEqual(50);
    expect(ordinary.length).toBeGreaterThanOrEqual(500);
  });

  for (const split of ['dev', 'heldout'] as const) {
    it(`names the ${split} bios author-bio`, () => {
      const items = bios.filter((b) => b.split === split);
      expect(share(items, 'author-bio')).toBeGreaterThanOrEqual(0.95);
    });
    it(`names the ${split} credit lines source-credit`, () => {
      expect(
        share(
          credits.filter((c) => c.split === split),
          'source-credit',
        ),
      ).toBeGreaterThanOrEqual(0.95);
    });
  }

  for (const [name, paragraphs] of [
    ['Brown press paragraphs', ordinary],
    ['modern news paragraphs', news],
  ] as const) {
    it(`names none of the ${name} a bio or a credit`, () => {
      expect(paragraphs.length).toBeGreaterThanOrEqual(500);
      expect(paragraphs.filter((p) => category(p) === 'author-bio')).toEqual([]);
      expect(paragraphs.filter((p) => category(p) === 'source-credit')).toEqual([]);
    });
  }

  it('tells a picture credit from a credit for the text', () => {
    for (const line of ['Photo: Getty Images', 'Courtesy of Andrew Vaughan', '(Image credit: Blue Origin)']) {
      const c = classifyAdded(line, 'after', ORIGINAL);
      expect(c?.kind === 'finding' && c.category).toBe('source-credit');
      expect(c?.kind === 'finding' && c.imageCredit).toBe(true);
    }
    for (const line of ['SOURCE: News agencies', 'Originally published on Live Science.']) {
      const c = classifyAdded(line, 'after', ORIGINAL);
      expect(c?.kind === 'finding' && c.category).toBe('source-credit');
      expect(c?.kind === 'finding' && c.imageCredit).not.toBe(true);
    }
  });
});
