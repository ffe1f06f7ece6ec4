// The verdict on a page: the report, with its sentence worded by wording.ts; and the
// English labels the command line prints for each kind of finding and added paragraph (the
// extension's pages take theirs from the catalogs).
import type { OriginalMeta } from '../corpus/records';
import type { TooLarge } from '../extract/article';
import { inEnglish } from '../i18n/english';
import type { BoilerplateCategory, Finding, FindingKind, MatchInfo, Report, Said } from './report';
import {
  notAnArticleSaid,
  originalCopySaid,
  originalHereSaid,
  otherLanguageSaid,
  ownWordsSaid,
  repostSaid,
  rewrittenSaid,
  tooLargeSaid,
  unrelatedSaid,
} from './wording';

/**
 * Each kind of finding's heading on the command line. A Record, so that a new kind of
 * finding cannot go unlabelled (its phrase in the verdict's sentence: wording.ts).
 */
export const FINDING_LABEL: Record<FindingKind, { readonly title: string }> = {
  'missing-paragraphs': { title: 'Paragraphs missing' },
  'added-boilerplate': { title: 'Added boilerplate' },
  'machine-translation': { title: 'Machine translated' },
  reworded: { title: 'Reworded throughout' },
};

/** What an added paragraph is, in words. */
export const CATEGORY_LABEL: Record<BoilerplateCategory, string> = {
  'author-bio': 'Author bio',
  'source-credit': 'Source credit',
  comments: 'Comments',
  promo: 'Promotion',
  other: 'Inserted text',
};

/** A report with its sentence: the words to say (`said`) and their English (`message`). */
const worded = (report: Omit<Report, 'message' | 'said'>, said: Said): Report => ({
  ...report,
  message: inEnglish(said),
  said,
});

/** A page over an extraction budget: never judged. */
export function tooLargeReport({ reason, limit, found }: TooLarge): Report {
  return worded(
    { verdict: 'too-large', match: null, findings: [], tooLarge: { reason, limit, found } },
    tooLargeSaid({ reason, limit }),
  );
}

export function notAnArticleReport(proseWords: number): Report {
  return worded({ verdict: 'not-an-article', match: null, findings: [] }, notAnArticleSaid(proseWords));
}

/** No original matches; a page in another language than the corpus's is told so. */
export function unrelatedReport(pageLanguage?: string): Report {
  if (pageLanguage === undefined) return worded({ verdict: 'unrelated', match: null, findings: [] }, unrelatedSaid());
  return worded({ verdict: 'unrelated', match: null, findings: [], pageLanguage }, otherLanguageSaid(pageLanguage));
}

const host = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^(?:www|amp|m)\./, '');
  } catch {
    return '';
  }
};

/** The page is on the original's own site (its article, an AMP or mobile copy). */
export function onOriginalSite(pageUrl: string, originalUrl: string): boolean {
  const page = host(pageUrl);
  return page !== '' && page === host(originalUrl);
}

/** The original's own page (or an AMP or mobile copy of it): no findings are looked for. */
export function originalSiteReport(original: OriginalMeta, match: MatchInfo): Report {
  return worded({ verdict: 'original', match, findings: [] }, originalHereSaid(original));
}

/**
 * The verdict on a page elsewhere that carries an original's text, from what the detectors
 * found. `rewritten`: the page retells the original in other words with its facts (the
 * check's retelling rules); cuts and additions are then told beside it, and only machine
 * translation makes it a repost.
 */
export function judge(
  original: OriginalMeta,
  match: MatchInfo,
  findings: readonly Finding[],
  rewritten = false,
): Report {
  const mt = findings.some((f) => f.kind === 'machine-translation');
  if (rewritten && !mt) {
    const retold = findings.find((f) => f.kind === 'reworded')?.retold;
    const others = findings.filter((f) => f.kind !== 'reworded').map((f) => f.kind);
    return worded({ verdict: 'rewritten', match, findings }, rewrittenSaid(original, retold, others));
  }
  // Rewording alone is not a repost: a newsroom rewriting a wire story in its own words does the same.
  if (findings.every((f) => f.kind === 'reworded')) {
    const said = findings.length > 0 ? ownWordsSaid(original) : originalCopySaid(original);
    return worded({ verdict: 'original', match, findings }, said);
  }
  return worded(
    { verdict: 'repost', match, findings },
    repostSaid(
      original,
      findings.map((f) => f.kind),
    ),
  );
}
