import type { AddedParagraph, Finding, Report } from '../report/report';
import { english, inEnglish } from '../i18n/english';
import { addedSaid } from '../report/wording';
import type { MessageKey, Translator } from '../i18n/translator';
import type { SkipReason, TabReport } from './protocol';

const SKIPPED_TITLE: Record<SkipReason, MessageKey> = {
  'too-large': 'badge_skipped_tooLarge',
  'not-an-article': 'badge_skipped_notAnArticle',
  'site-off': 'badge_skipped_siteOff',
};

export interface Badge {
  readonly text: string;
  readonly color: string;
  readonly title: string;
}

/**
 * The toolbar badge for a tab: nothing for pages that are not reposts of anything
 * known, a check mark for the original, "≈" for a page rewritten from one (in its own
 * colour: not the original's text, and not accused of a repost's faults), a warning mark
 * with the number of problems (credits are not problems: see `problemFindings`).
 */
export function badgeFor(report: TabReport | null, words: Translator = english): Badge {
  const none = { text: '', color: '#5f6368', title: words.t('extName') };
  if (!report) return none;
  switch (report.status) {
    case 'checking':
      return { text: '…', color: '#5f6368', title: words.t('badge_checking') };
    case 'skipped':
      return { ...none, title: words.t(SKIPPED_TITLE[report.reason]) };
    case 'failed':
      return { ...none, title: words.t('badge_failed', report.message) };
    case 'checked': {
      const { report: r } = report.analysis;
      const title = words.t('badge_verdict', r.said ?? r.message);
      if (r.verdict === 'repost') return { text: `!${problemFindings(r).length}`, color: '#c5221f', title };
      if (r.verdict === 'rewritten') return { text: '≈', color: '#7627bb', title };
      if (r.verdict === 'original') return { text: '✓', color: '#188038', title };
      // Said on the badge too: the reader should not take silence for "nothing found".
      if (r.verdict === 'too-large') return { text: '–', color: '#5f6368', title };
      return { ...none, title };
    }
  }
}

/** A credit names where the text comes from: information for the reader, never a fault. */
export const isCredit = (paragraph: AddedParagraph): boolean => paragraph.category === 'source-credit';

/**
 * The findings that are problems, as the badge counts them and the popup lists them: an
 * added-text finding keeps only its paragraphs that are not credits, and goes when none is
 * left. (Detection already never makes a repost of credits alone: src/detect/added.ts.)
 */
export function problemFindings(report: Pick<Report, 'findings'>): Finding[] {
  return report.findings.flatMap((finding): Finding[] => {
    if (finding.kind !== 'added-boilerplate') return [finding];
    const paragraphs = finding.paragraphs.filter((p) => !isCredit(p));
    if (paragraphs.length === finding.paragraphs.length) return [finding];
    if (paragraphs.length === 0) return [];
    // Its summary counts what it lists ("1 paragraph added: author bio"), credits apart.
    const said = addedSaid(
      paragraphs.length,
      paragraphs.map((p) => p.category),
    );
    return [{ ...finding, paragraphs, said, summary: inEnglish(said) }];
  });
}

/** The credits among the page's added paragraphs, shown apart as neutral information. */
export function creditParagraphs(report: Pick<Report, 'findings'>): AddedParagraph[] {
  return report.findings.flatMap((f) => (f.kind === 'added-boilerplate' ? f.paragraphs.filter(isCredit) : []));
}
