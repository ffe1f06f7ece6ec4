import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, originalParagraphs } from '../../src/corpus/corpus-index';
import { parseCorpusJsonl, type OriginalRecord } from '../../src/corpus/records';
import { fingerprintParagraph, type ParagraphFingerprint } from '../../src/fingerprint/fingerprint';
import { acceptBest, MIN_ALIGNED_PARAGRAPHS } from '../../src/match/accept';
import { compare } from '../../src/match/compare';
import { pageUnderCheck, type PageUnderCheck } from '../../src/match/page';
import { CANDIDATES_VERIFIED, retrieveCandidates } from '../../src/match/retrieve';
import { MIN_MATCH_WORDS } from '../../src/match/similarity';
import { machineTranslations } from '../fixtures/translation/sets';
import { asOriginal, brownHalves } from '../support/brown';

// Retrieval (src/match/retrieve.ts) through its one export, on real originals: the first
// 300 of the bundled corpus's sources (corpus/originals.jsonl) with the seed original, and
// Brown articles with their Apertium round trips. Pages that are not in the corpus are
// Brown second halves.
const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'))[0]!;
const published = parseCorpusJsonl(readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8'))
  .filter((o) => o.id !== seed.id && originalParagraphs(o).length >= 4)
  .slice(0, 300);
const originals: OriginalRecord[] = [seed, ...published];
const index = buildCorpusIndex(originals);
const SEED = 0;
const { first, second } = brownHalves();
const unrelated = second.slice(0, 40).flatMap((t) => t.paragraphs);

const fingerprints = (page: readonly string[]): ParagraphFingerprint[] => page.map(fingerprintParagraph);
const checked = (page: readonly string[]): PageUnderCheck => pageUnderCheck(page, fingerprints(page));
const retrieve = (page: readonly string[], limit?: number): number[] =>
  retrieveCandidates(index, fingerprints(page), limit);
const paragraphsOf = (i: number): string[] => originalParagraphs(originals[i]!);

describe('retrieving candidate originals', () => {
  it('ranks the original of a verbatim copy first', () => {
    for (let i = 0; i < originals.length; i += 15) expect(retrieve(paragraphsOf(i))[0], originals[i]!.id).toBe(i);
  });

  it('finds the original of a copy cut to its first half, or with every other paragraph left out', () => {
    for (let i = 0; i < originals.length; i += 15) {
      const paragraphs = paragraphsOf(i);
      expect(retrieve(paragraphs.slice(0, Math.ceil(paragraphs.length / 2))), originals[i]!.id).toContain(i);
      expect(retrieve(paragraphs.filter((_, k) => k % 2 === 0)), originals[i]!.id).toContain(i);
    }
  });

  it('finds the original of every machine translation (Apertium round trips through Spanish)', () => {
    const brownIndex = buildCorpusIndex(first.slice(0, 100).map(asOriginal));
    const translations = machineTranslations('eng-spa').filter((t) => first.slice(0, 100).some((b) => b.id === t.id));
    expect(translations.length).toBeGreaterThanOrEqual(20);
    const found = translations.filter((t) => {
      const original = first.findIndex((b) => b.id === t.id);
      return retrieveCandidates(brownIndex, fingerprints(t.paragraphs)).includes(original);
    });
    expect(found.length).toBe(translations.length);
  });

  it('may give an article that is not in the corpus candidates (recall first), which acceptance refuses', () => {
    const withCandidates = second.slice(0, 40).filter((t) => retrieve(t.paragraphs).length > 0);
    expect(withCandidates.length).toBeLessThan(40);
    for (const t of withCandidates) {
      const page = checked(t.paragraphs);
      expect(acceptBest(retrieve(t.paragraphs).map((c) => compare(index, c, page))), t.id).toBeNull();
    }
  });

  it(`does not query paragraphs shorter than ${MIN_MATCH_WORDS} words`, () => {
    const words = paragraphsOf(SEED).join(' ').split(' ');
    const fragments: string[] = [];
    for (let k = 0; k < words.length; k += MIN_MATCH_WORDS - 1) {
      fragments.push(words.slice(k, k + MIN_MATCH_WORDS - 1).join(' '));
    }
    expect(retrieve(fragments)).toEqual([]);
    // The same words in paragraphs of MIN_MATCH_WORDS words are found.
    const longer: string[] = [];
    for (let k = 0; k < words.length; k += MIN_MATCH_WORDS) longer.push(words.slice(k, k + MIN_MATCH_WORDS).join(' '));
    expect(retrieve(longer)).toContain(SEED);
  });

  it(`needs ${MIN_ALIGNED_PARAGRAPHS} shared paragraphs for an original of several: one is a quotation`, () => {
    const quoting = (n: number): string[] => [...unrelated.slice(0, 6), ...paragraphsOf(SEED).slice(1, 1 + n)];
    expect(retrieve(quoting(MIN_ALIGNED_PARAGRAPHS - 1))).not.toContain(SEED);
    expect(retrieve(quoting(MIN_ALIGNED_PARAGRAPHS))).toContain(SEED);
  });

  it('takes one shared paragraph for an original of one paragraph', () => {
    const paragraph = paragraphsOf(SEED)[3]!;
    const single = buildCorpusIndex([...originals.slice(1, 50), { ...seed, text: paragraph }]);
    const page = fingerprints([...unrelated.slice(0, 6), paragraph]);
    expect(retrieveCandidates(single, page)).toEqual([49]);
  });

  it(`ranks by the number of page paragraphs pointing at each original, at most ${CANDIDATES_VERIFIED}`, () => {
    // Seven originals contribute 2..8 paragraphs each: the most copied comes first.
    const sources = originals
      .map((_, i) => i)
      .filter((i) => i !== SEED && paragraphsOf(i).length >= 8)
      .slice(0, 7);
    expect(sources.length).toBe(7);
    const page = sources.flatMap((i, k) => paragraphsOf(i).slice(0, 2 + k));
    const byVotes = [...sources].reverse();
    expect(retrieve(page)).toEqual(byVotes.slice(0, CANDIDATES_VERIFIED));
    expect(retrieve(page, 2)).toEqual(byVotes.slice(0, 2));
  });
});
