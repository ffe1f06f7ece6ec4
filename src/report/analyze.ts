// The pipeline (docs/architecture.md): fingerprint the article, retrieve candidate
// originals, accept the one the page really copies, run the detectors on its alignment,
// and judge. Each stage's rules live in its own module.
import type { CorpusIndex } from '../corpus/corpus-index';
import { CorpusError } from '../corpus/records';
import { addedBoilerplateFinding, classifiedAdditions } from '../detect/added';
import { detectMissing } from '../detect/missing';
import { detectTranslation, type TranslationFinding } from '../detect/translation';
import type { Article } from '../extract/article';
import { fingerprintParagraph, type ParagraphFingerprint } from '../fingerprint/fingerprint';
import { acceptBest, pageUnderCheck } from '../match/accept';
import type { Alignment } from '../match/align';
import { retrieveCandidates } from '../match/retrieve';
import { matchInfo } from './match-info';
import type { Finding, Report } from './report';
import {
  judge,
  notAnArticleReport,
  onOriginalSite,
  originalSiteReport,
  tooLargeReport,
  unrelatedReport,
} from './verdict';

/** Running text below this many words is not an article (menus, search pages, stubs). */
export const MIN_ARTICLE_WORDS = 80;

/** The report with what the comparison views need to show it. */
export interface Analysis {
  readonly report: Report;
  readonly article: Article;
  /** The alignment with the matched original, when there is one. */
  readonly alignment: Alignment | null;
}

/** Fingerprints of an article's paragraphs, in order. */
export function fingerprintArticle(article: Article): ParagraphFingerprint[] {
  return article.paragraphs.map(fingerprintParagraph);
}

export function analyzeArticle(
  article: Article,
  index: CorpusIndex,
  fingerprints: readonly ParagraphFingerprint[] = fingerprintArticle(article),
): Analysis {
  if (article.tooLarge) return { article, alignment: null, report: tooLargeReport(article.tooLarge) };
  const page = pageUnderCheck(article.paragraphs, fingerprints, article.metadata?.datePublished);
  if (page.proseWords < MIN_ARTICLE_WORDS) {
    return { article, alignment: null, report: notAnArticleReport(page.proseWords) };
  }

  // Acceptance asks for translation tells on some candidates, the findings on the accepted
  // one: each alignment is looked at once.
  const wordCounts = fingerprints.map((f) => f.wordCount);
  const translations = new Map<Alignment, TranslationFinding | null>();
  const translationOf = (alignment: Alignment): TranslationFinding | null => {
    if (!translations.has(alignment)) {
      const records = index.recordsOf(alignment.originalIndex);
      translations.set(alignment, detectTranslation(alignment.pairs, article.paragraphs, wordCounts, records));
    }
    return translations.get(alignment)!;
  };
  const machineTranslated = (alignment: Alignment): boolean => translationOf(alignment)?.kind === 'machine-translation';
  const candidates = retrieveCandidates(index, fingerprints);
  const best = acceptBest(index, candidates, page, machineTranslated);
  if (!best) return { article, alignment: null, report: unrelatedReport() };
  const { alignment } = best;
  const original = index.originalOf(alignment.originalIndex);
  const match = matchInfo(index, alignment, fingerprints);
  const report = onOriginalSite(article.url, original.url)
    ? originalSiteReport(original, match)
    : judge(original, match, detectFindings(article, index, alignment, translationOf(alignment)));
  return { article, alignment, report };
}

/** What the page did to the original's text, in report order: translation, cuts, additions. */
function detectFindings(
  article: Article,
  index: CorpusIndex,
  alignment: Alignment,
  translation: TranslationFinding | null,
): Finding[] {
  const original = index.originalOf(alignment.originalIndex);
  const records = index.recordsOf(alignment.originalIndex);
  const missing = detectMissing(article, alignment, index, records);
  const added = addedBoilerplateFinding(classifiedAdditions(article, alignment, original, records), {
    cut: missing !== null,
    machineTranslated: translation?.kind === 'machine-translation',
  });
  return [translation, missing, added].filter((f): f is NonNullable<typeof f> => f !== null);
}

const VERDICT_RANK: Record<Report['verdict'], number> = {
  repost: 2,
  original: 2,
  unrelated: 1,
  'not-an-article': 0,
  'too-large': 0,
};

/**
 * Checks a page against several corpora (the bundled one and the user's own) and keeps
 * the answer that found an original, the one covering more of it if both did. A corpus
 * found damaged on the way (a block that fails its checksum: storage went bad) is left
 * out of this page's answer and named to `onDamaged`, so the others still answer; when
 * every corpus is damaged, the first damage is the error.
 */
export function analyzeAgainst(
  article: Article,
  indexes: readonly CorpusIndex[],
  onDamaged?: (index: CorpusIndex, error: CorpusError) => void,
): Analysis {
  const fingerprints = fingerprintArticle(article);
  let best: Analysis | null = null;
  let damage: CorpusError | null = null;
  for (const index of indexes) {
    let analysis: Analysis;
    try {
      analysis = analyzeArticle(article, index, fingerprints);
    } catch (error) {
      if (!(error instanceof CorpusError)) throw error;
      damage ??= error;
      onDamaged?.(index, error);
      continue;
    }
    const rank = (a: Analysis): number => VERDICT_RANK[a.report.verdict] * 10 + (a.report.match?.coverage ?? 0);
    if (!best || rank(analysis) > rank(best)) best = analysis;
  }
  if (!best) throw damage ?? new Error('no corpus to check against');
  return best;
}
