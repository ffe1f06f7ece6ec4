// The facts a retelling must keep to be called rewritten from an original (src/match/accept.ts,
// keepsFacts): its narration in other words, close enough in content, or with every figure kept.
import { describe, expect, it } from 'vitest';
import {
  keepsFacts,
  MAX_SWAPPED_SHARE,
  MIN_KEPT_FIGURES,
  MIN_RETOLD_CONTENT,
  MIN_RETOLD_CONTENT_WITH_FIGURES,
} from '../../src/match/accept';
import type { Retelling } from '../../src/match/retelling';

const retelling = (rewordedContent: number, figures: { kept: number; all: number }, swapped = 0): Retelling => ({
  inOrder: [],
  moved: [],
  reworded: [],
  retoldWords: 400,
  rewordedWords: 400,
  quotedWords: 0,
  rewordedContent,
  swappedWords: () => swapped,
  figures: () => figures,
});
const between = (MIN_RETOLD_CONTENT + MIN_RETOLD_CONTENT_WITH_FIGURES) / 2;

describe('keepsFacts', () => {
  it('takes a retelling as close in content as rewrites are, figures or none', () => {
    expect(keepsFacts(retelling(MIN_RETOLD_CONTENT, { kept: 0, all: 0 }))).toBe(true);
  });

  it(`takes a freer one when it gives ${MIN_KEPT_FIGURES} figures or more, all the original's`, () => {
    expect(keepsFacts(retelling(between, { kept: MIN_KEPT_FIGURES, all: MIN_KEPT_FIGURES }))).toBe(true);
    // One figure changed: the next release from a template, not a rewrite.
    expect(keepsFacts(retelling(between, { kept: MIN_KEPT_FIGURES, all: MIN_KEPT_FIGURES + 1 }))).toBe(false);
    // Too few figures to say.
    expect(keepsFacts(retelling(between, { kept: MIN_KEPT_FIGURES - 1, all: MIN_KEPT_FIGURES - 1 }))).toBe(false);
    expect(keepsFacts(retelling(MIN_RETOLD_CONTENT_WITH_FIGURES - 0.01, { kept: 9, all: 9 }))).toBe(false);
  });

  it('never takes one that swaps the names, whatever its figures', () => {
    const swapped = MAX_SWAPPED_SHARE * 400 + 1;
    expect(keepsFacts(retelling(MIN_RETOLD_CONTENT, { kept: 9, all: 9 }, swapped))).toBe(false);
  });
});
