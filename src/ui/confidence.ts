// The machine-translation finding's confidence, in words for readers. The number is a score
// set by hand in src/detect/translation.ts (0.55 for a finding, 0.1 for each kind of tell,
// up to 0.15 for slips far above a human's rate, 0.1 times the share of the text reworded;
// high severity from 0.75), not a measured probability: a percentage would read as one.
import type { Finding } from '../report/report';

type MachineTranslation = Extract<Finding, { kind: 'machine-translation' }>;

export interface ConfidenceInWords {
  readonly level: 'high' | 'medium' | 'low';
  /** What evidence that level stands for, in one line. */
  readonly reason: string;
}

/** Under this, a finding rests on one kind of tell and little else (one kind alone scores 0.65). */
const LOW_BELOW = 0.7;

export function translationConfidence(finding: MachineTranslation): ConfidenceInWords {
  // The detector makes a finding high severity exactly where its score reaches its high mark.
  if (finding.severity === 'high') {
    return { level: 'high', reason: 'several kinds of machine-translation tells, or one that runs through the text' };
  }
  if (finding.confidence >= LOW_BELOW) {
    return { level: 'medium', reason: 'one kind of machine-translation tell, with slips or rewording around it' };
  }
  return { level: 'low', reason: 'one kind of machine-translation tell, and little else' };
}
