// The report's texts for people in the reader's language (src/report/wording.ts gives them
// as message keys). A report kept from an older version, or one whose message a catalog no
// longer has, shows the English it carries instead of failing.
import { evidenceSaid } from '../report/wording';
import type { AddedParagraph, Finding, Report, Said, TranslationEvidence } from '../report/report';
import { say } from './i18n';

function sayOr(said: Said | undefined, english: string): string {
  if (!said) return english;
  try {
    return say(said);
  } catch {
    return english;
  }
}

export const verdictText = (report: Pick<Report, 'said' | 'message'>): string => sayOr(report.said, report.message);
export const findingText = (finding: Finding): string => sayOr(finding.said, finding.summary);
export const evidenceText = (evidence: TranslationEvidence): string =>
  sayOr(evidence.reason && evidenceSaid(evidence.reason), evidence.why);
export const noteText = (paragraph: AddedParagraph): string | undefined =>
  paragraph.note === undefined ? undefined : sayOr(paragraph.noteSaid, paragraph.note);
