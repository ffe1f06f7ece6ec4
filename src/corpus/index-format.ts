// The index file's format (format 5), shared by its writer (index-writer.ts) and its
// reader (index-reader.ts); a block's own layout is in index-block.ts.
import {
  CONTENT_BANDS,
  CONTENT_PERMUTATIONS,
  CONTENT_ROWS,
  CONTENT_SIGNATURE_BITS,
  FINGERPRINT_VERSION,
  SHINGLE_WORDS,
  TERM_BITS,
  WORDING_SAMPLE_MAX,
} from '../fingerprint/params';
import { CorpusError } from './records';

// The index file, built for size and for a fast load: a 28-byte preamble
// (magic, format version, the header's stored and inflated lengths, a checksum and the
// length it covers), a deflated JSON header (fingerprint settings, build date, counts of
// originals by publisher, section table), then byte sections, each 4-byte aligned:
//   content          content MinHash, one byte a value: the LSH table is built from it
//                    only when a second page is checked (lsh.ts)
//   wordCounts, paragraphCounts
//   idHashes         each original's id hashed (32 bits), to find an original by id
//                    while decoding only its block
//   blockOffsets, blockSizes, blockChecksums   where each block lies, its inflated
//                    length (the most its decoder may allocate) and its checksum
//   dictionary       a preset deflate dictionary of the corpus's most frequent words,
//                    which short blocks would otherwise have to spell out each time.
//   blocks           originals in groups of ORIGINALS_PER_BLOCK, each group one deflated
//                    block: the originals' metadata, per paragraph counts, snippets for
//                    evidence, and the part of its wording sample and content terms that
//                    its snippet, last words and names do not give (Rice-coded: codec.ts,
//                    sketch-remainder.ts).
//                    Blocks are read, checked and decoded only for the originals a page
//                    is compared with, so a load reads and checks everything but them.
// docs/index-format.md has the measurements behind each choice.

export const INDEX_FORMAT_VERSION = 5;
/** The first eight bytes of every index file. */
export const INDEX_MAGIC = 'RRADARIX';
/** The preamble's length: magic, version, the header's stored and inflated lengths, checksum, checked length. */
export const PREAMBLE_BYTES = 28;
/** Inflated headers and blocks larger than this are not ones we wrote (damage or a deflate bomb). */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
/** Originals per deflated block: larger blocks compress better, smaller decode faster. */
export const ORIGINALS_PER_BLOCK = 8;

/** The fingerprint settings an index was built with: a reader refuses any other. */
export const FINGERPRINT = {
  version: FINGERPRINT_VERSION,
  shingleWords: SHINGLE_WORDS,
  contentPermutations: CONTENT_PERMUTATIONS,
  contentBands: CONTENT_BANDS,
  contentRows: CONTENT_ROWS,
  contentSignatureBits: CONTENT_SIGNATURE_BITS,
  wordingSampleMax: WORDING_SAMPLE_MAX,
  termBits: TERM_BITS,
};

/** In file order: everything before `blocks` is checked at load, each block when decoded. */
export const SECTIONS = [
  'content',
  'wordCounts',
  'paragraphCounts',
  'idHashes',
  'blockOffsets',
  'blockSizes',
  'blockChecksums',
  'dictionary',
  'blocks',
] as const;
export type SectionName = (typeof SECTIONS)[number];
export type Section = Uint8Array | Uint16Array | Uint32Array;
export const SECTION_TYPES: Record<SectionName, 'u8' | 'u16' | 'u32'> = {
  content: 'u8',
  wordCounts: 'u16',
  paragraphCounts: 'u32',
  idHashes: 'u32',
  blockOffsets: 'u32',
  blockSizes: 'u32',
  blockChecksums: 'u32',
  dictionary: 'u8',
  blocks: 'u8',
};

export interface Header {
  format: 'repost-radar-index';
  fingerprint: typeof FINGERPRINT;
  /** When the index was built (ISO date): `corpus info` shows it. */
  built: string;
  paragraphs: number;
  originalsPerBlock: number;
  originals: number;
  /** Originals per publisher ("" for none), for `corpus info`. */
  publishers: Record<string, number>;
  sections: Record<SectionName, { offset: number; bytes: number }>;
}

/** A paragraph's evidence as stored: an array is a third the size of an object in JSON. */
export type StoredRecord = [snippet: string, tail: string, names: string[], text?: string];
/**
 * An original's metadata as stored in its block. The end mark is a decimal string, after
 * a licence ('' for none): readers before it check that every field is a string and
 * read the first seven, so they still load an index that has one.
 */
export type StoredMeta = [
  id: string,
  title: string,
  author: string,
  publisher: string,
  url: string,
  published: string,
  license?: string,
  endMark?: string,
];

export const align4 = (n: number): number => (n + 3) & ~3;

const REBUILD = 'rebuild it with `repost-radar corpus build`';

/** Why a file is refused, as readers are told. */
const PROBLEMS = {
  notAnIndex: 'not a Repost Radar corpus index',
  truncated: 'corpus index is truncated',
  checksum: `corpus index is corrupt (checksum mismatch): ${REBUILD}`,
  unreadableHeader: `corpus index header is unreadable: ${REBUILD}`,
  otherFingerprint: `corpus index was built with other fingerprint settings: ${REBUILD}`,
  sectionsDisagree: `corpus index sections do not agree: ${REBUILD}`,
  corruptBlock: `corpus index is corrupt (a block is unreadable): ${REBUILD}`,
} as const;

/** The error for a file refused for `problem`. */
export const indexError = (problem: keyof typeof PROBLEMS): CorpusError => new CorpusError(PROBLEMS[problem]);

/** The error for an index of another format version. */
export const otherVersionError = (version: number): CorpusError =>
  new CorpusError(
    `corpus index format ${version} is not the format this version reads (${INDEX_FORMAT_VERSION}): ${REBUILD}`,
  );

/** True when the bytes start with the index magic (whatever their version or state). */
export function looksLikeIndex(bytes: Uint8Array): boolean {
  return bytes.length >= INDEX_MAGIC.length && String.fromCharCode(...bytes.subarray(0, 8)) === INDEX_MAGIC;
}

/**
 * How many bytes from the start a loader needs before the blocks (everything a load
 * reads and checks), from the file's first PREAMBLE_BYTES; 0 when they are no index's.
 */
export function headLength(preamble: Uint8Array): number {
  if (preamble.length < PREAMBLE_BYTES || !looksLikeIndex(preamble)) return 0;
  return PREAMBLE_BYTES + new DataView(preamble.buffer, preamble.byteOffset, preamble.byteLength).getUint32(20, true);
}
