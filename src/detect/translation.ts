import { distance } from 'fastest-levenshtein';
import type { ParagraphRecord } from '../corpus/corpus-index';
import type { AlignedPair } from '../match/align';
import type { Finding, Severity, TranslationEvidence } from '../report/report';
import { foldTypography } from '../text/normalize';
import { splitSentences } from '../text/sentences';
import { countContractions, properNames } from '../text/snippets';
import { contentTerms, tokenize } from '../text/tokens';

/** Share of the paired text (by page words) that must be reworded before translation is considered. */
export const REWORDED_SHARE = 0.6;
const MAX_EVIDENCE = 6;

interface PairText {
  readonly pair: AlignedPair;
  readonly page: string;
  readonly words: number;
  readonly original: ParagraphRecord;
}

/**
 * Machine translation round trips keep a text's facts, order and sentence count but
 * change its wording throughout, respell names and expand contractions. A verbatim
 * or lightly edited copy has its wording intact and is never reported here.
 */
export function detectTranslation(
  pairs: readonly AlignedPair[],
  pageParagraphs: readonly string[],
  pageWordCounts: readonly number[],
  originalParagraphs: readonly ParagraphRecord[],
): Extract<Finding, { kind: 'machine-translation' }> | null {
  const texts: PairText[] = pairs.map((pair) => ({
    pair,
    page: pageParagraphs[pair.page]!,
    words: pageWordCounts[pair.page]!,
    original: originalParagraphs[pair.original]!,
  }));
  const total = texts.reduce((sum, t) => sum + t.words, 0);
  const reworded = texts.filter((t) => t.pair.similarity.kind === 'reworded');
  const rewordedShare = total === 0 ? 0 : reworded.reduce((sum, t) => sum + t.words, 0) / total;
  if (reworded.length < 2 || rewordedShare < REWORDED_SHARE) return null;

  const respelled = reworded.flatMap(respelledNames);
  const contractions = lostContractions(texts);
  const sameSentences =
    reworded.filter((t) => Math.abs(splitSentences(t.page).length - t.original.sentences) <= 1).length /
    reworded.length;
  const confidence = Math.min(
    0.99,
    0.45 +
      (0.3 * (rewordedShare - REWORDED_SHARE)) / (1 - REWORDED_SHARE) +
      (respelled.length > 0 ? 0.12 : 0) +
      (contractions ? 0.12 : 0) +
      0.06 * sameSentences,
  );
  const evidence: TranslationEvidence[] = [...respelled.slice(0, 2), ...(contractions ? [contractions] : [])];
  // Sentence pairs from the most reworded paragraphs, as many as there is room for.
  const mostReworded = [...reworded].sort((a, b) => a.pair.similarity.wording - b.pair.similarity.wording);
  for (const t of mostReworded.slice(0, Math.max(0, MAX_EVIDENCE - evidence.length))) {
    evidence.push(rewordedEvidence(t));
  }
  const severity: Severity = confidence >= 0.75 ? 'high' : 'medium';
  const percent = Math.round(rewordedShare * 100);
  return {
    kind: 'machine-translation',
    severity,
    confidence: Math.round(confidence * 100) / 100,
    summary: `${reworded.length} of ${pairs.length} paragraphs (${percent}% of the text) say what the original says in other words, as a round trip through another language does`,
    evidence,
  };
}

/** The page sentence that shares most content terms with an original sentence. */
function closestSentence(pageParagraph: string, originalSentence: string): string {
  const target = new Set(contentTerms(tokenize(originalSentence)));
  let best = '';
  let bestShared = -1;
  for (const sentence of splitSentences(pageParagraph)) {
    const shared = contentTerms(tokenize(sentence)).filter((t) => target.has(t)).length;
    if (shared > bestShared) {
      best = sentence;
      bestShared = shared;
    }
  }
  return best;
}

function shingles(text: string): Set<string> {
  const tokens = tokenize(text);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= tokens.length; i++) out.add(tokens.slice(i, i + 3).join(' '));
  return out;
}

function rewordedEvidence(t: PairText): TranslationEvidence {
  const original = t.original.text ? closestSentence(t.original.text, t.original.snippet) : t.original.snippet;
  const page = closestSentence(t.page, original);
  const originalTerms = new Set(contentTerms(tokenize(original)));
  const pageTerms = new Set(contentTerms(tokenize(page)));
  const sharedTerms = [...pageTerms].filter((term) => originalTerms.has(term)).length;
  const originalPhrases = shingles(original);
  const sharedPhrases = [...shingles(page)].filter((s) => originalPhrases.has(s)).length;
  return {
    page,
    original,
    why: `same meaning in other words: ${sharedTerms} of ${originalTerms.size} content words are kept, but only ${sharedPhrases} of ${originalPhrases.size} three-word phrases (paragraph ${t.pair.original + 1} of the original)`,
  };
}

/** Names in the original paragraph that the page spells differently ("Erica" → "Erika"). */
function respelledNames(t: PairText): TranslationEvidence[] {
  const pageText = foldTypography(t.page);
  let pageWords: string[] | undefined; // the page's names, found only when needed
  const found: TranslationEvidence[] = [];
  for (const name of t.original.names) {
    for (const word of name.split(' ')) {
      if (word.length < 4 || pageText.includes(word)) continue;
      pageWords ??= [...new Set(properNames(t.page).flatMap((n) => n.split(' ')))];
      const variant = pageWords.find(
        (w) =>
          w.length >= 4 &&
          w[0] === word[0] &&
          distance(w.toLowerCase(), word.toLowerCase()) <= Math.min(2, Math.floor(word.length / 4)),
      );
      if (!variant) continue;
      const sentence = splitSentences(t.page).find((s) => s.includes(variant)) ?? t.page;
      found.push({
        page: sentence,
        original: t.original.snippet.includes(word) ? t.original.snippet : name,
        why: `the name “${word}” is spelled “${variant}”, as when a name is translated and back (paragraph ${t.pair.original + 1} of the original)`,
      });
    }
  }
  return found;
}

const EXPANDED =
  /\b(?:can not|cannot|is not|are not|was not|were not|do not|does not|did not|will not|would not|could not|should not|has not|have not|had not|it is|that is|there is|he is|she is|we are|they are|you are)\b/i;

/** The original writes with contractions ("can't", "it's"); the page spells them all out. */
function lostContractions(texts: readonly PairText[]): TranslationEvidence | null {
  const inOriginal = texts.reduce((sum, t) => sum + t.original.contractions, 0);
  const onPage = texts.reduce((sum, t) => sum + countContractions(t.page), 0);
  if (inOriginal < 3 || onPage > inOriginal * 0.25) return null;
  // Best example: the original's quoted sentence itself has a contraction the page spells out.
  const example =
    texts.find((t) => countContractions(t.original.snippet) > 0 && EXPANDED.test(t.page)) ??
    texts.find((t) => t.original.contractions > 0 && EXPANDED.test(t.page)) ??
    texts.find((t) => t.original.contractions > 0);
  if (!example) return null;
  const page = splitSentences(example.page).find((s) => EXPANDED.test(s)) ?? splitSentences(example.page)[0] ?? '';
  return {
    page,
    original: example.original.snippet,
    why: `the original uses ${inOriginal} contractions (such as “can't”, “it's”) in these paragraphs; the page uses ${onPage}: they were spelled out`,
  };
}
