import { splitSentences } from './sentences';
import { foldTypography, tidyWhitespace } from './normalize';

const SNIPPET_CHARS = 200;

/** A paragraph's opening sentence, cut at a word boundary: what the index keeps. */
export function leadSnippet(paragraph: string, maxChars = SNIPPET_CHARS): string {
  const first = splitSentences(tidyWhitespace(paragraph))[0] ?? '';
  return clip(first, maxChars);
}

export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The last few words, which with the first few locate a paragraph by text fragment. */
export function tailWords(paragraph: string, count = 5): string {
  const words = tidyWhitespace(paragraph).split(' ');
  return words.slice(-count).join(' ');
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'-]*$/u;
const NOT_NAMES = new Set(
  'The A An But And Or If In On At Of For To As By With From This That These Those It Its He She They We I You His Her Their Our Your Mr Mrs Ms Dr Sen Gov President Prime Minister Opinion Today Yesterday Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December'.split(
    ' ',
  ),
);

/**
 * Proper names as written: runs of capitalised words that are not a sentence's
 * first word alone. They are facts, not expression, and show respelled names.
 */
export function properNames(paragraph: string): string[] {
  const names = new Set<string>();
  for (const sentence of splitSentences(foldTypography(paragraph))) {
    const words = sentence.split(/\s+/).map((w) => w.replace(/^["'(]+|["'),.;:!?]+$/g, ''));
    let run: string[] = [];
    const flush = (): void => {
      const kept = run.filter((w) => !NOT_NAMES.has(w));
      if (kept.length > 0 && kept.join(' ').length > 2) names.add(kept.join(' '));
      run = [];
    };
    words.forEach((word, i) => {
      const possessive = word.replace(/'s$/, '');
      if (CAPITALISED.test(possessive) && !(i === 0 && NOT_NAMES.has(possessive))) {
        if (i === 0 && words.length > 1 && !CAPITALISED.test(words[1] ?? '')) {
          flush();
          return;
        }
        run.push(possessive);
        if (possessive !== word) flush();
      } else {
        flush();
      }
    });
    flush();
  }
  return [...names];
}

const CONTRACTED_IS = new Set(["it's", "that's", "there's", "here's", "what's", "who's", "let's", "he's", "she's"]);
const CONTRACTED_ENDING = /(?:n't|'re|'ll|'ve|'d|'m)$/;

/** Contractions such as "can't", "it's", "we're": machine translation expands them. */
export function countContractions(text: string): number {
  let count = 0;
  // Only words with an apostrophe can be contractions: look at those alone.
  for (const raw of text.split(/\s+/)) {
    if (!raw.includes("'") && !raw.includes('\u2019')) continue;
    const word = raw
      .replace(/\u2019/g, "'")
      .toLowerCase()
      .replace(/^[^a-z]+|[^a-z]+$/g, '');
    if (CONTRACTED_ENDING.test(word) || CONTRACTED_IS.has(word)) count++;
  }
  return count;
}
