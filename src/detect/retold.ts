// The reworded finding of a rewritten page: how much of the page retells the original,
// and in what order, said for readers ("9 of the page's 12 paragraphs retell…").
import type { ParagraphFingerprint } from '../fingerprint/fingerprint';
import type { Retelling } from '../match/retelling';
import { PROSE_PARAGRAPH_WORDS } from '../match/page';
import type { Finding } from '../report/report';
import { inEnglish } from '../i18n/english';
import { retoldSaid } from '../report/wording';

type RewordedFinding = Extract<Finding, { kind: 'reworded' }>;

export function retoldFinding(
  reworded: RewordedFinding,
  retelling: Retelling,
  fingerprints: readonly ParagraphFingerprint[],
): RewordedFinding {
  const prose = fingerprints.filter((f) => f.wordCount >= PROSE_PARAGRAPH_WORDS).length;
  const retold = retelling.inOrder.length + retelling.moved.length;
  const moved = retelling.moved.length;
  const said = retoldSaid(retold, prose, moved);
  return {
    ...reworded,
    severity: 'medium',
    summary: inEnglish(said),
    said,
    retold: { paragraphs: retold, of: prose, moved },
  };
}
