// How sure a verdict or a finding is, in words for readers, and how close a page's wording
// is to its original's. The machine-translation score is set by hand in
// src/detect/translation.ts (0.55 for a finding, 0.1 for each kind of tell, up to 0.15 for
// slips far above a human's rate, 0.1 times the share of the text reworded; high severity
// from 0.75), not a measured probability: a percentage would read as one. So is a verdict's
// certainty: it names the strongest evidence the verdict rests on, as a level and a reason.
import type { MessageKey } from '../i18n/translator';
import type { Finding, Report } from '../report/report';

type MachineTranslation = Extract<Finding, { kind: 'machine-translation' }>;

export type Level = 'high' | 'medium' | 'low';

export interface ConfidenceInWords {
  readonly level: Level;
  /** What evidence that level stands for: a message saying it in one line. */
  readonly reason: MessageKey;
}

/** Under this, a finding rests on one kind of tell and little else (one kind alone scores 0.65). */
const LOW_BELOW = 0.7;

export function translationConfidence(finding: MachineTranslation): ConfidenceInWords {
  // The detector makes a finding high severity exactly where its score reaches its high mark.
  if (finding.severity === 'high') return { level: 'high', reason: 'popup_reason_mt_high' };
  if (finding.confidence >= LOW_BELOW) return { level: 'medium', reason: 'popup_reason_mt_medium' };
  return { level: 'low', reason: 'popup_reason_mt_low' };
}

const RANK: Record<Level, number> = { high: 2, medium: 1, low: 0 };

/** How sure one problem found on a repost makes its verdict; rewording alone makes none. */
function findingCertainty(finding: Finding): ConfidenceInWords | null {
  switch (finding.kind) {
    case 'machine-translation':
      return translationConfidence(finding);
    case 'missing-paragraphs':
      // High from a quarter of the original cut (src/detect/missing.ts).
      return { level: finding.severity === 'high' ? 'high' : 'medium', reason: 'popup_reason_cut' };
    case 'added-boilerplate':
      // High only for another author's bio put on the text (src/detect/added.ts).
      return finding.severity === 'high'
        ? { level: 'high', reason: 'popup_reason_passed_off' }
        : { level: 'low', reason: 'popup_reason_added' };
    case 'reworded':
      return null;
  }
}

/**
 * The verdict's certainty, or null where there is no verdict on the page (no original, not
 * an article). A repost is as sure as the strongest of its problems (any one makes it a
 * repost): `problems` are the report's findings without its credits, which never count.
 */
export function verdictCertainty(
  report: Report,
  problems: readonly Finding[],
  onOwnSite: boolean,
): ConfidenceInWords | null {
  switch (report.verdict) {
    case 'original':
      if (onOwnSite) return { level: 'high', reason: 'popup_reason_own_site' };
      return report.findings.some((f) => f.kind === 'reworded')
        ? { level: 'medium', reason: 'popup_reason_own_words' }
        : { level: 'high', reason: 'popup_reason_complete' };
    case 'rewritten':
      return { level: 'medium', reason: 'popup_reason_rewritten' };
    case 'repost': {
      let best: ConfidenceInWords | null = null;
      for (const finding of problems) {
        const said = findingCertainty(finding);
        if (said && (!best || RANK[said.level] > RANK[best.level])) best = said;
      }
      return best;
    }
    default:
      return null;
  }
}

/**
 * The texts' similarity (Jaccard over content terms, 0..1) in words. Measured on the seeds:
 * an unchanged copy scores near 1, seed 000's machine translation 0.34, a rewrite lower.
 */
export function wordingInWords(similarity: number): MessageKey {
  if (similarity >= 0.8) return 'popup_wording_same';
  if (similarity >= 0.5) return 'popup_wording_most';
  if (similarity >= 0.2) return 'popup_wording_some';
  return 'popup_wording_few';
}
