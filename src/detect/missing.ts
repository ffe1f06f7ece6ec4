import type { IndexedOriginal, KeptParagraph } from '../corpus/corpus-index';
import type { Article } from '../extract/article';
import type { Comparison } from '../match/compare';
import { inEnglish } from '../i18n/english';
import type { Finding, MissingParagraph } from '../report/report';
import { missingSaid } from '../report/wording';
import { tidyWhitespace } from '../text/normalize';
import { notElsewhereOnPage } from './elsewhere';

export type MissingFinding = Extract<Finding, { kind: 'missing-paragraphs' }>;

// Text fragments (#:~:text=start,end) must percent-encode the characters their syntax uses.
const encodeFragment = (text: string): string =>
  encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');

/** A link that opens the original scrolled to and highlighting one paragraph. */
export function paragraphLink(url: string, record: KeptParagraph): string | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  const start = tidyWhitespace(record.snippet.replace(/…$/, '')).split(' ').slice(0, 5).join(' ');
  if (!start) return undefined;
  const fragment =
    record.snippet.endsWith('…') || record.tail !== start.split(' ').slice(-5).join(' ')
      ? `${encodeFragment(start)},${encodeFragment(record.tail)}`
      : encodeFragment(start);
  return `${url.replace(/#.*$/, '')}#:~:text=${fragment}`;
}

export function missingParagraphsFinding(
  missing: readonly number[],
  original: IndexedOriginal,
  records: readonly KeptParagraph[],
): MissingFinding | null {
  if (missing.length === 0) return null;
  const total = original.paragraphCount;
  const paragraphs: MissingParagraph[] = missing.map((index) => {
    const record = records[index]!;
    const link = paragraphLink(original.url, record);
    return { index, text: record.text ?? record.snippet, ...(link ? { link } : {}) };
  });
  const said = missingSaid(missing, total);
  return {
    kind: 'missing-paragraphs',
    severity: missing.length / total >= 0.25 ? 'high' : 'medium',
    summary: inEnglish(said),
    said,
    paragraphs,
  };
}

/**
 * The paragraphs a page cut: the original's paragraphs the alignment found no place for
 * and that are nowhere else in the page's text either (outside the article included).
 */
export function detectMissing(article: Article, comparison: Comparison): MissingFinding | null {
  const { index, original, records, alignment, ownProse } = comparison;
  // A moved paragraph is on the page, elsewhere (a restructured rewrite).
  const moved = new Set(alignment.moved.map((p) => p.original));
  const cut = notElsewhereOnPage(
    alignment.missing.filter((j) => !moved.has(j)),
    [...article.paragraphs, ...(article.outside ?? [])],
    index,
    original,
  );
  // Lines that are not prose (a caption, a dateline, a credit, a list item) never make a cut on their own,
  // nor does a press release's corporate tail ("About Acme…"): the original's own prose must be cut.
  const cutProse = cut.some((j) => ownProse.has(j));
  return cutProse ? missingParagraphsFinding(cut, original, records) : null;
}
