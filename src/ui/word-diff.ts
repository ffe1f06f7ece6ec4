// The changed words of a reworded pair, for the comparison page: a word-level diff
// (jsdiff) of the page's paragraph against the original's, as spans of plain text that
// the page renders as text, never as HTML.
import { diffWords } from 'diff';
import { splitSentences } from '../text/sentences';

/**
 * A run of text: `same` on both sides, `changed` (the page's own words on the page side,
 * the original's words the page replaced or left out on the original side), or
 * `uncompared` (page text with nothing of the original to compare it with).
 */
export interface DiffSpan {
  readonly text: string;
  readonly change: 'same' | 'changed' | 'uncompared';
}

export interface PairDiff {
  /** The page's paragraph, whole, in spans. */
  readonly page: readonly DiffSpan[];
  /** The original's text, whole, in spans. */
  readonly original: readonly DiffSpan[];
}

function diffSpans(page: string, original: string): PairDiff {
  const changes = diffWords(original, page);
  const side = (text: string, own: 'added' | 'removed', other: 'added' | 'removed'): DiffSpan[] => {
    const spans: DiffSpan[] = changes
      .filter((c) => !c[other])
      .map((c) => ({ text: c.value, change: c[own] ? 'changed' : 'same' }));
    // jsdiff keeps the whitespace between words but may drop a side's leading or trailing
    // whitespace (a shared word carries one side's): each side is given back whole.
    return spans.map((s) => s.text).join('') === text ? spans : wholeAgain(text, spans);
  };
  return { page: side(page, 'added', 'removed'), original: side(original, 'removed', 'added') };
}

/** The spans laid back over `text` word by word, so that they hold its own whitespace. */
function wholeAgain(text: string, spans: readonly DiffSpan[]): DiffSpan[] {
  const out: DiffSpan[] = [];
  let at = 0;
  for (const span of spans) {
    let start = -1;
    let end = at;
    for (const word of span.text.split(/\s+/).filter(Boolean)) {
      const found = text.indexOf(word, end);
      if (found < 0) return [{ text, change: 'uncompared' }];
      if (start < 0) start = found;
      end = found + word.length;
    }
    if (start < 0) continue;
    if (start > at) out.push({ text: text.slice(at, start), change: 'same' });
    out.push({ text: text.slice(start, end), change: span.change });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), change: 'same' });
  return out;
}

const sameWords = (diff: PairDiff): number =>
  diff.page.filter((s) => s.change === 'same').reduce((n, s) => n + (s.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0), 0);

/**
 * The changed words of a page paragraph and the original paragraph it rewords. When the
 * original is only its opening sentence (the bundled corpus keeps no more), that sentence
 * is compared with the page's sentence closest to it, and the rest of the page's paragraph
 * is left unmarked: marking it all as changed would accuse the page of words the corpus
 * cannot see.
 */
export function pairDiff(page: string, original: string, originalIsOpeningOnly: boolean): PairDiff {
  if (!originalIsOpeningOnly) return diffSpans(page, original);
  const sentences = splitSentences(page);
  let from = 0;
  let best: { start: number; end: number; diff: PairDiff } | null = null;
  for (const sentence of sentences) {
    const start = page.indexOf(sentence, from);
    if (start < 0) return diffSpans(page, original);
    from = start + sentence.length;
    const diff = diffSpans(sentence, original);
    if (!best || sameWords(diff) > sameWords(best.diff)) best = { start, end: from, diff };
  }
  if (!best) return diffSpans(page, original);
  const before = page.slice(0, best.start);
  const after = page.slice(best.end);
  return {
    page: [
      ...(before ? [{ text: before, change: 'uncompared' as const }] : []),
      ...best.diff.page,
      ...(after ? [{ text: after, change: 'uncompared' as const }] : []),
    ],
    original: best.diff.original,
  };
}
