import { normalizeText } from '../text/normalize';

/** Precision, recall and F1 of extracted words against the expected words. */
export interface WordScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

/** Normalised word tokens: the same folding the matcher uses, then runs of letters and digits. */
export function wordTokens(text: string): string[] {
  return normalizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * Bag-of-words F1: each word counts as often as it occurs, so text kept twice or
 * left out is scored, not only which words appear at all.
 */
export function wordF1(extracted: string, expected: string): WordScore {
  const want = new Map<string, number>();
  const expectedTokens = wordTokens(expected);
  for (const token of expectedTokens) want.set(token, (want.get(token) ?? 0) + 1);
  const got = wordTokens(extracted);
  let hits = 0;
  for (const token of got) {
    const left = want.get(token) ?? 0;
    if (left > 0) {
      hits += 1;
      want.set(token, left - 1);
    }
  }
  if (got.length === 0 && expectedTokens.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const precision = got.length ? hits / got.length : 0;
  const recall = expectedTokens.length ? hits / expectedTokens.length : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
