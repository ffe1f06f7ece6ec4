// The pipeline, one way (docs/architecture.md): extract (the caller) → fingerprint →
// retrieve candidate originals → compare the page with each → accept the one it really
// copies → detect what it did to it → report. Each stage's rules live in its own module.
import type { CorpusIndex } from '../corpus/corpus-index';
import { CorpusError } from '../corpus/records';
import { detectFindings } from '../detect/findings';
import type { Article } from '../extract/article';
import { fingerprintParagraph, type ParagraphFingerprint } from '../fingerprint/fingerprint';
import { acceptBest, keepsFacts } from '../match/accept';
import type { Alignment } from '../match/align';
import { compare, type Comparison } from '../match/compare';
import { pageUnderCheck, type PageUnderCheck } from '../match/page';
import { CANDIDATES_VERIFIED, CANDIDATES_VERIFIED_FOR_RETELLINGS, retrieveCandidates } from '../match/retrieve';
import { nonEnglishLanguage } from '../text/language';
import { matchInfo } from '../report/match-info';
import type { MatchInfo, Report } from '../report/report';
import {
  judge,
  notAnArticleReport,
  onOriginalSite,
  originalSiteReport,
  tooLargeReport,
  unrelatedReport,
} from '../report/verdict';

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

  // Each candidate is compared once, as acceptance reaches it; the detectors read the
  // accepted one's comparison.
  const candidates = retrieveCandidates(index, fingerprints, CANDIDATES_VERIFIED_FOR_RETELLINGS);
  let best = acceptBest(comparisons(index, candidates.slice(0, CANDIDATES_VERIFIED), page));
  // A rewrite's own original may rank lower (retrieve.ts): only a page called rewritten pays for more.
  if (best && retellsWithFacts(best.comparison)) {
    best = acceptBest([best.comparison, ...comparisons(index, candidates.slice(CANDIDATES_VERIFIED), page)]);
  }
  if (!best) return { article, alignment: null, report: unrelatedReport(otherLanguage(article, fingerprints)) };
  const { alignment, original } = best.comparison;
  const match = matchInfo(index, alignment, fingerprints);
  const report = onOriginalSite(article.url, original.url)
    ? originalSiteReport(original, match)
    : judgeCopy(article, best.comparison, match);
  return { article, alignment, report };
}

/**
 * The verdict on a page elsewhere that carries an original: rewritten when it retells the
 * original in other words with its facts and no tells of a machine translation (the
 * retelling rules, match/accept.ts), otherwise from what the detectors found.
 */
function judgeCopy(article: Article, comparison: Comparison, match: MatchInfo): Report {
  const rewritten = retellsWithFacts(comparison);
  return judge(comparison.original, match, detectFindings(article, comparison, rewritten), rewritten);
}

/** Whether a page retells an original in other words with its facts, and shows no machine translator's tells. */
const retellsWithFacts = (comparison: Comparison): boolean =>
  comparison.translation()?.kind !== 'machine-translation' && keepsFacts(comparison.retelling());

/**
 * Distinct content terms per word above which a page may be in another language than
 * English: English prose is half function words, so it stays under (the Brown texts at most
 * 0.57); the real saved pages in other languages are at 0.59 and over. Under it the page is
 * taken as English without reading its words again: most pages are unmatched and English.
 */
const MIN_TERMS_PER_WORD_ELSEWHERE = 0.55;

/** The language of an unmatched page when it is not English (src/text/language.ts). */
function otherLanguage(article: Article, fingerprints: readonly ParagraphFingerprint[]): string | undefined {
  const words = fingerprints.reduce((n, f) => n + f.wordCount, 0);
  const terms = fingerprints.reduce((n, f) => n + f.termCount, 0);
  if (words === 0 || terms / words < MIN_TERMS_PER_WORD_ELSEWHERE) return undefined;
  return nonEnglishLanguage(article.paragraphs, article.metadata?.language);
}

function* comparisons(index: CorpusIndex, candidates: Iterable<number>, page: PageUnderCheck): Iterable<Comparison> {
  for (const candidate of candidates) yield compare(index, candidate, page);
}

const VERDICT_RANK: Record<Report['verdict'], number> = {
  repost: 2,
  rewritten: 2,
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
