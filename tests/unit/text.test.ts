import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/text/normalize';
import { splitParagraphs } from '../../src/text/paragraphs';
import { splitSentences } from '../../src/text/sentences';
import { countContractions, leadSnippet, properNames } from '../../src/text/snippets';
import { contentTerms, tokenize } from '../../src/text/tokens';

describe('normalisation', () => {
  it('folds typography, case, white space and dotted acronyms', () => {
    expect(normalizeText('  “Putin’s”\u00A0U.S.—Russia  ﬁne\u200B  ')).toBe('"putin\'s" us.-russia fine');
  });
});

describe('paragraphs of plain text', () => {
  it('splits on blank lines', () => {
    expect(splitParagraphs('One two.\n\nThree four.\r\n\r\nFive.')).toEqual(['One two.', 'Three four.', 'Five.']);
  });
  it('splits on single newlines where there are no blank lines', () => {
    expect(splitParagraphs('First line.\nSecond line.\n')).toEqual(['First line.', 'Second line.']);
  });
  it('handles the mix copy-pasted pages produce (seed 000: single newlines, then one blank line)', () => {
    expect(splitParagraphs('A long first paragraph.\nSource: X\n.\n\nA bio paragraph.')).toEqual([
      'A long first paragraph.',
      'Source: X',
      '.',
      'A bio paragraph.',
    ]);
  });
  it('joins hard-wrapped prose back into paragraphs', () => {
    const wrapped =
      "The jury said it did find that many of Georgia's registration\nand election laws are outmoded or inadequate and often\nambiguous.\n\nA second paragraph that was wrapped at the\nsame width as the first one.";
    expect(splitParagraphs(wrapped)).toEqual([
      "The jury said it did find that many of Georgia's registration and election laws are outmoded or inadequate and often ambiguous.",
      'A second paragraph that was wrapped at the same width as the first one.',
    ]);
  });
});

describe('sentences', () => {
  it('does not end a sentence at an initial or a title', () => {
    expect(splitSentences('Former ambassador John E. Herbst wrote it. Mr. Putin replied. “Yes?” he asked.')).toEqual([
      'Former ambassador John E. Herbst wrote it.',
      'Mr. Putin replied.',
      '“Yes?” he asked.',
    ]);
  });
});

describe('tokens and content terms', () => {
  it('keeps numbers whole and stems words, dropping stop words', () => {
    const tokens = tokenize('Putin’s 100,000 troops were protesting the protests');
    expect(tokens).toEqual(["putin's", '100,000', 'troops', 'were', 'protesting', 'the', 'protests']);
    expect(contentTerms(tokens)).toEqual(['putin', '100000', 'troop', 'protest', 'protest']);
  });
  it('splits scripts written without spaces into characters', () => {
    expect(tokenize('普京无法承受')).toEqual(['普', '京', '无', '法', '承', '受']);
    expect(tokenize('Путин не может')).toEqual(['путин', 'не', 'может']);
  });
});

describe('snippets and facts kept by the index', () => {
  it('keeps the opening sentence, clipped at a word', () => {
    expect(leadSnippet('Short one. Second.')).toBe('Short one.');
    const long = leadSnippet(`${'word '.repeat(80)}end.`);
    expect(long.length).toBeLessThanOrEqual(201);
    expect(long.endsWith('word…')).toBe(true);
  });
  it('finds proper names and contractions', () => {
    const text =
      'Marat cautions that it’s domestic, said Erica Marat of the National Defense University. It can’t last.';
    expect(properNames(text)).toEqual(expect.arrayContaining(['Erica Marat', 'National Defense University']));
    expect(countContractions(text)).toBe(2);
  });
});
