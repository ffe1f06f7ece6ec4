import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { originalParagraphs } from '../../src/corpus/corpus-index';
import { originalsFromFile } from '../../src/corpus/from-files';
import { CorpusError, parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromHtml } from '../../src/extract/parse-html';
import { ImportError, parseExamples } from '../../src/saved-examples/example';
import { errorMessage } from '../../src/text/error-message';
import { parseJsonLines } from '../../src/text/jsonl';
import { plural } from '../../src/text/plural';
import { SEED_EXPECTATIONS, seedPage } from '../support/seeds';

// The small shared helpers: plurals, error messages, JSON Lines, and reading originals by file extension.
const jsonl = readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8');
const seed = parseCorpusJsonl(jsonl)[0]!;

describe('plural', () => {
  it('puts the noun in the plural unless the count is one', () => {
    expect([0, 1, 2].map((n) => plural(n, 'paragraph'))).toEqual(['0 paragraphs', '1 paragraph', '2 paragraphs']);
    expect(plural(3, 'category', 'categories')).toBe('3 categories');
  });
});

describe('errorMessage', () => {
  it('gives an error’s own message, and anything else thrown as text', () => {
    expect(errorMessage(new CorpusError('not valid JSON', 2))).toBe('line 2: not valid JSON');
    expect(errorMessage('quota exceeded')).toBe('quota exceeded');
    expect(errorMessage(undefined)).toBe('undefined');
  });
});

describe('parseJsonLines', () => {
  const fail = (line: number) => new Error(`line ${line}`);
  it('reads one value a line, skipping a byte order mark and blank lines but counting them', () => {
    const text = '\uFEFF{"a":1}\r\n\r\n  [2]  \n\n"three"\n';
    expect([...parseJsonLines(text, fail)]).toEqual([
      { value: { a: 1 }, line: 1 },
      { value: [2], line: 3 },
      { value: 'three', line: 5 },
    ]);
  });

  it('names the first line that is not JSON, after yielding the lines before it', () => {
    const seen: number[] = [];
    expect(() => {
      for (const { line } of parseJsonLines('{}\n\n{"a": }\n{', fail)) seen.push(line);
    }).toThrowError(/^line 3$/);
    expect(seen).toEqual([1]);
  });

  it('is what both the corpus format and the saved examples import read, each naming the bad line', () => {
    expect(() => parseCorpusJsonl(`${jsonl.trim()}\n\nnot json`)).toThrowError(new CorpusError('not valid JSON', 3));
    expect(() =>
      parseExamples('{"id":"a","url":"","verdict":"repost","findings":[],"paragraphs":[]}\n{x'),
    ).toThrowError(new ImportError('line 2: not valid JSON'));
  });
});

describe('originalsFromFile', () => {
  it('reads a JSON Lines corpus', () => {
    expect(originalsFromFile('originals.jsonl', jsonl, articleFromHtml)).toEqual([seed]);
  });

  it('reads a .txt file as one original, its short first line as the title and its name as the id', () => {
    const text = [seed.title, ...originalParagraphs(seed)].join('\n\n');
    const [record] = originalsFromFile('folder/putin-kazakhstan.txt', text, articleFromHtml);
    expect(record).toMatchObject({ id: 'putin-kazakhstan', title: seed.title });
    expect(originalParagraphs(record!)).toEqual(originalParagraphs(seed));
  });

  it('reads an .html page as the command line reads pages: its article, title and address', () => {
    for (const name of ['seed-002.html', 'seed-002.HTM']) {
      const [record] = originalsFromFile(name, seedPage(SEED_EXPECTATIONS[2]!), articleFromHtml);
      expect(record!.id).toBe('seed-002');
      expect(record!.title).not.toBe('');
      expect(originalParagraphs(record!).length).toBeGreaterThan(5);
    }
  });

  it('takes no originals from other files, and names the file a bad one came from', () => {
    expect(originalsFromFile('notes.md', jsonl, articleFromHtml)).toEqual([]);
    expect(() => originalsFromFile('corpus/bad.jsonl', `${jsonl.trim()}\n{`, articleFromHtml)).toThrowError(
      new CorpusError('corpus/bad.jsonl: line 2: not valid JSON'),
    );
    expect(() => originalsFromFile('empty.txt', '\n\n', articleFromHtml)).toThrowError(
      /^empty\.txt: original "empty": "text" must be/,
    );
  });
});
