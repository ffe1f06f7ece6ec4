// The reworded finding of a rewritten page: how much of the page retells the original,
// and in what order, said for readers ("9 of the page's 12 paragraphs retell…").
import type { ParagraphFingerprint } from '../fingerprint/fingerprint';
import type { Retelling } from '../match/retelling';
import { PROSE_PARAGRAPH_WORDS } from '../match/page';
import type { Finding } from '../report/report';
import { plural } from '../text/plural';

type RewordedFinding = Extract<Finding, { kind: 'reworded' }>;

export function retoldFinding(
  reworded: RewordedFinding,
  retelling: Retelling,
  fingerprints: readonly ParagraphFingerprint[],
): RewordedFinding {
  const prose = fingerprints.filter((f) => f.wordCount >= PROSE_PARAGRAPH_WORDS).length;
  const retold = retelling.inOrder.length + retelling.moved.length;
  const moved = retelling.moved.length;
  const order = moved === 0 ? 'in its order' : `${plural(moved, 'paragraph')} moved out of its order`;
  return {
    ...reworded,
    severity: 'medium',
    summary: `${retold} of the page's ${plural(prose, 'paragraph')} of running text retell the original's paragraphs in other words, ${order}`,
    retold: { paragraphs: retold, of: prose, moved },
  };
}
