// The tells of a translation, worked out when a page is compared with an original: what
// an engine leaves in a text (function words swapped inside sentences that keep the
// original's words, untranslated-word marks, names respelled, contractions spelled out)
// and how much of the text is said in other words. detect/translation.ts turns them into
// the report's finding.
import { distance } from 'fastest-levenshtein';
import type { KeptParagraph } from '../corpus/corpus-index';
import { foldTypography } from '../text/normalize';
import { splitSentences } from '../text/sentences';
import { countContractions, properNames } from '../text/snippets';
import { figureDigits, isFigure } from '../text/tokens';
import type { AlignedPair } from './align';

/** Share of the paired text (by page words) that must be reworded for a `reworded` finding. */
export const REWORDED_SHARE = 0.6;
/**
 * Function-word slips per 100 words of compared sentences, and how many at least, that
 * mark machine translation. Measured on the opening sentences of aligned paragraphs
 * (tests/unit/translation.test.ts): Apertium round trips of 200 articles slip a median
 * 2.8 (through Spanish) and 2.4 (through Esperanto) times per 100 words, and 197 of
 * each set 3 times or more; two independent human translations of the same Grimm tales
 * slip at most twice a tale, most not at all.
 */
export const SLIP_RATE = 0.8;
const MIN_SLIPS = 3;
/**
 * Sentences the slips must be spread over. An engine slips throughout; one list of names
 * written with and without "the" ("the Tulsa Police Department; the Bureau of …" against
 * "Tulsa, Oklahoma, Police Department; Bureau of …", in the next press release on a case)
 * makes three slips in one sentence, and two human translations of a short news story
 * slip in two by chance (WMT 2021, Russian to English, docs/research.md: 15 of 214 pages
 * flagged with two sentences, 9 with three; the Apertium round trips 196 and 193 of 200).
 */
const MIN_SLIPPING_SENTENCES = 3;
/** A sentence pair this alike (share of the original's words kept in order) is one sentence translated. */
const DERIVED_SENTENCE = 0.6;
/**
 * Words of the original a translated sentence may carry over out of their order. An engine
 * keeps the sentence's order; a person rewording it moves a name to the front or a clause
 * to the end, and the function words around them are then theirs. A close paraphrase of
 * an HHS release (tests/fixtures/rewrites) made three slips in two sentences that moved 5
 * words or more; of the Apertium round trips' sentences with slips, 97% (through Spanish)
 * and 99.7% (through Esperanto) move at most 2.
 */
const MAX_MOVED_WORDS = 2;

/** A slip of a function word inside a sentence that keeps the original's other words (`before` null: at its end). */
export type Slip =
  | {
      readonly kind: 'dropped-article' | 'dropped-subject' | 'added-article';
      readonly word: string;
      readonly before: string | null;
    }
  | { readonly kind: 'swapped'; readonly was: string; readonly now: string };

/** Which tell a sentence pair shows, as facts (src/report/wording.ts words them). Paragraphs are 0-based in the original. */
export type TellReason =
  | { readonly kind: 'slips'; readonly slips: readonly Slip[]; readonly paragraph: number }
  | { readonly kind: 'marked'; readonly mark: string; readonly word: string; readonly paragraph: number }
  | { readonly kind: 'respelled'; readonly name: string; readonly spelled: string; readonly paragraph: number }
  | { readonly kind: 'contractions'; readonly inOriginal: number; readonly onPage: number };

/** A sentence pair shown as evidence, and why it is one (the report's TranslationEvidence). */
export interface Evidence {
  readonly page: string;
  readonly original: string;
  readonly reason: TellReason;
}

/** An aligned pair with its texts: the page's paragraph and what the index keeps of the original's. */
export interface PairText {
  readonly pair: AlignedPair;
  readonly page: string;
  readonly words: number;
  readonly original: KeptParagraph;
}

/** Function-word edits inside sentences that otherwise keep the original's words. */
export interface Slips {
  /** The slips counted: articles put in and dropped cancel out. */
  readonly count: number;
  /** Words of the original sentences compared. */
  readonly words: number;
  readonly evidence: readonly (Evidence & { readonly slips: number })[];
}

/** What a page aligned with an original shows of a translation, and what it adds up to. */
export interface TranslationTells {
  /** A machine translation (an engine's tells), a text reworded without them, or neither. */
  readonly kind: 'machine-translation' | 'reworded' | null;
  readonly texts: readonly PairText[];
  /** The pairs said in other words, and their share of the paired text (by page words). */
  readonly reworded: readonly PairText[];
  readonly rewordedShare: number;
  readonly slips: Slips;
  /** Slips per 100 words of the compared sentences. */
  readonly slipRate: number;
  /** Whether the slips are many, frequent and spread enough to be an engine's. */
  readonly slipping: boolean;
  readonly marks: readonly Evidence[];
  readonly respelled: readonly Evidence[];
  readonly contractions: Evidence | null;
}

/**
 * Machine translation is said only on evidence a translation engine leaves: function
 * words swapped, dropped or added inside sentences that keep the original's words
 * (articles, prepositions, "its" → "his", a dropped subject), untranslated-word marks,
 * and, together, names respelled and contractions spelled out. A text that says the
 * same in other words without those tells is `reworded`, which a newsroom rewriting a
 * wire story, or a second human translation, also is. Null with fewer than two pairs.
 */
export function translationTells(
  pairs: readonly AlignedPair[],
  pageParagraphs: readonly string[],
  pageWordCounts: readonly number[],
  originalParagraphs: readonly KeptParagraph[],
): TranslationTells | null {
  const texts: PairText[] = pairs.map((pair) => ({
    pair,
    page: pageParagraphs[pair.page]!,
    words: pageWordCounts[pair.page]!,
    original: originalParagraphs[pair.original]!,
  }));
  if (texts.length < 2) return null;
  const total = texts.reduce((sum, t) => sum + t.words, 0);
  const reworded = texts.filter((t) => t.pair.similarity.kind === 'reworded');
  const rewordedShare = total === 0 ? 0 : reworded.reduce((sum, t) => sum + t.words, 0) / total;

  const slips = functionWordSlips(texts);
  const marks = untranslatedMarks(texts);
  const respelled = texts.flatMap(respelledNames);
  const contractions = lostContractions(texts);
  const slipRate = slips.words === 0 ? 0 : (100 * slips.count) / slips.words;
  const slipping = slips.count >= MIN_SLIPS && slipRate >= SLIP_RATE && slips.evidence.length >= MIN_SLIPPING_SENTENCES;
  // Names respelled alone happen between human translations too ("Grethel", "Gretel"):
  // they count with spelled-out contractions on a reworded text, as a round trip gives.
  const namesAndContractions = respelled.length > 0 && contractions !== null && rewordedShare >= REWORDED_SHARE;
  const kind =
    marks.length > 0 || slipping || namesAndContractions
      ? 'machine-translation'
      : reworded.length >= 2 && rewordedShare >= REWORDED_SHARE
        ? 'reworded'
        : null;
  return { kind, texts, reworded, rewordedShare, slips, slipRate, slipping, marks, respelled, contractions };
}

// --- Function-word slips -------------------------------------------------------------

const ARTICLES = new Set(['a', 'an', 'the']);
const SUBJECTS = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it']);
const POSSESSIVES = new Set(['its', 'his', 'her', 'their']);
const RELATIVES = new Set(['what', 'which', 'that', 'who', 'whom', 'whose', 'where', 'when']);
const PREPOSITIONS = new Set(
  'of in on at to for from by with into upon about over under through between among since during'.split(' '),
);
const WORD = /[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*|\p{N}+(?:[.,]\p{N}+)*/gu;

/**
 * Why a one-word edit between two kept words is a translation engine's slip, or null.
 * These are the edits a round trip makes when the other language has no articles,
 * drops its subjects, or has one possessive for "its", "his" and "her".
 */
export function slipOf(removed: readonly string[], added: readonly string[], next: string | null): Slip | null {
  const [was] = removed;
  const [now] = added;
  if (removed.length === 1 && added.length === 0) {
    if (ARTICLES.has(was!)) return { kind: 'dropped-article', word: was!, before: next };
    if (SUBJECTS.has(was!)) return { kind: 'dropped-subject', word: was!, before: next };
  }
  if (removed.length === 0 && added.length === 1 && ARTICLES.has(now!)) {
    return { kind: 'added-article', word: now!, before: next };
  }
  if (removed.length === 1 && added.length === 1 && was !== now) {
    const swapped = [POSSESSIVES, RELATIVES, PREPOSITIONS].some((set) => set.has(was!) && set.has(now!));
    if (swapped) return { kind: 'swapped', was: was!, now: now! };
  }
  return null;
}

/** Lower-case words of a sentence, as written otherwise (no stemming: slips are in the forms). */
const wordsOf = (text: string): string[] => (foldTypography(text).match(WORD) ?? []).map((w) => w.toLowerCase());

/** Index pairs of a longest common subsequence of two word lists. */
export function commonWords(a: readonly string[], b: readonly string[]): [number, number][] {
  const width = b.length + 1;
  const table = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1]! + 1
          : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) out.push([i++, j++]);
    else if (table[(i + 1) * width + j]! >= table[i * width + j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * Whether the page sentence's words have every figure of the original's: an engine
 * carries figures over as they are, so a sentence whose figures changed ("nearly 1,900
 * defendants", "more than 1,500") was edited by a person, as the next release from a
 * template is, and its other edits are no translation's slips.
 */
function keepsFigures(original: readonly string[], page: readonly string[]): boolean {
  const onPage = new Set(page.filter(isFigure).map(figureDigits));
  return original.every((word) => !isFigure(word) || onPage.has(figureDigits(word)));
}

/**
 * The slips between an original sentence and its page counterpart: the one-word edits
 * between consecutive kept words. Only a sentence that keeps most of the original's
 * words in order, and moves hardly any, is one sentence translated; a sentence written
 * anew has no slips.
 */
export function sentenceSlips(original: string, page: string, clipped = false): Slip[] {
  const a = wordsOf(original);
  const b = wordsOf(page);
  // A clipped sentence may end inside a figure ("1,9…"): its last word is not compared.
  if (a.length === 0 || !keepsFigures(clipped ? a.slice(0, -1) : a, b)) return [];
  const kept = commonWords(a, b);
  if (kept.length < DERIVED_SENTENCE * a.length) return [];
  // A clipped opening sentence ("…") ends at its last kept word, not at the page's.
  const pageEnd = clipped ? kept.at(-1)![1] + 1 : b.length;
  if (movedWords(a, b.slice(0, pageEnd), kept) > MAX_MOVED_WORDS) return [];
  const slips: Slip[] = [];
  let [i0, j0] = [-1, -1];
  const ends: [number, number][] = clipped ? [] : [[a.length, b.length]];
  for (const [i, j] of [...kept, ...ends]) {
    const slip = slipOf(a.slice(i0 + 1, i), b.slice(j0 + 1, j), a[i] ?? null);
    if (slip) slips.push(slip);
    [i0, j0] = [i, j];
  }
  return slips;
}

/** Words of the original that the page has outside the kept sequence: carried over, out of order. */
function movedWords(a: readonly string[], b: readonly string[], kept: readonly [number, number][]): number {
  const keptA = new Set(kept.map(([i]) => i));
  const keptB = new Set(kept.map(([, j]) => j));
  const left = new Map<string, number>();
  b.forEach((word, j) => {
    if (!keptB.has(j)) left.set(word, (left.get(word) ?? 0) + 1);
  });
  let moved = 0;
  a.forEach((word, i) => {
    const n = left.get(word) ?? 0;
    if (keptA.has(i) || n === 0) return;
    moved++;
    left.set(word, n - 1);
  });
  return moved;
}

/**
 * Compares each pair's original opening sentence (what the index keeps; with a full-text
 * corpus too, as the thresholds were measured on it) with the page sentence sharing most words.
 */
function functionWordSlips(texts: readonly PairText[]): Slips {
  let others = 0;
  let articles = 0;
  let words = 0;
  const evidence: (Evidence & { slips: number })[] = [];
  for (const t of texts) {
    const sentence = t.original.snippet;
    const clipped = sentence.endsWith('…');
    const text = clipped ? sentence.slice(0, -1) : sentence;
    const page = closestSentence(splitSentences(t.page), text, wordsOf);
    const slips = sentenceSlips(text, page, clipped);
    for (const { kind } of slips) {
      if (kind === 'added-article') articles++;
      else if (kind === 'dropped-article') articles--;
      else others++;
    }
    words += wordsOf(text).length;
    if (slips.length === 0) continue;
    evidence.push({
      page,
      original: sentence,
      reason: { kind: 'slips', slips: slips.slice(0, 3), paragraph: t.pair.original },
      slips: slips.length,
    });
  }
  // Articles put in and dropped cancel out. An engine guesses them one way, from the
  // language it went through (through Spanish it puts them in, through Esperanto it drops
  // them: tests/fixtures/translation); a person writing or translating anew does both.
  return { count: others + Math.abs(articles), words, evidence };
}

/**
 * The sentence that shares most words with `target`, words as `words` reads them (the
 * forms as written for slips, content terms for rewording); the first among equals, ''
 * for none.
 */
export function closestSentence(
  sentences: readonly string[],
  target: string,
  words: (text: string) => readonly string[],
): string {
  const wanted = new Set(words(target));
  let best = '';
  let bestShared = -1;
  for (const sentence of sentences) {
    const shared = words(sentence).filter((w) => wanted.has(w)).length;
    if (shared > bestShared) [best, bestShared] = [sentence, shared];
  }
  return best;
}

// --- Other tells ---------------------------------------------------------------------

/** Apertium marks words it could not translate with * (unknown), # (no form) or @ (no transfer). */
const MARKED = /(?:^|\s)([*#@])([\p{L}][\p{L}'-]*)/gu;
/** Fewer marks than this could be a hashtag or a handle that happens to name the subject. */
const MIN_MARKS = 2;

/** An engine marks a word it does not know wherever it stands; a tag added to a copy leaves the word in the text. */
function standsUnmarked(page: string, mark: string, word: string): boolean {
  const bare = new RegExp(`(?<![\\p{L}*#@])${word.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}(?![\\p{L}])`, 'u');
  return bare.test(page.split(mark).join(' '));
}

/**
 * Words on the page carrying an engine's untranslated-word mark, where the bare word is
 * the original's own and stands nowhere unmarked (hashtags and handles are not counted).
 */
function untranslatedMarks(texts: readonly PairText[]): Evidence[] {
  const found: Evidence[] = [];
  for (const t of texts) {
    const originalText = `${t.original.text ?? t.original.snippet} ${t.original.names.join(' ')}`;
    for (const m of t.page.matchAll(MARKED)) {
      const [mark, word] = [`${m[1]}${m[2]}`, m[2]!];
      if (originalText.includes(mark) || !originalText.includes(word) || standsUnmarked(t.page, mark, word)) continue;
      const sentence = splitSentences(t.page).find((s) => s.includes(mark)) ?? t.page;
      found.push({
        page: sentence,
        original: t.original.snippet,
        reason: { kind: 'marked', mark, word, paragraph: t.pair.original },
      });
    }
  }
  return found.length >= MIN_MARKS ? found : [];
}

/** Names in the original paragraph that the page spells differently ("Erica" → "Erika"). */
function respelledNames(t: PairText): Evidence[] {
  const pageText = foldTypography(t.page);
  let pageWords: string[] | undefined; // the page's names, found only when needed
  const found: Evidence[] = [];
  for (const name of t.original.names) {
    for (const word of name.split(' ')) {
      if (word.length < 4 || pageText.includes(word)) continue;
      pageWords ??= [...new Set(properNames(t.page).flatMap((n) => n.split(' ')))];
      const variant = pageWords.find(
        (w) =>
          w.length >= 4 &&
          w[0] === word[0] &&
          !isInflection(w.toLowerCase(), word.toLowerCase()) &&
          distance(w.toLowerCase(), word.toLowerCase()) <= Math.min(2, Math.floor(word.length / 4)),
      );
      if (!variant) continue;
      const sentence = splitSentences(t.page).find((s) => s.includes(variant)) ?? t.page;
      found.push({
        page: sentence,
        original: t.original.snippet.includes(word) ? t.original.snippet : name,
        reason: { kind: 'respelled', name: word, spelled: variant, paragraph: t.pair.original },
      });
    }
  }
  return found;
}

/**
 * The same name with an English ending added or dropped ("Greens" and the "Green Party",
 * "Obamas"): the page's own grammar, not an engine's respelling.
 */
const isInflection = (a: string, b: string): boolean => {
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return long.startsWith(short) && /^(?:s|es|'s|’s)$/.test(long.slice(short.length));
};

const EXPANDED =
  /\b(?:can not|cannot|is not|are not|was not|were not|do not|does not|did not|will not|would not|could not|should not|has not|have not|had not|it is|that is|there is|he is|she is|we are|they are|you are)\b/i;

/** The original writes with contractions ("can't", "it's"); the page spells them all out. */
function lostContractions(texts: readonly PairText[]): Evidence | null {
  const inOriginal = texts.reduce((sum, t) => sum + t.original.contractions, 0);
  const onPage = texts.reduce((sum, t) => sum + countContractions(t.page), 0);
  if (inOriginal < 3 || onPage > inOriginal * 0.25) return null;
  // Best example: the original's quoted sentence itself has a contraction the page spells out.
  const example =
    texts.find((t) => countContractions(t.original.snippet) > 0 && EXPANDED.test(t.page)) ??
    texts.find((t) => t.original.contractions > 0 && EXPANDED.test(t.page)) ??
    texts.find((t) => t.original.contractions > 0);
  if (!example) return null;
  const page = splitSentences(example.page).find((s) => EXPANDED.test(s)) ?? splitSentences(example.page)[0] ?? '';
  return {
    page,
    original: example.original.snippet,
    reason: { kind: 'contractions', inOriginal, onPage },
  };
}
