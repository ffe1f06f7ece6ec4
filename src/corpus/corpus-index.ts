import { fingerprintParagraph } from '../fingerprint/fingerprint';
import { toStoredSignature } from '../fingerprint/minhash';
import { CONTENT_SIGNATURE_BITS, CONTENT_BANDS, CONTENT_PERMUTATIONS, CONTENT_ROWS } from '../fingerprint/params';
import { wordingSample, type WordingSample } from '../fingerprint/wording';
import { splitParagraphs } from '../text/paragraphs';
import { splitSentences } from '../text/sentences';
import { countContractions, leadSnippet, properNames, tailWords } from '../text/snippets';
import { lshIndex, type LshIndex, type StoredSignatures } from './lsh';
import { CorpusError, type OriginalMeta, type OriginalRecord } from './records';

/** What the index keeps of one original paragraph: a snippet and facts, not the text. */
export interface KeptParagraph {
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
  /**
   * Where an end mark ("###", "- 30 -") closed the original's own text: the paragraphs
   * from this one on (contacts, notes to editors, "About …") are its boilerplate tail.
   */
  readonly endMark?: number;
}

/** What verification compares of one original paragraph (never used to find candidates). */
export interface ParagraphSketch {
  /** A consistent sample of its word shingles (wording.ts). */
  readonly wording: WordingSample;
  /** Its content terms' TERM_BITS-bit hashes, sorted and distinct. */
  readonly terms: Uint32Array;
}

export interface CorpusIndex {
  readonly originalCount: number;
  /** Per original, its first paragraph's number; one entry more holds the paragraph count. */
  readonly paragraphStarts: Uint32Array;
  /**
   * One original's metadata and paragraphs. A loaded index keeps metadata in the
   * original's block, decoded only for the originals a page matched.
   */
  readonly originalOf: (original: number) => IndexedOriginal;
  /** The number of the original with this id, or -1. */
  readonly findOriginal: (id: string) => number;
  /**
   * What the index keeps of one original's paragraphs, for evidence. A loaded index
   * decodes them only for the originals a page matched, so a large index loads fast.
   */
  readonly keptParagraphsOf: (original: number) => readonly KeptParagraph[];
  /** What verification compares of one original's paragraphs (decoded the same lazy way). */
  readonly sketchesOf: (original: number) => readonly ParagraphSketch[];
  /** Per paragraph, original index. */
  readonly owner: Uint32Array;
  /** Per paragraph, its words (at most 65,535). */
  readonly wordCounts: Uint16Array;
  /** Content-term MinHash signatures, CONTENT_PERMUTATIONS one-byte values a paragraph (they feed the LSH table). */
  readonly content: Uint8Array;
  /** Content-term MinHash bands of every paragraph: how candidates are found. */
  readonly contentLsh: LshIndex;
}

export interface BuildOptions {
  /** Keep each paragraph's full text (for a corpus the user owns), not just snippets. */
  readonly fullText?: boolean;
}

/** Paragraphs of an original's text; chrome-free by contract of the corpus format. */
export function originalParagraphs(record: OriginalRecord): string[] {
  return originalText(record).paragraphs;
}

// A press release's end mark on a line of its own: "###", "# # #", "-30-", "- 30 -", "–30–".
const END_MARK = /^\s*(?:(?:#\s*){3,}|[-\u2013\u2014]+\s*30\s*[-\u2013\u2014]+)\s*$/u;

/**
 * An original's paragraphs with letters in them, and where an end mark stood between
 * them (the mark itself, with no letters, is not kept): its own text stops there.
 */
export function originalText(record: OriginalRecord): { paragraphs: string[]; endMark?: number } {
  const paragraphs: string[] = [];
  let endMark: number | undefined;
  for (const paragraph of splitParagraphs(record.text)) {
    if (/\p{L}/u.test(paragraph)) paragraphs.push(paragraph);
    else if (endMark === undefined && paragraphs.length > 0 && END_MARK.test(paragraph)) endMark = paragraphs.length;
  }
  // A mark after the last paragraph ends nothing but the text.
  return endMark === undefined || endMark === paragraphs.length ? { paragraphs } : { paragraphs, endMark };
}

export function buildCorpusIndex(records: readonly OriginalRecord[], options: BuildOptions = {}): CorpusIndex {
  const originals: IndexedOriginal[] = [];
  const paragraphs: KeptParagraph[] = [];
  const owners: number[] = [];
  const fingerprints = [];
  const ids = new Set<string>();
  for (const record of records) {
    if (ids.has(record.id)) throw new CorpusError(`duplicate id "${record.id}"`);
    ids.add(record.id);
    const { paragraphs: texts, endMark } = originalText(record);
    if (texts.length === 0) throw new CorpusError(`original "${record.id}" has no paragraphs of text`);
    const { text: _text, ...meta } = record;
    originals.push({
      ...meta,
      firstParagraph: paragraphs.length,
      paragraphCount: texts.length,
      ...(endMark === undefined ? {} : { endMark }),
    });
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
  // Content signatures only feed the LSH table; verification compares the exact terms.
  const content = new Uint8Array(count * CONTENT_PERMUTATIONS);
  fingerprints.forEach((f, p) =>
    content.set(toStoredSignature(f.content, CONTENT_SIGNATURE_BITS), p * CONTENT_PERMUTATIONS),
  );
  const sketches = fingerprints.map((f): ParagraphSketch => ({ wording: wordingSample(f.shingles), terms: f.terms }));
  const slice = <T>(list: readonly T[], o: number): readonly T[] => {
    const { firstParagraph, paragraphCount } = originals[o]!;
    return list.slice(firstParagraph, firstParagraph + paragraphCount);
  };
  const paragraphStarts = new Uint32Array(originals.length + 1);
  originals.forEach((o, i) => (paragraphStarts[i + 1] = o.firstParagraph + o.paragraphCount));
  const byId = new Map(originals.map((o, i) => [o.id, i]));
  return {
    originalCount: originals.length,
    paragraphStarts,
    originalOf: (o) => originals[o]!,
    findOriginal: (id) => byId.get(id) ?? -1,
    keptParagraphsOf: (o) => slice(paragraphs, o),
    sketchesOf: (o) => slice(sketches, o),
    owner: Uint32Array.from(owners),
    wordCounts: Uint16Array.from(fingerprints, (f) => Math.min(f.wordCount, 0xffff)),
    content,
    contentLsh: contentLshIndex(content, count),
  };
}

/** `paragraphs` stored content signatures, in the shipped shape. */
export const contentSignatures = (content: Uint8Array, paragraphs: number): StoredSignatures => ({
  signatures: content,
  width: CONTENT_PERMUTATIONS,
  count: paragraphs,
  bands: CONTENT_BANDS,
  rows: CONTENT_ROWS,
  bits: CONTENT_SIGNATURE_BITS,
});

/** The LSH index over `paragraphs` stored content signatures. */
export const contentLshIndex = (content: Uint8Array, paragraphs: number): LshIndex =>
  lshIndex(contentSignatures(content, paragraphs));

/** What verification compares of paragraph p (its original's block is decoded once). */
export function sketchOf(index: CorpusIndex, paragraph: number): ParagraphSketch {
  const o = index.owner[paragraph]!;
  return index.sketchesOf(o)[paragraph - index.paragraphStarts[o]!]!;
}

/** How many paragraphs an original has, without decoding anything. */
export const paragraphCountOf = (index: CorpusIndex, original: number): number =>
  index.paragraphStarts[original + 1]! - index.paragraphStarts[original]!;
