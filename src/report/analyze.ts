import type { CorpusIndex, IndexedOriginal } from '../corpus/corpus-index';
import { classifyAdded, isTelling, type Classification, type Zone } from '../detect/boilerplate';
import { missingParagraphsFinding } from '../detect/missing';
import { detectTranslation } from '../detect/translation';
import type { Article } from '../extract/article';
import {
  countShared,
  distinctSorted,
  fingerprintParagraph,
  type ParagraphFingerprint,
} from '../fingerprint/fingerprint';
import { alignWithOriginal, type Alignment } from '../match/align';
import { retrieveCandidates } from '../match/retrieve';
import { COPY_WORDING, pairSimilarity } from '../match/similarity';
import type { AddedParagraph, Finding, MatchInfo, Report } from './report';

/** Running text below this many words is not an article (menus, search pages, stubs). */
export const MIN_ARTICLE_WORDS = 80;
/** Paragraphs shorter than this are headlines, captions or buttons, not running text. */
const PROSE_PARAGRAPH_WORDS = 12;
/** A repost is mostly the original's text: this share of the page's running text at least. */
export const MIN_PAGE_SHARE = 0.5;

/** The report with what the comparison views need to show it. */
export interface Analysis {
  readonly report: Report;
  readonly article: Article;
  /** The alignment with the matched original, when there is one. */
  readonly alignment: Alignment | null;
}

interface Verified {
  readonly alignment: Alignment;
  readonly share: number;
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
  const proseWords = fingerprints
    .filter((f) => f.wordCount >= PROSE_PARAGRAPH_WORDS)
    .reduce((sum, f) => sum + f.wordCount, 0);
  if (proseWords < MIN_ARTICLE_WORDS) {
    return {
      article,
      alignment: null,
      report: {
        verdict: 'not-an-article',
        match: null,
        findings: [],
        message: `This page does not look like an article: it has ${proseWords} words of running text.`,
      },
    };
  }

  let best: Verified | null = null;
  for (const candidate of retrieveCandidates(index, fingerprints)) {
    const verified = verify(index, candidate, fingerprints, proseWords);
    if (verified && (!best || verified.share > best.share)) best = verified;
  }
  if (!best) {
    return {
      article,
      alignment: null,
      report: {
        verdict: 'unrelated',
        match: null,
        findings: [],
        message: 'This page does not match any original in the corpus.',
      },
    };
  }
  return { article, alignment: best.alignment, report: judge(article, index, best.alignment, fingerprints) };
}

/** Accepts a candidate only when the page is mostly its text, in its order. */
function verify(
  index: CorpusIndex,
  candidate: number,
  fingerprints: readonly ParagraphFingerprint[],
  proseWords: number,
): Verified | null {
  const alignment = alignWithOriginal(index, candidate, fingerprints);
  const original = index.originals[candidate]!;
  if (alignment.pairs.length < Math.min(2, original.paragraphCount)) return null;
  const shared = [...alignment.pairs.map((p) => p.page), ...alignment.continuations].reduce(
    (sum, i) => sum + fingerprints[i]!.wordCount,
    0,
  );
  const share = shared / Math.max(proseWords, shared);
  return share >= MIN_PAGE_SHARE ? { alignment, share } : null;
}

function judge(
  article: Article,
  index: CorpusIndex,
  alignment: Alignment,
  fingerprints: readonly ParagraphFingerprint[],
): Report {
  const original = index.originals[alignment.originalIndex]!;
  const records = index.paragraphs.slice(original.firstParagraph, original.firstParagraph + original.paragraphCount);
  const match = matchInfo(index, original, alignment, fingerprints);

  if (sameSite(article.url, original.url)) {
    return { verdict: 'original', match, findings: [], message: originalMessage(original, true) };
  }
  const missing = missingParagraphsFinding(
    notElsewhereOnPage(alignment.missing, article, index, original),
    original,
    records,
  );
  const translation = detectTranslation(
    alignment.pairs,
    article.paragraphs,
    fingerprints.map((f) => f.wordCount),
    records,
  );
  const classified = classifiedAdditions(article, alignment, original);
  const added = classified.map(({ paragraph }) => paragraph);
  const telling = classified.some(({ classification }) => isTelling(classification));
  const findings: Finding[] = [];
  if (translation) findings.push(translation);
  if (missing) findings.push(missing);
  if (added.length > 0 && (telling || missing || translation)) {
    findings.push({
      kind: 'added-boilerplate',
      severity: classified.some(({ classification }) => classification.otherAuthor) ? 'high' : 'low',
      summary: `${added.length} paragraph${added.length === 1 ? '' : 's'} the original does not have: ${[...new Set(added.map((p) => p.category))].join(', ')}`,
      paragraphs: added,
    });
  }
  if (findings.length === 0) {
    return { verdict: 'original', match, findings, message: originalMessage(original, false) };
  }
  const what = findings.map((f) =>
    f.kind === 'missing-paragraphs'
      ? 'paragraphs cut'
      : f.kind === 'machine-translation'
        ? 'machine translated'
        : 'boilerplate added',
  );
  return {
    verdict: 'repost',
    match,
    findings,
    message: `This page is a repost of “${original.title}”${byWhom(original)}: ${what.join(', ')}.`,
  };
}

/**
 * Keeps the missing paragraphs that are nowhere on the page: not in a block that
 * extraction left out (an aside, a box with an unlucky class name). Calling a paragraph
 * cut when it is on the page would accuse the page wrongly.
 */
function notElsewhereOnPage(
  missing: readonly number[],
  article: Article,
  index: CorpusIndex,
  original: IndexedOriginal,
): number[] {
  const outside = article.outside?.filter((text) => /\p{L}/u.test(text)) ?? [];
  if (missing.length === 0 || outside.length === 0) return [...missing];
  const blocks = outside.map(fingerprintParagraph);
  return missing.filter(
    (j) =>
      !blocks.some((block) => {
        const sim = pairSimilarity(block, index, original.firstParagraph + j);
        return sim.kind !== 'none' || sim.wording >= COPY_WORDING;
      }),
  );
}

function byWhom(original: IndexedOriginal): string {
  const parts = [original.author, original.publisher].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function originalMessage(original: IndexedOriginal, sameSite: boolean): string {
  return sameSite
    ? `This is the original: “${original.title}”${byWhom(original)}.`
    : `This page carries the original text of “${original.title}”${byWhom(original)}, complete and unchanged.`;
}

/** The page's added paragraphs that are findings (not site chrome), with how they were classified. */
function classifiedAdditions(
  article: Article,
  alignment: Alignment,
  original: IndexedOriginal,
): { paragraph: AddedParagraph; classification: Extract<Classification, { kind: 'finding' }> }[] {
  const first = alignment.pairs[0]?.page ?? 0;
  const last = alignment.pairs.at(-1)?.page ?? article.paragraphs.length - 1;
  return alignment.added.flatMap((i) => {
    const zone: Zone = i < first ? 'before' : i > last ? 'after' : 'inside';
    const classification = classifyAdded(article.paragraphs[i]!, zone, original);
    if (classification?.kind !== 'finding') return [];
    const { category, note } = classification;
    return [{ paragraph: { text: article.paragraphs[i]!, category, ...(note ? { note } : {}) }, classification }];
  });
}

function matchInfo(
  index: CorpusIndex,
  original: IndexedOriginal,
  alignment: Alignment,
  fingerprints: readonly ParagraphFingerprint[],
): MatchInfo {
  const allPageTerms = new Uint32Array(fingerprints.reduce((sum, f) => sum + f.terms.length, 0));
  fingerprints.reduce((at, f) => (allPageTerms.set(f.terms, at), at + f.terms.length), 0);
  const page = distinctSorted(allPageTerms);
  const start = index.termOffsets[original.firstParagraph]!;
  const end = index.termOffsets[original.firstParagraph + original.paragraphCount]!;
  const originalTerms = distinctSorted(index.terms.subarray(start, end));
  const shared = countShared(page, originalTerms);
  const similarity = shared / Math.max(1, page.length + originalTerms.length - shared);
  const found = alignment.pairs.length + alignment.merged.length;
  const { firstParagraph: _f, paragraphCount, ...meta } = original;
  return {
    ...meta,
    similarity: round(similarity),
    coverage: round(found / paragraphCount),
  };
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

const host = (url: string): string => {
  try {
    return new URL(url).hostname.replace(/^(?:www|amp|m)\./, '');
  } catch {
    return '';
  }
};

/** The page is on the original's own site (its article, an AMP or mobile copy). */
function sameSite(pageUrl: string, originalUrl: string): boolean {
  const page = host(pageUrl);
  return page !== '' && page === host(originalUrl);
}

const VERDICT_RANK: Record<Report['verdict'], number> = { repost: 2, original: 2, unrelated: 1, 'not-an-article': 0 };

/**
 * Checks a page against several corpora (the bundled one and the user's own) and keeps
 * the answer that found an original, the one covering more of it if both did.
 */
export function analyzeAgainst(article: Article, indexes: readonly CorpusIndex[]): Analysis {
  const fingerprints = fingerprintArticle(article);
  let best: Analysis | null = null;
  for (const index of indexes) {
    const analysis = analyzeArticle(article, index, fingerprints);
    const rank = (a: Analysis): number => VERDICT_RANK[a.report.verdict] * 10 + (a.report.match?.coverage ?? 0);
    if (!best || rank(analysis) > rank(best)) best = analysis;
  }
  if (!best) throw new Error('no corpus to check against');
  return best;
}
