// The wording sample an index keeps of each original paragraph (src/fingerprint/wording.ts),
// on real paragraphs from the Brown corpus.
import { describe, expect, it } from 'vitest';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';
import { WORDING_SAMPLE_MAX } from '../../src/fingerprint/params';
import {
  MAX_SAMPLING_LEVEL,
  sampleAt,
  wordingJaccard,
  wordingOverlap,
  wordingSample,
} from '../../src/fingerprint/wording';
import { brownHalves } from '../support/brown';

const texts = brownHalves().first;
const press = texts.find((t) => t.genre === 'a')!;
const fiction = texts.find((t) => t.genre === 'n')!;
const shinglesOf = (text: string): Uint32Array => fingerprintParagraph(text).shingles;
/** A long paragraph (several of Brown's three-sentence ones): sampled sparsely. */
const long = press.paragraphs.slice(0, 4).join(' ');
const sentences = (text: string): string[] => text.match(/[^.!?]+[.!?]+["”’]?/g) ?? [text];

describe('wordingSample', () => {
  it('keeps a short paragraph whole, as the top 16 bits of each shingle', () => {
    const shingles = shinglesOf('The council met on Tuesday and voted to close the old bridge to traffic.');
    expect(shingles.length).toBeLessThanOrEqual(WORDING_SAMPLE_MAX);
    const sample = wordingSample(shingles);
    expect(sample.level).toBe(0);
    expect(sample.shingleCount).toBe(shingles.length);
    expect(Array.from(sample.values)).toEqual([...new Set(Array.from(shingles, (h) => h >>> 16))]);
  });

  it('samples a long paragraph at the lowest level that keeps at most the maximum', () => {
    const shingles = shinglesOf(long);
    expect(shingles.length).toBeGreaterThan(2 * WORDING_SAMPLE_MAX);
    const sample = wordingSample(shingles);
    expect(sample.level).toBeGreaterThan(0);
    expect(sample.level).toBeLessThanOrEqual(MAX_SAMPLING_LEVEL);
    expect(sample.values.length).toBeLessThanOrEqual(WORDING_SAMPLE_MAX);
    expect(sample.values.length).toBeGreaterThan(0);
    expect(sampleAt(shingles, sample.level - 1).length).toBeGreaterThan(WORDING_SAMPLE_MAX);
    expect(sample.shingleCount).toBe(shingles.length);
  });

  it('keeps each 16-bit value once: a whole text’s shingles share some', () => {
    const shingles = shinglesOf(press.paragraphs.join(' '));
    const values = Array.from(sampleAt(shingles, 0));
    expect(values.length).toBeLessThan(shingles.length);
    expect(values).toEqual([...new Set(Array.from(shingles, (h) => h >>> 16))]);
    values.slice(1).forEach((value, i) => expect(value).toBeGreaterThan(values[i]!));
  });

  it('keeps, at level L, exactly the shingles whose top L bits are zero, sorted and distinct', () => {
    const shingles = shinglesOf(long);
    for (const level of [1, 2, 3]) {
      const kept = Array.from(shingles)
        .filter((h) => h < 2 ** (32 - level))
        .map((h) => ((h << level) >>> 16) & 0xffff);
      const values = Array.from(sampleAt(shingles, level));
      expect(values).toEqual([...new Set(kept)]);
      expect(values).toEqual([...values].sort((a, b) => a - b));
    }
  });
});

describe('wordingOverlap and wordingJaccard', () => {
  const original = wordingSample(shinglesOf(long));

  it('score a copied paragraph exactly 1', () => {
    expect(wordingOverlap(shinglesOf(long), original)).toBe(1);
    expect(wordingJaccard(shinglesOf(long), original)).toBe(1);
  });

  it('score a cut-down part of the paragraph 1 on overlap, and a share on Jaccard', () => {
    const part = sentences(long).slice(0, 6).join(' ');
    expect(part.length).toBeLessThan(long.length * 0.8);
    expect(wordingOverlap(shinglesOf(part), original)).toBe(1);
    const jaccard = wordingJaccard(shinglesOf(part), original);
    expect(jaccard).toBeGreaterThan(0.2);
    expect(jaccard).toBeLessThan(0.9);
  });

  it('score a paragraph of another text near 0', () => {
    for (const other of fiction.paragraphs.slice(0, 10)) {
      expect(wordingOverlap(shinglesOf(other), original)).toBeLessThan(0.15);
      expect(wordingJaccard(shinglesOf(other), original)).toBeLessThan(0.1);
    }
  });

  it('score a reworded copy below a verbatim one', () => {
    const reworded = long
      .replace(/\bthe\b/g, 'this')
      .replace(/\band\b/g, 'as well as')
      .replace(/\bsaid\b/g, 'stated');
    const score = wordingOverlap(shinglesOf(reworded), original);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(0.9);
  });

  it('scale a short page paragraph by the original’s sampling rate', () => {
    // A single sentence of the long paragraph keeps few values at its level: the shared
    // count is scaled, and a sentence copied from the paragraph still scores high.
    const sentence = sentences(long).sort((a, b) => b.length - a.length)[0]!;
    expect(sampleAt(shinglesOf(sentence), original.level).length).toBeLessThan(8);
    const score = wordingOverlap(shinglesOf(sentence), original);
    expect(score).toBeGreaterThan(0.3);
    expect(score).toBeLessThanOrEqual(1);
    expect(wordingOverlap(shinglesOf(fiction.paragraphs[0]!.split('.')[0]!), original)).toBeLessThan(0.3);
  });

  it('do not call a short paragraph a copy for one shared phrase', () => {
    // Three words of the original (one shingle, kept in its sample) ending a sentence of
    // fiction whose own shingles are none of them sampled: the page paragraph's sample is
    // that one shared value. Divided by the sample, it would score 1.
    const words = long.split(' ');
    const phrase = words
      .map((_, i) => words.slice(i, i + 3).join(' '))
      .find((p) => {
        const kept = sampleAt(shinglesOf(p), original.level);
        return kept.length === 1 && original.values.includes(kept[0]!);
      })!;
    expect(phrase).toBeDefined();
    const page = texts
      .filter((t) => t.genre >= 'k')
      .flatMap((t) => t.paragraphs.flatMap(sentences))
      .filter((s) => s.split(' ').length >= 20 && s.split(' ').length <= 40)
      .map((s) => `${s.replace(/[.!?]+\W*$/, '')}, ${phrase}.`)
      .find((p) => sampleAt(shinglesOf(p), original.level).length === 1)!;
    expect(page).toBeDefined();
    const score = wordingOverlap(shinglesOf(page), original);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(0.5);
  });
});
