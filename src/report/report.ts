// The report: what the command line prints with --json and what the extension shows.
// Its shape is the contract in DESIGN.md; fields beyond it (summary, note, link, originalSource) are additive.
import type { CreditHow } from '../credit/find-credits';

export type Verdict = 'original' | 'repost' | 'unrelated' | 'not-an-article' | 'too-large';
export type Severity = 'high' | 'medium' | 'low';
export type BoilerplateCategory = 'author-bio' | 'source-credit' | 'comments' | 'promo' | 'other';

export interface MatchInfo {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly publisher: string;
  readonly url: string;
  readonly published: string;
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
  /** Why it was called so, for instance whose bio it is. */
  readonly note?: string;
}

export interface TranslationEvidence {
  readonly page: string;
  readonly original: string;
  readonly why: string;
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
      readonly paragraphs: readonly MissingParagraph[];
    }
  | {
      readonly kind: 'added-boilerplate';
      readonly severity: Severity;
      readonly summary: string;
      readonly paragraphs: readonly AddedParagraph[];
    }
  | {
      readonly kind: 'machine-translation';
      readonly severity: Severity;
      readonly summary: string;
      readonly confidence: number;
      readonly evidence: readonly TranslationEvidence[];
    }
  | {
      /** The text is said in other words throughout, without machine-translation tells: not a repost by itself. */
      readonly kind: 'reworded';
      readonly severity: Severity;
      readonly summary: string;
      /** Share of the aligned text (by page words) that is reworded, 0..1. */
      readonly share: number;
      readonly paragraphs: readonly RewordedParagraph[];
    };

export type FindingKind = Finding['kind'];

export interface Report {
  readonly verdict: Verdict;
  readonly match: MatchInfo | null;
  readonly findings: readonly Finding[];
  /** One sentence for people: why this verdict. */
  readonly message: string;
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
