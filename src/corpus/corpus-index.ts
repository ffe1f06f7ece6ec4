import { fingerprintParagraph } from '../fingerprint/fingerprint';
import { toStoredSignature } from '../fingerprint/minhash';
import {
  CONTENT_SIGNATURE_BITS,
  CONTENT_BANDS,
  CONTENT_PERMUTATIONS,
  CONTENT_ROWS,
  LEXICAL_BANDS,
  LEXICAL_PERMUTATIONS,
  LEXICAL_ROWS,
  SIGNATURE_BITS,
} from '../fingerprint/params';
import { splitParagraphs } from '../text/paragraphs';
import { splitSentences } from '../text/sentences';
import { countContractions, leadSnippet, properNames, tailWords } from '../text/snippets';
import { buildLshTable, type LshTable } from './lsh';
import { CorpusError, type OriginalMeta, type OriginalRecord } from './records';

/** What the index keeps of one original paragraph: a snippet and facts, not the text. */
export interface ParagraphRecord {
  /** The opening sentence, at most 200 characters. */
  readonly snippet: string;
  /** The last words, to point a browser at the paragraph with a text fragment. */
  readonly tail: string;
  readonly names: readonly string[];
  readonly contractions: number;
  readonly sentences: number;
  /** The whole paragraph, only in indexes built with full text (a user's own corpus). */
  readonly text?: string;
}

export interface IndexedOriginal extends OriginalMeta {
  readonly firstParagraph: number;
  readonly paragraphCount: number;
}

export interface CorpusIndex {
  readonly originals: readonly IndexedOriginal[];
  /**
   * What the index keeps of one original's paragraphs. A loaded index decodes them
   * only for the originals a page matched, so a large index loads fast.
   */
  readonly recordsOf: (original: number) => readonly ParagraphRecord[];
  /** Per paragraph, original index. */
  readonly owner: Uint32Array;
  /** Stored wording signatures, LEXICAL_PERMUTATIONS values per paragraph. */
  readonly lexical: Uint16Array;
  /** Stored content signatures, CONTENT_PERMUTATIONS values per paragraph (they only feed the LSH table). */
  readonly content: Uint16Array;
  /** Content-term hashes of paragraph p: terms[termOffsets[p] .. termOffsets[p+1]]. */
  readonly termOffsets: Uint32Array;
  readonly terms: Uint32Array;
  /** Per paragraph: distinct shingles, words. */
  readonly shingleCounts: Uint32Array;
  readonly wordCounts: Uint32Array;
  readonly lexicalLsh: LshTable;
  readonly contentLsh: LshTable;
}

export interface BuildOptions {
  /** Keep each paragraph's full text (for a corpus the user owns), not just snippets. */
  readonly fullText?: boolean;
}

/** Paragraphs of an original's text; chrome-free by contract of the corpus format. */
export function originalParagraphs(record: OriginalRecord): string[] {
  return splitParagraphs(record.text).filter((p) => /\p{L}/u.test(p));
}

export function buildCorpusIndex(records: readonly OriginalRecord[], options: BuildOptions = {}): CorpusIndex {
  const originals: IndexedOriginal[] = [];
  const paragraphs: ParagraphRecord[] = [];
  const owners: number[] = [];
  const fingerprints = [];
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id)) throw new CorpusError(`duplicate id "${record.id}"`);
    ids.add(record.id);
    const texts = originalParagraphs(record);
    if (texts.length === 0) throw new CorpusError(`original "${record.id}" has no paragraphs of text`);
    const { text: _text, ...meta } = record;
    originals.push({ ...meta, firstParagraph: paragraphs.length, paragraphCount: texts.length });
    for (const text of texts) {
      owners.push(originals.length - 1);
      fingerprints.push(fingerprintParagraph(text));
      paragraphs.push({
        snippet: leadSnippet(text),
        tail: tailWords(text),
        names: properNames(text),
        contractions: countContractions(text),
        sentences: splitSentences(text).length,
        ...(options.fullText ? { text } : {}),
      });
    }
  }
  const count = paragraphs.length;
  const lexical = new Uint16Array(count * LEXICAL_PERMUTATIONS);
  // Content signatures only feed the LSH table; verification compares the exact terms.
  const content = new Uint16Array(count * CONTENT_PERMUTATIONS);
  const termOffsets = new Uint32Array(count + 1);
  fingerprints.forEach((f, p) => {
    lexical.set(toStoredSignature(f.lexical), p * LEXICAL_PERMUTATIONS);
    content.set(toStoredSignature(f.content, CONTENT_SIGNATURE_BITS), p * CONTENT_PERMUTATIONS);
    termOffsets[p + 1] = termOffsets[p]! + f.terms.length;
  });
  const terms = new Uint32Array(termOffsets[count]!);
  fingerprints.forEach((f, p) => terms.set(f.terms, termOffsets[p]));
  return {
    originals,
    recordsOf: (o) => {
      const { firstParagraph, paragraphCount } = originals[o]!;
      return paragraphs.slice(firstParagraph, firstParagraph + paragraphCount);
    },
    owner: Uint32Array.from(owners),
    lexical,
    content,
    termOffsets,
    terms,
    shingleCounts: Uint32Array.from(fingerprints, (f) => f.shingleCount),
    wordCounts: Uint32Array.from(fingerprints, (f) => f.wordCount),
    lexicalLsh: buildLshTable(lexical, LEXICAL_PERMUTATIONS, count, LEXICAL_BANDS, LEXICAL_ROWS, SIGNATURE_BITS),
    contentLsh: buildLshTable(content, CONTENT_PERMUTATIONS, count, CONTENT_BANDS, CONTENT_ROWS, CONTENT_SIGNATURE_BITS),
  };
}

export function lexicalOf(index: CorpusIndex, paragraph: number): Uint16Array {
  return index.lexical.subarray(paragraph * LEXICAL_PERMUTATIONS, (paragraph + 1) * LEXICAL_PERMUTATIONS);
}

export function termsOf(index: CorpusIndex, paragraph: number): Uint32Array {
  return index.terms.subarray(index.termOffsets[paragraph], index.termOffsets[paragraph + 1]);
}
