// Names compared between a page paragraph and its original (src/match/facts.ts), on the
// seed original (Josh Rogin's column on Kazakhstan and Ukraine) as the index records it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, originalParagraphs, type KeptParagraph } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { nameWords, pageNameWords, swapsNames, SWAPPED_NAME_WORDS } from '../../src/match/facts';
import { properNames } from '../../src/text/snippets';

const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'))[0]!;
const paragraphs = originalParagraphs(seed);
const records = buildCorpusIndex([seed]).keptParagraphsOf(0);
const namesOf = (text: string): Set<string> => nameWords(properNames(text));
/** Paragraph 4 names Kazakhstan and Putin ("Marat cautions that the causes of the Kazakhstan crisis…"). */
const FOURTH = 4;
const swapped = paragraphs[FOURTH]!.replaceAll('Kazakhstan', 'Belarus').replaceAll('Putin', 'Lukashenko');

describe('nameWords', () => {
  it('keeps the lower-case words of three letters or more, without a possessive', () => {
    expect(nameWords(['Rio Grande', 'Putin’s'.replace('’', "'"), 'Kassym-Jomart Tokayev', 'Al', 'U.S.'])).toEqual(
      new Set(['rio', 'grande', 'putin', 'kassym', 'jomart', 'tokayev']),
    );
  });
});

describe('swapsNames', () => {
  it('holds that the seed paragraph names what this test relies on', () => {
    expect(nameWords(records[FOURTH]!.names)).toEqual(new Set(['kazakhstan', 'putin']));
  });

  it('never calls a copied paragraph a swap', () => {
    paragraphs.forEach((text, i) => {
      expect(swapsNames(namesOf(text), text, records, i)).toBe(false);
    });
  });

  it('calls a paragraph that puts other names in the same frame a swap', () => {
    expect(namesOf(swapped)).toEqual(new Set(['belarus', 'lukashenko']));
    expect(swapsNames(namesOf(swapped), swapped, records, FOURTH)).toBe(true);
  });

  it(`needs ${SWAPPED_NAME_WORDS} new name words: one respelt name is a translation’s, not a swap`, () => {
    const one = paragraphs[FOURTH]!.replaceAll('Putin', 'Poutine');
    expect(swapsNames(namesOf(one), one, records, FOURTH)).toBe(false);
  });

  it('needs the original’s names left out, not just others added', () => {
    const added = `${paragraphs[FOURTH]} Belarus and Lukashenko watch closely.`;
    expect(swapsNames(namesOf(added), added, records, FOURTH)).toBe(false);
  });

  it('does not count a name moved to the next paragraph as left out', () => {
    const withNext = `${swapped}\n\n${paragraphs[FOURTH + 1]}`;
    expect(swapsNames(namesOf(swapped), withNext, records, FOURTH)).toBe(false);
  });

  it('does not count the neighbours’ names as added', () => {
    // Paragraph 3 names Erica Marat and the National Defense University.
    const borrowed = paragraphs[FOURTH]!.replaceAll('Kazakhstan', 'Erica').replaceAll('Putin', 'Marat');
    expect(swapsNames(namesOf(borrowed), borrowed, records, FOURTH)).toBe(false);
  });
});

describe('swapsNames on the names of a retelling, which a writer respells', () => {
  const kept = (names: string[]): KeptParagraph => ({ snippet: '', tail: '', names, contractions: 0, sentences: 1 });

  it('reads a name with its apostrophe as the one the corpus lost it from', () => {
    // As the bundled corpus keeps a Justice Department release that lost its apostrophes.
    const lost = [kept(['Prince Georges County Police Department', 'Immigration', 'Customs Enforcements'])];
    const page =
      "Prince George's County Police Department and Immigration and Customs Enforcement's agents arrested him.";
    expect(swapsNames(namesOf(page), page, lost, 0, 'retold')).toBe(false);
    // A copy's names are read as written.
    expect(swapsNames(namesOf(page), page, lost, 0)).toBe(true);
    const other = 'Baltimore County Police Department and Drug Enforcement Administration agents arrested him.';
    expect(swapsNames(namesOf(other), other, lost, 0, 'retold')).toBe(true);
  });

  it('reads initials as the name they stand for', () => {
    const spelt = [kept(['United States Office', 'Management', 'Budget OMB'])];
    const page = 'The White House Office of Management and Budget (OMB) says the U.S. national debt will double.';
    expect(swapsNames(namesOf(page), page, spelt, 0, 'retold')).toBe(false);
    const without = page.replace('the U.S. national', 'the national');
    expect(swapsNames(namesOf(without), without, spelt, 0, 'retold')).toBe(true);
  });
});

describe('pageNameWords', () => {
  it('works out each paragraph’s name words once, when asked', () => {
    const page = [swapped, paragraphs[FOURTH + 1]!];
    const wordsOf = pageNameWords(page);
    expect(wordsOf(0)).toEqual(new Set(['belarus', 'lukashenko']));
    expect(wordsOf(0)).toBe(wordsOf(0));
    expect(wordsOf(1)).toEqual(namesOf(paragraphs[FOURTH + 1]!));
    expect(wordsOf(1)).toContain('nazarbayev');
    expect(wordsOf(2).size).toBe(0);
  });
});
