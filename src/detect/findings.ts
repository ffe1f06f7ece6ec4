// The detectors together: what a page did to the original it was accepted as a copy of.
import type { Article } from '../extract/article';
import type { Comparison } from '../match/compare';
import type { Finding } from '../report/report';
import { addedBoilerplateFinding, classifiedAdditions } from './added';
import { detectMissing } from './missing';
import { retoldFinding } from './retold';
import { rewordedPairsFinding, translationFinding } from './translation';

/**
 * The findings on an accepted comparison, in report order: translation (or, on a page
 * rewritten from the original, its retelling), cuts, additions.
 */
export function detectFindings(article: Article, comparison: Comparison, rewritten = false): Finding[] {
  const translation = rewritten ? retellingFinding(comparison) : translationFinding(comparison.translation());
  const missing = detectMissing(article, comparison);
  const added = addedBoilerplateFinding(classifiedAdditions(comparison), {
    cut: missing !== null,
    machineTranslated: translation?.kind === 'machine-translation',
    rewritten,
  });
  return [translation, missing, added].filter((f): f is NonNullable<typeof f> => f !== null);
}

/** A rewritten page's reworded finding: its pairs said in other words, and how much of the page retells the original. */
function retellingFinding(comparison: Comparison): Finding {
  const retelling = comparison.retelling();
  const { reworded, rewordedWords, retoldWords, quotedWords } = retelling;
  const { fingerprints, paragraphs } = comparison.page;
  const page = { paragraphs, wordCounts: fingerprints.map((f) => f.wordCount) };
  const share = rewordedWords / Math.max(1, retoldWords - quotedWords);
  return retoldFinding(rewordedPairsFinding(reworded, page, comparison.records, share), retelling, fingerprints);
}
