// Every text the report gives a reader, as message keys and parameters (src/i18n): the
// verdict's sentence, each finding's summary, each piece of evidence's reason and each added
// paragraph's note. The detectors hand over what they found; this module words it. The
// report keeps both the `Said` (the extension's pages say it in the reader's language) and
// its English (the command line and the JSON contract's strings).
import type { OriginalMeta } from '../corpus/records';
import type { TooLargeReason } from '../extract/budget';
import type { MessageKey, Said } from '../i18n/translator';
import type { Slip, TellReason } from '../match/translation-tells';
import type { BoilerplateCategory, FindingKind } from './report';

export type { Slip };

/** Why a sentence pair is evidence: a tell of an engine, or a rewording. Paragraphs are 0-based. */
export type EvidenceReason =
  | TellReason
  | {
      readonly kind: 'reworded';
      readonly keptTerms: number;
      readonly terms: number;
      readonly keptPhrases: number;
      readonly phrases: number;
      readonly phraseWords: number;
      readonly paragraph: number;
    };

const say = (key: Said['key'], ...params: NonNullable<Said['params']>): Said => ({ key, params }) as Said;
const count = (key: string, n: number, ...params: NonNullable<Said['params']>): Said =>
  ({ key, count: n, params }) as Said;

// --- The verdict's sentence ------------------------------------------------------------

/** The original named: “Title” (author, publisher). */
export function work(original: OriginalMeta): Said {
  const by = [original.author, original.publisher].filter(Boolean).join(', ');
  return by ? say('report_work', original.title, by) : say('report_workUntitled', original.title);
}

export const notAnArticleSaid = (proseWords: number): Said => count('report_notArticle', proseWords);
export const unrelatedSaid = (): Said => say('report_unrelated');

/**
 * An unmatched page not in the corpus's language: saying so beats "no known original"
 * (`language` is a BCP 47 code when the page declares one, "" when it only reads as not English).
 */
export const otherLanguageSaid = (language: string): Said =>
  language ? say('report_otherLanguage', { language }) : say('report_notEnglish');

export const tooLargeSaid = ({ reason, limit }: { reason: TooLargeReason; limit: number }): Said =>
  say(`report_tooLarge_${reason}`, limit);

export const originalHereSaid = (original: OriginalMeta): Said => say('report_originalHere', work(original));
export const originalCopySaid = (original: OriginalMeta): Said => say('report_originalCopy', work(original));
export const ownWordsSaid = (original: OriginalMeta): Said => say('report_ownWords', work(original));

/** The short phrase for a finding inside the verdict's sentence ("paragraphs cut"). */
export const findingPhrase = (kind: FindingKind): Said => say(`report_phrase_${PHRASE_KEY[kind]}`);
const PHRASE_KEY = {
  'missing-paragraphs': 'missing',
  'added-boilerplate': 'added',
  'machine-translation': 'machineTranslated',
  reworded: 'reworded',
} as const satisfies Record<FindingKind, string>;

export const repostSaid = (original: OriginalMeta, kinds: readonly FindingKind[]): Said =>
  say('report_repost', work(original), kinds.map(findingPhrase));

/** A rewritten page: how much of it retells the original, and what else it did. */
export function rewrittenSaid(
  original: OriginalMeta,
  retold: { readonly paragraphs: number; readonly of: number } | undefined,
  others: readonly FindingKind[],
): Said {
  const first = retold
    ? count('report_rewrittenRetold', retold.of, work(original), retold.paragraphs)
    : say('report_rewritten', work(original));
  return others.length ? say('report_twoSentences', first, say('report_alsoFound', others.map(findingPhrase))) : first;
}

// --- Findings --------------------------------------------------------------------------

const paragraphNumbers = (indices: readonly number[]): Said[] =>
  indices.map((i) => say('report_paragraphNumber', i + 1));

export function missingSaid(missing: readonly number[], total: number): Said {
  const isTail = missing.every((index, k) => index === total - missing.length + k);
  return isTail
    ? count('report_missingTail', missing.length, total - missing.length, total)
    : count('report_missing', missing.length, total, paragraphNumbers(missing));
}

export const categorySaid = (category: BoilerplateCategory): Said => say(`report_category_${CATEGORY_KEY[category]}`);
const CATEGORY_KEY = {
  'author-bio': 'authorBio',
  'source-credit': 'sourceCredit',
  comments: 'comments',
  promo: 'promo',
  other: 'other',
} as const satisfies Record<BoilerplateCategory, string>;

export const addedSaid = (paragraphs: number, categories: readonly BoilerplateCategory[]): Said =>
  count('report_added', paragraphs, [...new Set(categories)].map(categorySaid));

/** What an added paragraph is, beyond its category: a picture's credit, someone's bio. */
export function addedNoteSaid(note: {
  readonly imageCredit?: boolean;
  readonly bioOf?: string;
  readonly originalAuthor?: string;
}): Said | undefined {
  if (note.imageCredit) return say('report_note_pictureCredit');
  if (note.bioOf && note.originalAuthor) return say('report_note_bioNotAuthor', note.bioOf, note.originalAuthor);
  if (note.bioOf) return say('report_note_bio', note.bioOf);
  return undefined;
}

/** The machine-translation finding's summary: which kinds of tells, and how many. */
export function machineTranslationSaid(tells: {
  readonly slips: { readonly count: number; readonly per100Words: number } | null;
  readonly marked: number;
  readonly respelled: number;
  readonly contractions: boolean;
}): Said {
  const parts: Said[] = [];
  if (tells.slips) {
    parts.push(count('report_tell_slips', tells.slips.count, Math.round(tells.slips.per100Words * 10) / 10));
  }
  if (tells.marked > 0) parts.push(count('report_tell_marked', tells.marked));
  if (tells.respelled > 0) parts.push(count('report_tell_respelled', tells.respelled));
  if (tells.contractions) parts.push(say('report_tell_contractions'));
  return say('report_machineTranslation', parts);
}

export const rewordedSaid = (reworded: number, pairs: number, share: number): Said =>
  count('report_reworded', pairs, reworded, { percent: share });

export function retoldSaid(retold: number, prose: number, moved: number): Said {
  const order = moved === 0 ? say('report_inOrder') : count('report_movedOutOfOrder', moved);
  return count('report_retold', prose, retold, order);
}

// --- Evidence --------------------------------------------------------------------------

/** Each slip of a word that was dropped or put in: its message, before a word or at the sentence's end. */
const SLIP_MESSAGE = {
  'dropped-article': { before: 'report_slip_droppedArticle', atEnd: 'report_slip_droppedArticleAtEnd' },
  'dropped-subject': { before: 'report_slip_droppedSubject', atEnd: 'report_slip_droppedSubjectAtEnd' },
  'added-article': { before: 'report_slip_addedArticle', atEnd: 'report_slip_addedArticleAtEnd' },
} as const satisfies Record<Exclude<Slip['kind'], 'swapped'>, { before: MessageKey; atEnd: MessageKey }>;

export function slipSaid(slip: Slip): Said {
  if (slip.kind === 'swapped') return say('report_slip_swapped', slip.was, slip.now);
  const { before, atEnd } = SLIP_MESSAGE[slip.kind];
  return slip.before === null ? say(atEnd, slip.word) : say(before, slip.word, slip.before);
}

export function evidenceSaid(reason: EvidenceReason): Said {
  switch (reason.kind) {
    case 'slips':
      return say('report_why_slips', reason.slips.map(slipSaid), reason.paragraph + 1);
    case 'marked':
      return say('report_why_marked', reason.mark, reason.word, reason.paragraph + 1);
    case 'respelled':
      return say('report_why_respelled', reason.name, reason.spelled, reason.paragraph + 1);
    case 'contractions':
      return say('report_why_contractions', reason.inOriginal, reason.onPage);
    case 'reworded':
      return say(
        'report_why_reworded',
        reason.keptTerms,
        reason.terms,
        reason.keptPhrases,
        reason.phrases,
        reason.phraseWords,
        reason.paragraph + 1,
      );
  }
}
