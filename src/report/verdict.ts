// The verdict on a page and the words it is given in: the report's one sentence, and
// the labels the popup and the command line show for each kind of finding.
import type { OriginalMeta } from '../corpus/records';
import type { TooLarge } from '../extract/article';
import { plural } from '../text/plural';
import type { BoilerplateCategory, Finding, FindingKind, MatchInfo, Report } from './report';

/**
 * Each kind of finding in words: `title` heads it (popup), `phrase` names it in the
 * verdict's sentence ("This page is a repost of …: paragraphs cut, boilerplate added.").
 * A Record, so that a new kind of finding cannot go unlabelled.
 */
export const FINDING_LABEL: Record<FindingKind, { readonly title: string; readonly phrase: string }> = {
  'missing-paragraphs': { title: 'Paragraphs missing', phrase: 'paragraphs cut' },
  'added-boilerplate': { title: 'Added boilerplate', phrase: 'boilerplate added' },
  'machine-translation': { title: 'Machine translated', phrase: 'machine translated' },
  reworded: { title: 'Reworded throughout', phrase: 'reworded throughout' },
};

/** What an added paragraph is, in words. */
export const CATEGORY_LABEL: Record<BoilerplateCategory, string> = {
  'author-bio': 'Author bio',
  'source-credit': 'Source credit',
  comments: 'Comments',
  promo: 'Promotion',
  other: 'Inserted text',
};

/** A page over an extraction budget: never judged. */
export function tooLargeReport({ reason, limit, found, message }: TooLarge): Report {
  return { verdict: 'too-large', match: null, findings: [], message, tooLarge: { reason, limit, found } };
}

export function notAnArticleReport(proseWords: number): Report {
  return {
    verdict: 'not-an-article',
    match: null,
    findings: [],
    message: `This page does not look like an article: it has ${proseWords} words of running text.`,
  };
}

export function unrelatedReport(): Report {
  return {
    verdict: 'unrelated',
    match: null,
    findings: [],
    message: 'This page does not match any original in the corpus.',
  };
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
  return { verdict: 'original', match, findings: [], message: originalMessage(original, true) };
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
    const others = findings.filter((f) => f.kind !== 'reworded').map((f) => FINDING_LABEL[f.kind].phrase);
    const howMuch = retold ? ` (${retold.paragraphs} of its ${plural(retold.of, 'paragraph')} retell it)` : '';
    return {
      verdict: 'rewritten',
      match,
      findings,
      message: `This page is rewritten from “${original.title}”${byWhom(original)}: it tells the same text in other words${howMuch}${others.length ? `; ${others.join(', ')}` : ''}.`,
    };
  }
  // Rewording alone is not a repost: a newsroom rewriting a wire story in its own words does the same.
  if (findings.every((f) => f.kind === 'reworded')) {
    const message =
      findings.length > 0
        ? `This page says what “${original.title}”${byWhom(original)} says in its own words throughout, with no sign of machine translation.`
        : originalMessage(original, false);
    return { verdict: 'original', match, findings, message };
  }
  const what = findings.map((f) => FINDING_LABEL[f.kind].phrase);
  return {
    verdict: 'repost',
    match,
    findings,
    message: `This page is a repost of “${original.title}”${byWhom(original)}: ${what.join(', ')}.`,
  };
}

function byWhom(original: OriginalMeta): string {
  const parts = [original.author, original.publisher].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function originalMessage(original: OriginalMeta, sameSite: boolean): string {
  return sameSite
    ? `This is the original: “${original.title}”${byWhom(original)}.`
    : `This page carries the original text of “${original.title}”${byWhom(original)}, complete and unchanged.`;
}
