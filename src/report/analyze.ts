import type { CorpusIndex, IndexedOriginal, ParagraphRecord } from '../corpus/corpus-index';
import { tokenize } from '../text/tokens';
import { classifyAdded, type Classification, type Zone } from '../detect/boilerplate';
import { notElsewhereOnPage } from '../detect/elsewhere';
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
import type { AddedParagraph, Finding, MatchInfo, Report } from './report';

/** Running text below this many words is not an article (menus, search pages, stubs). */
export const MIN_ARTICLE_WORDS = 80;
/** Paragraphs shorter than this are headlines, captions or buttons, not running text. */
const PROSE_PARAGRAPH_WORDS = 12;
/** A repost is mostly the original's text: this share of the page's running text at least. */
export const MIN_PAGE_SHARE = 0.5;
/** Fewer than three paragraphs of an original are a quotation unless they are this share of its prose. */
const MIN_QUOTED_SHARE = 0.3;

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
  if (article.tooLarge) {
    const { reason, limit, found, message } = article.tooLarge;
    return {
      article,
      alignment: null,
      report: { verdict: 'too-large', match: null, findings: [], message, tooLarge: { reason, limit, found } },
    };
  }
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

/**
 * Accepts a candidate only when the page is mostly its text, in its order, and the
 * match rests on the original's own running prose: lists, schedules, captions and the
 * corporate "About …" tail that two honest pages can share do not count.
 */
function verify(
  index: CorpusIndex,
  candidate: number,
  fingerprints: readonly ParagraphFingerprint[],
  proseWords: number,
): Verified | null {
  const alignment = alignWithOriginal(index, candidate, fingerprints);
  const ownProse = ownProseParagraphs(index, candidate);
  const prosePairs = alignment.pairs.filter(
    (p) => fingerprints[p.page]!.wordCount >= PROSE_PARAGRAPH_WORDS && ownProse.has(p.original),
  );
  if (prosePairs.length < Math.min(2, ownProse.size)) return null;
  // Two paragraphs of a long original are a quotation, not a copy of it.
  if (prosePairs.length < 3 && prosePairs.length < MIN_QUOTED_SHARE * ownProse.size) return null;
  const sharedIndices = [...prosePairs.map((p) => p.page), ...alignment.continuations];
  const shared = sharedIndices.reduce((sum, i) => sum + fingerprints[i]!.wordCount, 0);
  const share = shared / Math.max(proseWords, shared);
  return share >= MIN_PAGE_SHARE ? { alignment, share } : null;
}

/** A heading that opens a press release's boilerplate tail: "About Acme", "Media contact". */
const BOILERPLATE_TAIL =
  /^(?:about\s+(?:the\s+)?\p{Lu}|media\s+contacts?\b|press\s+contacts?\b|contacts?\s*:|###|-\s*30\s*-)/u;

/**
 * The original's paragraphs that are its own running prose: long enough to be prose,
 * and before a boilerplate tail ("About Acme Corp…", "Media contact"), which every
 * release of that company carries.
 */
function ownProseParagraphs(index: CorpusIndex, candidate: number): Set<number> {
  const { firstParagraph, paragraphCount } = index.originals[candidate]!;
  const records = index.recordsOf(candidate);
  const prose = new Set<number>();
  for (let j = 0; j < paragraphCount; j++) {
    // The tail starts at its heading; a first paragraph is never a tail.
    if (j > 0 && BOILERPLATE_TAIL.test(records[j]!.snippet)) break;
    if (index.wordCounts[firstParagraph + j]! >= PROSE_PARAGRAPH_WORDS) prose.add(j);
  }
  return prose;
}

function judge(
  article: Article,
  index: CorpusIndex,
  alignment: Alignment,
  fingerprints: readonly ParagraphFingerprint[],
): Report {
  const original = index.originals[alignment.originalIndex]!;
  const records = index.recordsOf(alignment.originalIndex);
  const match = matchInfo(index, original, alignment, fingerprints);

  if (sameSite(article.url, original.url)) {
    return { verdict: 'original', match, findings: [], message: originalMessage(original, true) };
  }
  const cut = notElsewhereOnPage(
    alignment.missing,
    [...article.paragraphs, ...(article.outside ?? [])],
    index,
    original,
  );
  // Lines that are not prose (a caption, a dateline, a credit, a list item) never make a cut on their own.
  const cutProse = cut.some((j) => index.wordCounts[original.firstParagraph + j]! >= PROSE_PARAGRAPH_WORDS);
  const missing = cutProse ? missingParagraphsFinding(cut, original, records) : null;
  const translation = detectTranslation(
    alignment.pairs,
    article.paragraphs,
    fingerprints.map((f) => f.wordCount),
    records,
  );
  const classified = classifiedAdditions(article, alignment, original, records);
  const added = classified.map(({ paragraph }) => paragraph);
  // A complete copy that credits its source is syndication, not a low-quality repost (MSN's
  // credited copies in the real-page test): on its own, only a bio of someone else, which
  // passes the text off as another's, accuses it. Credits are evidence beside cuts or translation.
  const passedOff = classified.some(({ classification }) => classification.otherAuthor === true);
  const findings: Finding[] = [];
  if (translation) findings.push(translation);
  if (missing) findings.push(missing);
  if (added.length > 0 && (passedOff || missing || translation?.kind === 'machine-translation')) {
    findings.push({
      kind: 'added-boilerplate',
      severity: classified.some(({ classification }) => classification.otherAuthor) ? 'high' : 'low',
      summary: `${added.length} paragraph${added.length === 1 ? '' : 's'} the original does not have: ${[...new Set(added.map((p) => p.category))].join(', ')}`,
      paragraphs: added,
    });
  }
  // Rewording alone is not a repost: a newsroom rewriting a wire story in its own words does the same.
  if (findings.every((f) => f.kind === 'reworded')) {
    const message = translation
      ? `This page says what “${original.title}”${byWhom(original)} says in its own words throughout, with no sign of machine translation.`
      : originalMessage(original, false);
    return { verdict: 'original', match, findings, message };
  }
  const what = findings.map((f) =>
    f.kind === 'missing-paragraphs'
      ? 'paragraphs cut'
      : f.kind === 'machine-translation'
        ? 'machine translated'
        : f.kind === 'reworded'
          ? 'reworded throughout'
          : 'boilerplate added',
  );
  return {
    verdict: 'repost',
    match,
    findings,
    message: `This page is a repost of “${original.title}”${byWhom(original)}: ${what.join(', ')}.`,
  };
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

/**
 * Whether a page paragraph is text the original itself carries (a photo credit, a
 * "SOURCE: …" line, a caption): such a line is never "added". What the index keeps of
 * each original paragraph (its text, or its opening sentence and last words) is
 * compared after normalisation.
 */
function carriedText(records: readonly ParagraphRecord[]): (text: string) => boolean {
  const known = records.map((r) => tokenize(r.text ?? `${r.snippet} ${r.tail}`).join(' '));
  return (text) => {
    const words = tokenize(text).join(' ');
    return words !== '' && known.some((k) => k === words || (words.length >= 12 && k.includes(words)));
  };
}

/** The page's added paragraphs that are findings (not site chrome), with how they were classified. */
function classifiedAdditions(
  article: Article,
  alignment: Alignment,
  original: IndexedOriginal,
  records: readonly ParagraphRecord[],
): { paragraph: AddedParagraph; classification: Extract<Classification, { kind: 'finding' }> }[] {
  const first = alignment.pairs[0]?.page ?? 0;
  const last = alignment.pairs.at(-1)?.page ?? article.paragraphs.length - 1;
  const carried = carriedText(records);
  return alignment.added.flatMap((i) => {
    if (carried(article.paragraphs[i]!)) return [];
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
  const sketches = index.sketchesOf(index.owner[original.firstParagraph]!);
  const originalTerms = distinctSorted(sketches.flatMap((s) => Array.from(s.terms)));
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

const VERDICT_RANK: Record<Report['verdict'], number> = {
  repost: 2,
  original: 2,
  unrelated: 1,
  'not-an-article': 0,
  'too-large': 0,
};

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
