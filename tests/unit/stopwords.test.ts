// The English function words left out of content terms (src/text/stopwords.ts), against
// the press reportage of the Brown corpus.
import { describe, expect, it } from 'vitest';
import { STOPWORDS } from '../../src/text/stopwords';
import { contentTerms, tokenize } from '../../src/text/tokens';
import { brownTexts } from '../support/brown';

const press = brownTexts().filter((t) => t.genre === 'a');
const pressTokens = press.flatMap((t) => t.paragraphs.flatMap(tokenize));

describe('STOPWORDS', () => {
  it('are written as the tokenizer writes words, so that each can match', () => {
    for (const word of STOPWORDS) expect(tokenize(word), word).toEqual([word]);
    // Typographic apostrophes are folded before the lookup.
    expect(tokenize('Don’t')).toEqual(["don't"]);
    expect(STOPWORDS.has("don't")).toBe(true);
  });

  it('cover the most frequent words of news text, and no topic word among them', () => {
    const counts = new Map<string, number>();
    for (const token of pressTokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 30);
    expect(top.filter(([word]) => !STOPWORDS.has(word))).toEqual([]);
    const share = pressTokens.filter((t) => STOPWORDS.has(t)).length / pressTokens.length;
    expect(share).toBeGreaterThan(0.4);
    expect(share).toBeLessThan(0.55);
    for (const topic of ['council', 'election', 'president', 'jury', 'tax', 'new', 'mrs', 'state'])
      expect(STOPWORDS.has(topic), topic).toBe(false);
  });

  it('are left out of a paragraph’s content terms', () => {
    const paragraph = press[0]!.paragraphs[0]!;
    const terms = contentTerms(tokenize(paragraph));
    expect(terms.length).toBeGreaterThan(5);
    expect(terms.filter((t) => STOPWORDS.has(t))).toEqual([]);
    expect(contentTerms(tokenize('It was said that they would have been there, as they should.'))).toEqual([]);
  });
});
