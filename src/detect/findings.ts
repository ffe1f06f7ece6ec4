// The detectors together: what a page did to the original it was accepted as a copy of.
import type { Article } from '../extract/article';
import type { Comparison } from '../match/compare';
import type { Finding } from '../report/report';
import { addedBoilerplateFinding, classifiedAdditions } from './added';
import { detectMissing } from './missing';
import { translationFinding } from './translation';

/** The findings on an accepted comparison, in report order: translation, cuts, additions. */
export function detectFindings(article: Article, comparison: Comparison): Finding[] {
  const translation = translationFinding(comparison.translation());
  const missing = detectMissing(article, comparison);
  const added = addedBoilerplateFinding(classifiedAdditions(comparison), {
    cut: missing !== null,
    machineTranslated: translation?.kind === 'machine-translation',
  });
  return [translation, missing, added].filter((f): f is NonNullable<typeof f> => f !== null);
}
