import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';
import { hashString } from '../../src/fingerprint/hash';
import { estimateJaccard, estimateOverlap, minhash, toStoredSignature } from '../../src/fingerprint/minhash';
import { brownTexts } from '../support/brown';

const require = createRequire(import.meta.url);
const { Minhash } = require('minhash') as {
  Minhash: new (o: { numPerm: number }) => { update(s: string): void; jaccard(o: unknown): number };
};

const words = (text: string): string[] => text.toLowerCase().split(/\W+/).filter(Boolean);
const exactJaccard = (a: Set<string>, b: Set<string>): number => {
  const shared = [...a].filter((x) => b.has(x)).length;
  return shared / (a.size + b.size - shared);
};

describe('signatures', () => {
  it('are the same on every machine and engine: pinned values', () => {
    // Integer arithmetic only (Math.imul, shifts): these bits cannot vary by platform.
    expect(hashString('kazakhstan')).toBe(hashString('kazakhstan'));
    const f = fingerprintParagraph('Even though the Kazakhstan government shut down that country’s Internet.');
    expect(Array.from(f.shingles.slice(0, 4))).toEqual(PINNED_SHINGLES);
    expect(Array.from(f.terms.slice(0, 4))).toEqual(PINNED_TERMS);
  });

  it('estimate Jaccard within sampling error, like the minhash package does', () => {
    const texts = brownTexts()
      .slice(0, 40)
      .map((t) => new Set(words(t.paragraphs.slice(0, 6).join(' '))));
    let ours = 0;
    let theirs = 0;
    let pairs = 0;
    for (let i = 0; i + 1 < texts.length; i += 2) {
      const [a, b] = [texts[i]!, texts[i + 1]!];
      const exact = exactJaccard(a, b);
      const sa = minhash([...a].map(hashString), 256);
      const sb = minhash([...b].map(hashString), 256);
      const pa = new Minhash({ numPerm: 256 });
      const pb = new Minhash({ numPerm: 256 });
      a.forEach((w) => pa.update(w));
      b.forEach((w) => pb.update(w));
      ours += Math.abs(estimateJaccard(sa, sb) - exact);
      theirs += Math.abs(pa.jaccard(pb) - exact);
      pairs++;
    }
    // Mean absolute error: 256 permutations give a standard error near 0.02.
    expect(ours / pairs).toBeLessThan(0.03);
    expect(ours / pairs).toBeLessThan(theirs / pairs + 0.01);
  });

  it('keep their estimate when stored as their low bits (b-bit MinHash)', () => {
    const all = minhash(
      [1, 2, 3, 4, 5, 6].map((n) => hashString(String(n))),
      64,
    );
    const half = minhash(
      [1, 2, 3].map((n) => hashString(String(n))),
      64,
    );
    expect(estimateJaccard(toStoredSignature(all), all)).toBe(1);
    expect(Math.abs(estimateJaccard(toStoredSignature(half), all) - estimateJaccard(half, all))).toBeLessThan(0.02);
  });

  it('turn Jaccard and set sizes into the share of the smaller set contained', () => {
    // |A|=10 inside |B|=40: J = 10/40 = 0.25, overlap = 1.
    expect(estimateOverlap(0.25, 10, 40)).toBeCloseTo(1);
    expect(estimateOverlap(0, 10, 40)).toBe(0);
  });
});

// Pinned from a run on x86-64 Node; a change here means every built index must be rebuilt
// (and FINGERPRINT_VERSION bumped).
const PINNED_SHINGLES = [435053221, 1441623060, 1489477247, 1816508954];
const PINNED_TERMS = [19311, 19764, 33543, 57360];
