import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, originalParagraphs } from '../../src/corpus/corpus-index';
import { deserializeIndex, serializeIndex } from '../../src/corpus/index-file';
import { parseCorpusJsonl, type OriginalRecord } from '../../src/corpus/records';
import { fingerprintParagraph, type ParagraphFingerprint } from '../../src/fingerprint/fingerprint';
import {
  acceptBest,
  acceptCandidate,
  MIN_ALIGNED_PARAGRAPHS,
  MIN_DAYS_EARLIER,
  MAX_REPLACED_SHARE,
  MIN_PAGE_SHARE,
} from '../../src/match/accept';
import { alignWithOriginal } from '../../src/match/align';
import { compare } from '../../src/match/compare';
import { ownProseParagraphs } from '../../src/match/own-prose';
import { pageUnderCheck, PROSE_PARAGRAPH_WORDS, proseWordCount, type PageUnderCheck } from '../../src/match/page';
import type { Article } from '../../src/extract/article';
import { analyzeArticle } from '../../src/check/analyze';
import { asOriginal, brownHalves } from '../support/brown';

// Acceptance (src/match/accept.ts), rule by rule, on real text: the seed original (a
// Washington Post column), Brown articles in the corpus, and Brown articles that are not
// (second halves: the same authors on the same subjects).
const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'))[0]!;
const { first, second } = brownHalves();
const brown = first.find((t) => t.id === 'brown-ca14-a')!;
const notInCorpus = second.find((t) => t.id === 'brown-ca01-b')!.paragraphs;
const index = buildCorpusIndex([seed, asOriginal(brown)]);
const [SEED, BROWN] = [0, 1];
const column = originalParagraphs(seed);

const fingerprints = (page: readonly string[]): ParagraphFingerprint[] => page.map(fingerprintParagraph);
const checked = (page: readonly string[]): PageUnderCheck => pageUnderCheck(page, fingerprints(page));
const words = (page: readonly string[]): number => proseWordCount(fingerprints(page));
const accept = (page: readonly string[], candidate = SEED) => acceptCandidate(compare(index, candidate, checked(page)));
/** The accepted original among the candidates, compared in their order. */
const bestOf = (candidates: readonly number[], page: PageUnderCheck): number | undefined =>
  acceptBest(candidates.map((c) => compare(index, c, page)))?.comparison.candidate;
/** Share of a page's running text that is the given paragraphs (all of them prose). */
const shareOf = (copied: readonly string[], page: readonly string[]): number => words(copied) / words(page);

describe('accepting a retrieved original', () => {
  it('accepts a complete copy, all of whose running text is the original’s, and only for that original', () => {
    expect(accept(column)?.share).toBe(1);
    expect(accept(column, BROWN)).toBeNull();
  });

  it('counts running text only: a headline and a byline do not dilute the share', () => {
    const page = [seed.title, `By ${seed.author}`, ...column];
    expect(words(page)).toBe(words(column));
    expect(accept(page)?.share).toBe(1);
  });

  it(`refuses a page whose running text is less than ${MIN_PAGE_SHARE} the original’s`, () => {
    const copied = column.slice(0, 4);
    const page = [...notInCorpus, ...copied];
    expect(shareOf(copied, page)).toBeLessThan(MIN_PAGE_SHARE);
    expect(accept(page)).toBeNull();
  });

  it('accepts the same paragraphs when they are most of the page, with their share of it', () => {
    const copied = column.slice(0, 4);
    const page = [notInCorpus[0]!, ...copied];
    const share = shareOf(copied, page);
    expect(share).toBeGreaterThanOrEqual(MIN_PAGE_SHARE);
    expect(accept(page)?.share).toBeCloseTo(share, 9);
  });

  it('refuses a page that puts its own prose where it cut the original’s: another article in its frame', () => {
    // Paragraphs 3 and 4 cut: a cut copy.
    const cut = [...column.slice(0, 3), ...column.slice(5)];
    expect(accept(cut)).not.toBeNull();
    // The same, with two paragraphs of another article in their place, is that other article.
    const own = notInCorpus.slice(0, 2);
    const replaced = [...column.slice(0, 3), ...own, ...column.slice(5)];
    expect(shareOf(own, replaced)).toBeGreaterThanOrEqual(MAX_REPLACED_SHARE);
    expect(accept(replaced)).toBeNull();
    // Its own paragraphs after the original's text, or before it, are what reposts add: still a cut copy.
    expect(accept([...cut, ...own])).not.toBeNull();
    expect(accept([...own, ...column.slice(1, 3), ...column.slice(5)])).not.toBeNull();
  });

  it('refuses a cut copy that tells news of its own among the original’s paragraphs: a follow-up in its frame', () => {
    // The last four paragraphs cut: a cut copy.
    const cut = column.slice(0, 8);
    expect(accept(cut)).not.toBeNull();
    // Two paragraphs of another article between paragraphs 2 and 3, where nothing was cut:
    // prose that says nothing the original says.
    const own = notInCorpus.slice(0, 2);
    const withNews = [...column.slice(0, 3), ...own, ...column.slice(3, 8)];
    expect(shareOf(own, withNews)).toBeGreaterThanOrEqual(MAX_REPLACED_SHARE);
    expect(accept(withNews)).toBeNull();
    // The whole original with the same paragraphs inserted is its text with additions.
    expect(accept([...column.slice(0, 3), ...own, ...column.slice(3)])).not.toBeNull();
    // Promotion inserted among the paragraphs is what reposters add: still a cut copy.
    const promo = [
      'Also read: Why the Kremlin is betting that the West will blink first, and what that means for the rest of Europe',
      'Subscribe to our newsletter and get the best of our opinion writers delivered to your inbox every single morning.',
      'Follow us on Telegram and WhatsApp for the latest news on Russia, Ukraine and Kazakhstan, with analysis from our correspondents across the region.',
    ];
    const withPromo = [...column.slice(0, 3), ...promo, ...column.slice(3, 8)];
    expect(shareOf(promo, withPromo)).toBeGreaterThanOrEqual(MAX_REPLACED_SHARE);
    expect(accept(withPromo)).not.toBeNull();
  });

  it('refuses two paragraphs of a long original, even as most of the page: a quotation', () => {
    const quoted = column.slice(1, 3);
    const page = [notInCorpus[0]!, ...quoted];
    expect(shareOf(quoted, page)).toBeGreaterThanOrEqual(MIN_PAGE_SHARE);
    expect(ownProseParagraphs(index, SEED).size).toBeGreaterThan(quoted.length / 0.3);
    expect(accept(page)).toBeNull();
    // One paragraph more is a copy of part of it.
    expect(accept([notInCorpus[0]!, ...column.slice(1, 4)])).not.toBeNull();
  });

  it(`needs ${MIN_ALIGNED_PARAGRAPHS} aligned paragraphs of prose, or all of a shorter original’s`, () => {
    const [one, two] = [brown.paragraphs[0]!, brown.paragraphs[1]!];
    const original = (id: string, paragraphs: string[]): OriginalRecord => ({
      ...asOriginal(brown),
      id,
      text: paragraphs.join('\n\n'),
    });
    const short = buildCorpusIndex([original('one', [one]), original('two', [one, two])]);
    expect(ownProseParagraphs(short, 0).size).toBe(1);
    expect(acceptCandidate(compare(short, 0, checked([one])))).not.toBeNull();
    expect(acceptCandidate(compare(short, 1, checked([one])))).toBeNull();
    expect(acceptCandidate(compare(short, 1, checked([one, two])))).not.toBeNull();
  });

  // A press release's own text ends where the company's boilerplate starts ("About Acme…").
  const ABOUT = [
    'Kazakh Energy Holdings is an independent producer of oil and natural gas with operations in western Kazakhstan, the Caspian region and central Asia, and offices in Almaty, Astana and London.',
    'The company employs more than four thousand people and supplies refineries and power stations across the region under long-term contracts with state and private buyers.',
  ];
  const caption = 'Protesters in Almaty on Wednesday.';
  const proseOf = (tail: readonly string[]): number[] => {
    const prose = column.slice(0, 3);
    const release = buildCorpusIndex([{ ...seed, text: [prose[0], caption, ...prose.slice(1), ...tail].join('\n\n') }]);
    return [...ownProseParagraphs(release, 0)];
  };

  it('takes an original’s own prose: not lines too short to be prose, nor a boilerplate tail from its heading on', () => {
    expect(caption.split(' ').length).toBeLessThan(PROSE_PARAGRAPH_WORDS);
    expect(proseOf([])).toEqual([0, 2, 3]);
    // Headings as releases write them, and in lower case.
    for (const heading of [
      'About Kazakh Energy Holdings',
      'about Kazakh Energy Holdings',
      'Media contact: Dana Abenova, +7 727 000 0000',
      'media contact: Dana Abenova, +7 727 000 0000',
      'Contact: Dana Abenova',
    ]) {
      expect(proseOf([heading, ...ABOUT]), heading).toEqual([0, 2, 3]);
    }
    // A sentence that merely starts with "about" is prose, not a heading.
    for (const sentence of [
      'About 200 people gathered outside the ministry in Almaty on Tuesday morning to hear the announcement, and many of them stayed until the evening to ask questions.',
      'About President Tokayev’s plan, the minister said little on Tuesday, except that the cabinet would meet again before the end of the month to discuss it.',
    ]) {
      expect(proseOf([sentence]), sentence).toEqual([0, 2, 3, 4]);
    }
    expect(
      proseOf(['About Kazakh Energy Holdings: an independent producer of oil and gas.', ...ABOUT.slice(1)]),
    ).toEqual([0, 2, 3]);
  });

  // A press release's end mark ("###", "- 30 -") holds no letter: the index keeps not the
  // mark but where it stood, and what follows it is the release's tail, whatever it says.
  const noteToEditors =
    'Editors may contact the ministry press office to arrange interviews with the officials named in this release, on weekdays between nine and five, by telephone or by electronic mail.';

  it('takes an end mark as the start of the tail, in a built and in a loaded index', () => {
    expect(proseOf([noteToEditors])).toEqual([0, 2, 3, 4]);
    for (const mark of ['###', '# # #', '-30-', '- 30 -', '\u201330\u2013']) {
      expect(proseOf([mark, noteToEditors, ...ABOUT]), mark).toEqual([0, 2, 3]);
    }
    // A row of asterisks is a break between sections; a mark after the last paragraph ends nothing.
    expect(proseOf(['* * *', noteToEditors])).toEqual([0, 2, 3, 4]);
    const release = (tail: readonly string[]) =>
      buildCorpusIndex([{ ...seed, text: [...column.slice(0, 3), ...tail].join('\n\n') }]);
    expect(release(['###']).originalOf(0).endMark).toBeUndefined();
    const loaded = deserializeIndex(serializeIndex(release(['###', noteToEditors])));
    expect(loaded.originalOf(0)).toMatchObject({ paragraphCount: 4, endMark: 3 });
    expect([...ownProseParagraphs(loaded, 0)]).toEqual([0, 1, 2]);
  });

  it('does not call a copy that leaves out what follows an end mark cut, but does one that leaves out the release', () => {
    const page = (paragraphs: readonly string[]): Article => ({
      title: seed.title,
      byline: '',
      siteName: '',
      url: 'https://aggregator.example/release',
      paragraphs,
    });
    const verdict = (original: readonly string[], copy: readonly string[]): [string, string[]] => {
      const { report } = analyzeArticle(
        page(copy),
        deserializeIndex(serializeIndex(buildCorpusIndex([{ ...seed, text: original.join('\n\n') }]))),
      );
      return [report.verdict, report.findings.map((f) => f.kind)];
    };
    const notes = [noteToEditors, ABOUT[1]!];
    // The release's whole text: complete and unchanged, not a cut copy.
    expect(verdict([...column, '###', ...notes], column)).toEqual(['original', []]);
    // Without the mark, the same notes are the original's last paragraphs, and the copy lacks them.
    expect(verdict([...column, ...notes], column)).toEqual(['repost', ['missing-paragraphs']]);
    expect(verdict([...column, '###', ...notes], [...column.slice(0, -3), ...notes])).toEqual([
      'repost',
      ['missing-paragraphs'],
    ]);
  });

  it('does not accept a match that rests on the boilerplate tail two releases share', () => {
    const tail = ['about Kazakh Energy Holdings', ...ABOUT];
    const releases = buildCorpusIndex([{ ...seed, text: [...column.slice(0, 3), ...tail].join('\n\n') }]);
    const otherRelease = [column[5]!.split('. ')[0]!, ...tail];
    const alignment = alignWithOriginal(releases, 0, fingerprints(otherRelease));
    expect(alignment.pairs.length).toBeGreaterThanOrEqual(MIN_ALIGNED_PARAGRAPHS);
    expect(shareOf(tail, otherRelease)).toBeGreaterThanOrEqual(MIN_PAGE_SHARE);
    expect(acceptCandidate(compare(releases, 0, checked(otherRelease)))).toBeNull();
    // The same page with the release's own prose is accepted.
    const withProse = [...column.slice(0, 3), ...tail];
    expect(acceptCandidate(compare(releases, 0, checked(withProse)))).not.toBeNull();
  });

  it('keeps the accepted candidate covering most of the page, whatever the order of candidates', () => {
    for (const candidates of [
      [BROWN, SEED],
      [SEED, BROWN],
    ]) {
      expect(bestOf(candidates, checked(column))).toBe(SEED);
      expect(bestOf(candidates, checked(brown.paragraphs))).toBe(BROWN);
    }
    expect(bestOf([SEED, BROWN], checked(notInCorpus))).toBeUndefined();
  });

  it(`takes a page dated ${MIN_DAYS_EARLIER} days or more before the original for no copy of it; a day’s slack, no date or a vague one change nothing`, () => {
    // The column was published on 2022-01-06; the page is a copy cut after its sixth paragraph.
    expect(seed.published).toBe('2022-01-06');
    const cut = column.slice(0, 6);
    const best = (published?: string) => bestOf([SEED, BROWN], pageUnderCheck(cut, fingerprints(cut), published));
    expect(best()).toBe(SEED);
    for (const later of ['2022-01-06', '2022-01-09T08:00:00Z', 'Mon, 10 Jan 2022 09:30:00 GMT'])
      expect(best(later)).toBe(SEED);
    // A day before, in a time zone west of the original's, or written without a time.
    for (const slack of ['2022-01-05', '2022-01-04T20:00:00-0500']) expect(best(slack)).toBe(SEED);
    // No date, an unreadable one, the epoch, or a year or a month alone (the page may be from its end).
    for (const unknown of ['', 'yesterday', '1970-01-01T00:00:00Z', '2021', '2021-12'])
      expect(best(unknown)).toBe(SEED);
    for (const earlier of ['2022-01-04', '2021-12-20T10:00:00+01:00', 'Tue, 28 Dec 2021 12:00:00 GMT']) {
      expect(best(earlier), earlier).toBeUndefined();
    }
  });
});
