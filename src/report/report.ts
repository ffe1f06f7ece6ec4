// The report: what the command line prints with --json and what the extension shows.
// Its shape is the contract in DESIGN.md; fields beyond it (summary, note, link, originalSource) are additive.
import type { BoilerplateCategory } from '../classify/boilerplate';
import type { OriginalMeta } from '../corpus/records';
import type { CreditHow } from '../credit/find-credits';
import type { Said } from '../i18n/translator';
import type { EvidenceReason } from './wording';

export type { Said, EvidenceReason };

export type Verdict = 'original' | 'rewritten' | 'repost' | 'unrelated' | 'not-an-article' | 'too-large';
export type Severity = 'high' | 'medium' | 'low';

export type { BoilerplateCategory };

/** The matched original: its metadata as the corpus gives it, and how much of it the page holds. */
export interface MatchInfo extends OriginalMeta {
  /** Jaccard similarity of the two texts' content terms, 0..1. */
  readonly similarity: number;
  /** Share of the original's paragraphs found on the page, 0..1. */
  readonly coverage: number;
}

export interface MissingParagraph {
  /** 0-based in the original. */
  readonly index: number;
  /** The paragraph's opening sentence (or its full text, for a corpus that keeps it). */
  readonly text: string;
  /** The original's address pointing at this paragraph (a text fragment), if it has one. */
  readonly link?: string;
}

export interface AddedParagraph {
  readonly text: string;
  readonly category: BoilerplateCategory;
  /** Why it was called so, for instance whose bio it is (English; `noteSaid` for other languages). */
  readonly note?: string;
  readonly noteSaid?: Said;
}

export interface TranslationEvidence {
  readonly page: string;
  readonly original: string;
  /** Why the pair is evidence, in English; `reason` says it as facts (src/report/wording.ts words them). */
  readonly why: string;
  readonly reason: EvidenceReason;
}

/** A paragraph the page says in other words: the original's index and a sentence pair. */
export interface RewordedParagraph extends TranslationEvidence {
  /** 0-based in the original. */
  readonly index: number;
}

export type Finding =
  | {
      readonly kind: 'missing-paragraphs';
      readonly severity: Severity;
      readonly summary: string;
      /** The summary to be said in the reader's language (`summary` is its English). */
      readonly said: Said;
      readonly paragraphs: readonly MissingParagraph[];
    }
  | {
      readonly kind: 'added-boilerplate';
      readonly severity: Severity;
      readonly summary: string;
      /** The summary to be said in the reader's language (`summary` is its English). */
      readonly said: Said;
      readonly paragraphs: readonly AddedParagraph[];
    }
  | {
      readonly kind: 'machine-translation';
      readonly severity: Severity;
      readonly summary: string;
      /** The summary to be said in the reader's language (`summary` is its English). */
      readonly said: Said;
      readonly confidence: number;
      readonly evidence: readonly TranslationEvidence[];
    }
  | {
      /** The text is said in other words throughout, without machine-translation tells: not a repost by itself. */
      readonly kind: 'reworded';
      readonly severity: Severity;
      readonly summary: string;
      /** The summary to be said in the reader's language (`summary` is its English). */
      readonly said: Said;
      /** Share of the aligned text (by page words) that is reworded, 0..1. */
      readonly share: number;
      /** The page's paragraphs of running text, and how many of them retell the original's. */
      readonly retold?: { readonly paragraphs: number; readonly of: number; readonly moved: number };
      readonly paragraphs: readonly RewordedParagraph[];
    };

export type FindingKind = Finding['kind'];

export interface Report {
  readonly verdict: Verdict;
  readonly match: MatchInfo | null;
  readonly findings: readonly Finding[];
  /** One sentence for people: why this verdict (English; `said` for the reader's language). */
  readonly message: string;
  readonly said: Said;
  /**
   * On an unmatched page: the language it is in, when not the corpus's (a BCP 47 code, or ""
   * when it reads as not English without saying which language it is).
   */
  readonly pageLanguage?: string;
  /** For `too-large`: which limit the page passed (markup, elements, depth, paragraphs, words), and by how much. */
  readonly tooLarge?: { readonly reason: string; readonly limit: number; readonly found: number };
  /**
   * Where the original compared with came from, when it was not found in a corpus. (Not
   * `source`: a batch's JSON lines already name the page's file so.)
   */
  readonly originalSource?: OriginalSource;
}

/**
 * The original's provenance: a corpus, one the reader gave (a file or an address), or the
 * source the page credits, fetched.
 */
export interface OriginalSource {
  readonly kind: 'corpus' | 'given' | 'credited';
  /** The address the original was read from (after same-site redirects). */
  readonly url?: string;
  /** When it was fetched, ISO 8601. */
  readonly fetchedAt?: string;
  /** For `credited`: how the page credits it. */
  readonly how?: CreditHow;
}
