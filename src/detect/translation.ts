// The translation finding: what a page's translation tells (match/translation-tells.ts)
// add up to, worded for readers with sentence pairs as evidence.
import type { KeptParagraph } from '../corpus/corpus-index';
import { SHINGLE_WORDS } from '../fingerprint/params';
import type { AlignedPair } from '../match/align';
import { inEnglish } from '../i18n/english';
import {
  closestSentence,
  SLIP_RATE,
  type Evidence,
  type PairText,
  type TranslationTells,
} from '../match/translation-tells';
import type { Finding, RewordedParagraph, Severity, TranslationEvidence } from '../report/report';
import { evidenceSaid, machineTranslationSaid, rewordedSaid, type EvidenceReason } from '../report/wording';
import { splitSentences } from '../text/sentences';
import { contentTerms, tokenize } from '../text/tokens';

const MAX_EVIDENCE = 6;

// The confidence shown with a machine-translation finding ("confidence 85%") is a score
// set by hand, not a measured probability: it grows with how much of an engine's evidence
// the page shows, so that readers can tell one tell from many. On the Apertium round trips
// (tests/fixtures/translation: 393 of 400 flagged) it runs from 0.70 to 0.99, median 0.85;
// none of the human translations is flagged, so there is no share of false calls to set
// it against.

/**
 * Where every finding starts: one kind of tell is enough to report (each tell's own
 * threshold keeps human translations under it), but little more than even odds.
 */
const CONFIDENCE_BASE = 0.55;
/**
 * Added for each kind of tell found (slips, untranslated marks, respelled names,
 * spelled-out contractions): each is evidence of its own.
 */
const PER_KIND_OF_TELL = 0.1;
/** Added per slip per 100 words above SLIP_RATE: a rate far above what human editing reaches is an engine's, */
const PER_SLIP_ABOVE_RATE = 0.05;
/** up to this much (three slips per 100 words above it), so that slips alone never make a certainty. */
const MAX_SLIP_RATE_PART = 0.15;
/** Times the share of the paired text that is reworded: an engine rewords throughout, a lightly edited copy does not. */
const PER_REWORDED_SHARE = 0.1;
/** Never certain: names and contractions can change by hand too. */
const MAX_CONFIDENCE = 0.99;
/** High severity from here: two kinds of tells, or one on a text reworded throughout. */
const HIGH_CONFIDENCE = 0.75;

export type TranslationFinding = Extract<Finding, { kind: 'machine-translation' | 'reworded' }>;

/** The finding the tells make: machine translation, rewording, or none. */
export function translationFinding(tells: TranslationTells | null): TranslationFinding | null {
  if (tells?.kind === 'machine-translation') return machineTranslation(tells);
  if (tells?.kind === 'reworded') return rewordedFinding(tells.reworded, tells.texts.length, tells.rewordedShare);
  return null;
}

function machineTranslation(tells: TranslationTells): TranslationFinding {
  const kinds = [
    tells.slipping,
    tells.marks.length > 0,
    tells.respelled.length > 0,
    tells.contractions !== null,
  ].filter(Boolean).length;
  const confidence = Math.min(
    MAX_CONFIDENCE,
    CONFIDENCE_BASE +
      PER_KIND_OF_TELL * kinds +
      Math.min(MAX_SLIP_RATE_PART, PER_SLIP_ABOVE_RATE * Math.max(0, tells.slipRate - SLIP_RATE)) +
      PER_REWORDED_SHARE * Math.min(1, tells.rewordedShare),
  );
  const evidence: TranslationEvidence[] = [
    ...tells.marks.slice(0, 2),
    ...tells.respelled.slice(0, 2),
    ...(tells.contractions ? [tells.contractions] : []),
  ].map(worded);
  const bySlips = [...tells.slips.evidence].sort((a, b) => b.slips - a.slips);
  for (const e of bySlips.slice(0, Math.max(1, MAX_EVIDENCE - evidence.length))) evidence.push(worded(e));
  if (evidence.length === 0) evidence.push(...tells.texts.slice(0, 1).map(rewordedEvidence));
  const severity: Severity = confidence >= HIGH_CONFIDENCE ? 'high' : 'medium';
  const said = machineTranslationSaid({
    slips: tells.slipping ? { count: tells.slips.count, per100Words: tells.slipRate } : null,
    marked: tells.marks.length,
    respelled: tells.respelled.length,
    contractions: tells.contractions !== null,
  });
  return {
    kind: 'machine-translation',
    severity,
    confidence: Math.round(confidence * 100) / 100,
    summary: inEnglish(said),
    said,
    evidence,
  };
}

/** A pair of evidence as the report gives it: its reason as facts and in English. */
const worded = ({ page, original, reason }: Evidence | { page: string; original: string; reason: EvidenceReason }) => ({
  page,
  original,
  why: inEnglish(evidenceSaid(reason)),
  reason,
});

/**
 * The reworded finding for given pairs, whatever their share: a rewritten page's evidence
 * (the retelling rules decided the verdict; this shows the pairs).
 */
export function rewordedPairsFinding(
  pairs: readonly AlignedPair[],
  page: { readonly paragraphs: readonly string[]; readonly wordCounts: readonly number[] },
  originalParagraphs: readonly KeptParagraph[],
  share: number,
): RewordedFinding {
  const texts: PairText[] = pairs.map((pair) => ({
    pair,
    page: page.paragraphs[pair.page]!,
    words: page.wordCounts[pair.page]!,
    original: originalParagraphs[pair.original]!,
  }));
  return rewordedFinding(texts, pairs.length, share);
}

type RewordedFinding = Extract<Finding, { kind: 'reworded' }>;

function rewordedFinding(reworded: readonly PairText[], pairCount: number, share: number): RewordedFinding {
  const mostReworded = [...reworded].sort((a, b) => a.pair.similarity.wording - b.pair.similarity.wording);
  const paragraphs: RewordedParagraph[] = mostReworded
    .slice(0, MAX_EVIDENCE)
    .sort((a, b) => a.pair.original - b.pair.original)
    .map((t) => ({ index: t.pair.original, ...rewordedEvidence(t) }));
  const said = rewordedSaid(reworded.length, pairCount, share);
  return {
    kind: 'reworded',
    severity: 'low',
    summary: inEnglish(said),
    said,
    share: Math.round(share * 1000) / 1000,
    paragraphs,
  };
}

/** Content terms of a text: what a rewording keeps. */
const contentWords = (text: string): string[] => contentTerms(tokenize(text));

/** The word shingles of a text, as the wording signature takes them (SHINGLE_WORDS words each), readable. */
function shingles(text: string): Set<string> {
  const tokens = tokenize(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i++) out.add(tokens.slice(i, i + SHINGLE_WORDS).join(' '));
  return out;
}

function rewordedEvidence(t: PairText): TranslationEvidence {
  const original = t.original.text
    ? closestSentence(splitSentences(t.original.text), t.original.snippet, contentWords)
    : t.original.snippet;
  const page = closestSentence(splitSentences(t.page), original, contentWords);
  const originalTerms = new Set(contentTerms(tokenize(original)));
  const pageTerms = new Set(contentTerms(tokenize(page)));
  const sharedTerms = [...pageTerms].filter((term) => originalTerms.has(term)).length;
  const originalPhrases = shingles(original);
  const sharedPhrases = [...shingles(page)].filter((s) => originalPhrases.has(s)).length;
  return worded({
    page,
    original,
    reason: {
      kind: 'reworded',
      keptTerms: sharedTerms,
      terms: originalTerms.size,
      keptPhrases: sharedPhrases,
      phrases: originalPhrases.size,
      phraseWords: SHINGLE_WORDS,
      paragraph: t.pair.original,
    },
  });
}
