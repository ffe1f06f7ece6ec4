import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, originalParagraphs } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { bioOf, classifyAdded, creditKind } from '../../src/classify/boilerplate';
import type { CorpusIndex } from '../../src/corpus/corpus-index';
import { addedBoilerplateFinding, classifiedAdditions, type ClassifiedAddition } from '../../src/detect/added';
import { notElsewhereOnPage } from '../../src/detect/elsewhere';
import { detectMissing, missingParagraphsFinding, paragraphLink } from '../../src/detect/missing';
import { translationFinding } from '../../src/detect/translation';
import { articleFromText, type Article } from '../../src/extract/article';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';
import { carriedText, compare, type Comparison } from '../../src/match/compare';
import { pageUnderCheck, PROSE_PARAGRAPH_WORDS } from '../../src/match/page';
import { humanTranslations, huntOriginals, machineTranslations } from '../fixtures/translation/sets';
import { asOriginal, brownHalves } from '../support/brown';

// Each detector (src/detect/) on its own, on real text: the seed original (a Washington
// Post column) and pages made from it, real bios and credit lines
// (tests/fixtures/boilerplate), Brown articles and their Apertium round trips, and Grimm
// tales in two human translations.
const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'))[0]!;
const column = originalParagraphs(seed);
const index = buildCorpusIndex([seed]);
const original = index.originalOf(0);
const records = index.keptParagraphsOf(0);
const N = column.length;
const fixture = (file: string): string[] =>
  readFileSync(new URL(`../fixtures/boilerplate/${file}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { text: string }).text);
const bios = fixture('bios.jsonl');
const credits = fixture('credits.jsonl');

const page = (paragraphs: readonly string[], outside: readonly string[] = []): Article => ({
  ...articleFromText(''),
  paragraphs,
  outside,
});
/** The page compared with the first original of `within`, as the check compares a candidate. */
const compared = (article: Article, within: CorpusIndex = index): Comparison =>
  compare(within, 0, pageUnderCheck(article.paragraphs, article.paragraphs.map(fingerprintParagraph)));
const without = (...cut: number[]): string[] => column.filter((_, j) => !cut.includes(j));

describe('missing paragraphs', () => {
  it('says where a page stops when it cut the end', () => {
    const one = missingParagraphsFinding([N - 1], original, records)!;
    expect(one.summary).toBe(`The page stops after paragraph ${N - 1} of ${N}: the last paragraph is missing`);
    const three = missingParagraphsFinding([N - 3, N - 2, N - 1], original, records)!;
    expect(three.summary).toBe(`The page stops after paragraph ${N - 3} of ${N}: the last 3 paragraphs are missing`);
  });

  it('lists cut paragraphs by their place in the original, counted from one', () => {
    const f = missingParagraphsFinding([1, 4], original, records)!;
    expect(f.summary).toBe(`2 of the original's ${N} paragraphs are missing (2 and 5)`);
    expect(f.paragraphs.map((p) => p.index)).toEqual([1, 4]);
    expect(f.paragraphs.map((p) => p.text)).toEqual([records[1]!.snippet, records[4]!.snippet]);
  });

  it('is high severity from a quarter of the original on', () => {
    const quarter = Math.ceil(N / 4);
    const cut = (n: number) => Array.from({ length: n }, (_, k) => k);
    expect(missingParagraphsFinding(cut(quarter), original, records)!.severity).toBe('high');
    expect(missingParagraphsFinding(cut(quarter - 1), original, records)!.severity).toBe('medium');
    expect(missingParagraphsFinding([], original, records)).toBeNull();
  });

  it('links each cut paragraph to its place in the original with a text fragment', () => {
    for (const [j, record] of records.entries()) {
      const link = paragraphLink(original.url, record)!;
      expect(link.startsWith(`${original.url}#:~:text=`)).toBe(true);
      const [start, end] = link
        .slice(link.indexOf('=') + 1)
        .split(',')
        .map(decodeURIComponent);
      expect(column[j]!.replace(/\s+/g, ' ')).toContain(start);
      if (end !== undefined) expect(column[j]!.replace(/\s+/g, ' ').trim().endsWith(end), link).toBe(true);
    }
    expect(paragraphLink('file:///home/a.html', records[0]!)).toBeUndefined();
  });

  it('names exactly the paragraphs a page cut', () => {
    const article = page(without(2, 7));
    expect(detectMissing(article, compared(article))?.paragraphs.map((p) => p.index)).toEqual([2, 7]);
  });

  it('does not call missing a paragraph that is elsewhere on the page, whatever its line breaks', () => {
    const article = page(without(2, 7), [column[7]!.replace(/\. /g, '.\n')]);
    expect(detectMissing(article, compared(article))?.paragraphs.map((p) => p.index)).toEqual([2]);
    expect(notElsewhereOnPage([2, 7], [...article.paragraphs, ...article.outside!], index, original)).toEqual([2]);
  });

  it('does not let a short menu item that shares a paragraph’s words stand in for it', () => {
    const words = column[7]!.split(' ');
    const menu = [words.slice(0, 3).join(' '), words.slice(-2).join(' ')];
    expect(notElsewhereOnPage([7], [...without(7), ...menu], index, original)).toEqual([7]);
  });

  it('does not make a cut of lines that are not prose (a dateline, a caption) alone', () => {
    const dateline = 'WASHINGTON, Jan. 6';
    expect(fingerprintParagraph(dateline).wordCount).toBeLessThan(PROSE_PARAGRAPH_WORDS);
    const withDateline = buildCorpusIndex([{ ...seed, text: [dateline, ...column].join('\n\n') }]);
    const noDateline = page(column);
    const comparison = compared(noDateline, withDateline);
    expect(comparison.alignment.missing).toEqual([0]);
    expect(detectMissing(noDateline, comparison)).toBeNull();
  });

  it('does not make a cut of a press release’s corporate tail alone, but does of its own prose', () => {
    const tail = [
      'About the Center for Civic Media',
      'The Center for Civic Media is an independent research group that studies how news travels online, with offices in Boston, Washington and London and partners at twelve universities.',
      'Media contact: Dana Abenova, press office, +1 202 555 0100',
    ];
    const release = buildCorpusIndex([{ ...seed, text: [...column, ...tail].join('\n\n') }]);
    const withoutTail = page(column);
    const comparison = compared(withoutTail, release);
    expect(comparison.alignment.missing).toEqual([N, N + 1, N + 2]);
    expect(fingerprintParagraph(tail[1]!).wordCount).toBeGreaterThanOrEqual(PROSE_PARAGRAPH_WORDS);
    expect(detectMissing(withoutTail, comparison)).toBeNull();
    const cutProse = page(without(3));
    expect(detectMissing(cutProse, compared(cutProse, release))?.paragraphs.map((p) => p.index)).toEqual([
      3,
      N,
      N + 1,
      N + 2,
    ]);
  });
});

describe('added boilerplate', () => {
  const author = { ...seed };
  const credit = credits.find((c) => creditKind(c) === 'text')!;
  const otherBio = bios.find((b) => classifyAdded(b, 'after', author)?.kind === 'finding' && bioOf(b)?.subject)!;
  const classify = (lines: readonly string[]): ClassifiedAddition[] => {
    const article = page([...column, ...lines]);
    return classifiedAdditions(compared(article));
  };

  it('classifies what a page adds after the original’s text, with the category and a note', () => {
    const added = classify([credit, otherBio]);
    expect(added.map((a) => a.paragraph.category)).toEqual(['source-credit', 'author-bio']);
    expect(added[1]!.classification.otherAuthor).toBe(true);
    expect(added[1]!.paragraph.note).toContain(seed.author);
  });

  it('knows the original author’s own bio from someone else’s', () => {
    const own = `${seed.author} is a columnist for the Global Opinions section of The Washington Post, where he writes about foreign policy and national security. He is also a political analyst for CNN.`;
    const c = classifyAdded(own, 'after', author);
    expect(c).toMatchObject({ kind: 'finding', category: 'author-bio' });
    expect(c?.kind === 'finding' && c.otherAuthor).toBeFalsy();
  });

  it('takes site chrome for what it is where it sits: a byline before the text, a comment form after it', () => {
    const byline = `By ${seed.author}`;
    expect(classifyAdded(byline, 'before', author)).toEqual({ kind: 'chrome' });
    expect(classifyAdded(byline, 'after', author)).toMatchObject({ kind: 'finding', category: 'source-credit' });
    expect(classifyAdded('Leave a comment', 'after', author)).toEqual({ kind: 'chrome' });
    expect(classifyAdded('Leave a comment', 'inside', author)).toMatchObject({ category: 'comments' });
    const prose = brownHalves().second[3]!.paragraphs[0]!;
    expect(classifyAdded(prose, 'before', author)).toEqual({ kind: 'chrome' });
    expect(classifyAdded(prose, 'inside', author)).toMatchObject({ kind: 'finding', category: 'other' });
  });

  it('never calls added a line the original itself carries', () => {
    const carried = carriedText(records);
    expect(carried(column[3]!)).toBe(false); // only its opening sentence and last words are kept
    expect(carried(records[3]!.snippet)).toBe(true);
    expect(carried(records[3]!.snippet.slice(0, 40))).toBe(true);
    expect(carried('the')).toBe(false);
    expect(carried(credit)).toBe(false);
  });

  it('accuses a complete copy only of passing the text off: credits count beside cuts or translation', () => {
    const credited = classify([credit]);
    expect(credited).toHaveLength(1);
    expect(addedBoilerplateFinding(credited, { cut: false, machineTranslated: false })).toBeNull();
    expect(addedBoilerplateFinding(credited, { cut: true, machineTranslated: false })?.severity).toBe('low');
    expect(addedBoilerplateFinding(credited, { cut: false, machineTranslated: true })?.severity).toBe('low');
    const passedOff = addedBoilerplateFinding(classify([credit, otherBio]), { cut: false, machineTranslated: false });
    expect(passedOff).toMatchObject({ severity: 'high', summary: expect.stringMatching(/^2 paragraphs /) });
    expect(addedBoilerplateFinding([], { cut: true, machineTranslated: true })).toBeNull();
  });
});

describe('machine translation and rewording', () => {
  const translated = new Map(machineTranslations('eng-spa').map((t) => [t.id, t.paragraphs]));
  const texts = brownHalves()
    .first.filter((t) => translated.has(t.id))
    .slice(0, 30);
  const brownIndex = buildCorpusIndex(texts.map(asOriginal));
  const detect = (paragraphs: readonly string[], k: number, within = brownIndex) => {
    const fingerprints = paragraphs.map((p) => fingerprintParagraph(p));
    return translationFinding(compare(within, k, pageUnderCheck(paragraphs, fingerprints)).translation());
  };

  it('finds machine translation in Apertium round trips, with sentence pairs as evidence', () => {
    const found = texts
      .map((t, k) => detect(translated.get(t.id)!, k))
      .filter((f) => f?.kind === 'machine-translation');
    expect(found.length).toBeGreaterThanOrEqual(texts.length * 0.9);
    for (const f of found) {
      if (f?.kind !== 'machine-translation') continue;
      expect(f.evidence.length).toBeGreaterThan(0);
      expect(f.confidence).toBeGreaterThan(0.5);
      expect(f.confidence).toBeLessThan(1);
    }
  });

  it('finds nothing in a verbatim copy', () => {
    for (const [k, t] of texts.entries()) expect(detect(t.paragraphs, k), t.id).toBeNull();
  });

  it('finds nothing with fewer than two aligned pairs', () => {
    const t = texts[0]!;
    expect(detect(translated.get(t.id)!.slice(0, 1), 0)).toBeNull();
  });

  it('calls a human retelling reworded, not machine translated', () => {
    const tales = buildCorpusIndex(huntOriginals());
    const ids = Array.from({ length: tales.originalCount }, (_, o) => tales.originalOf(o).id);
    const found = humanTranslations()
      .map((t) => detect(t.page, ids.indexOf(t.id), tales))
      .filter((f) => f !== null);
    expect(found.filter((f) => f.kind === 'reworded').length).toBeGreaterThan(found.length / 2);
    for (const f of found) {
      if (f.kind !== 'reworded') continue;
      expect(f.share).toBeGreaterThanOrEqual(0.6);
      expect(f.paragraphs.length).toBeGreaterThan(0);
      expect(f.summary).toContain('in other words');
      for (const p of f.paragraphs)
        expect(p.why).toMatch(/content words are kept, but only \d+ of \d+ \d+-word phrases/);
    }
  });
});
