import { stemmer } from 'stemmer';
import { normalizeText } from './normalize';
import { STOPWORDS } from './stopwords';

// Words, numbers kept whole ("100,000" -> "100000"), apostrophes kept inside words.
// Scripts written without spaces (Han, kana, Thai...) are split per character so
// their shingles are character n-grams instead of one giant "word".
const TOKEN =
  /\p{N}+(?:[.,]\p{N}+)*|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*/gu;
const LATIN_WORD = /^[a-z]+(?:'[a-z]+)*$/;
const NUMBER = /^\p{N}/u;

/** Whether a token (or a word) is a figure: it starts with a digit ("1,500", "4.5", "2021"). */
export const isFigure = (token: string): boolean => NUMBER.test(token);
/** A figure's digits alone: "1,500", "1.500" and "1500" are one figure written three ways. */
export const figureDigits = (figure: string): string => figure.replace(/[.,]/g, '');

// Stemming is the costly step and vocabularies repeat: remember recent stems.
const stems = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 50_000;

function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
    stemmed = stemmer(word);
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Tokens of the normalised text, in order. */
export function tokenize(text: string): string[] {
  return normalizeText(text).match(TOKEN) ?? [];
}

/** Number of words as a reader would count them. */
export function countWords(text: string): number {
  return tokenize(text).length;
}

/**
 * Content terms: what survives a round trip through another language better than
 * word order does. Stop words go, English words are stemmed ("protests" and
 * "protesters" meet at "protest"), numbers lose their separators.
 */
export function contentTerms(tokens: readonly string[]): string[] {
  const terms: string[] = [];
  for (const token of tokens) {
    if (isFigure(token)) {
      terms.push(figureDigits(token));
      continue;
    }
    const word = token.replace(/'s$/, '');
    if (STOPWORDS.has(word)) continue;
    if (LATIN_WORD.test(word)) {
      if (word.length < 3) continue;
      terms.push(stem(word));
    } else {
      terms.push(word);
    }
  }
  return terms;
}
