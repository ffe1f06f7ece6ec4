import { deflateSync, inflateSync, strFromU8 } from 'fflate';
import { checksumBytes } from '../fingerprint/hash';
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
import { ByteReader, ByteWriter } from './codec';
import type { CorpusIndex, ParagraphRecord, ParagraphSketch } from './corpus-index';
import { buildLshTable } from './lsh';
import { CorpusError, type OriginalMeta } from './records';

// The index file (format 3), built for size and for a fast load: a 24-byte preamble
// (magic, format version, header length, checksum of everything after the preamble),
// a deflated JSON header (fingerprint settings, build date, originals' metadata,
// section table), then byte sections, each 4-byte aligned:
//   content          content MinHash, one byte a value: the LSH table is rebuilt from
//                    it at load (a radix sort), which costs less than storing the table
//   wordCounts, paragraphCounts
//   blockOffsets, blocks   originals in groups of ORIGINALS_PER_BLOCK, each group one
//                    deflated block: per paragraph its wording sample and content terms
//                    (Rice-coded, codec.ts), counts, and its snippets for evidence.
//                    Blocks are decoded only for the originals a page is compared with.
//   dictionary       a preset deflate dictionary of the corpus's most frequent words,
//                    which short blocks would otherwise have to spell out each time.
// README, "The corpus and its index", has the measurements behind each choice.

export const INDEX_FORMAT_VERSION = 3;
/** The first eight bytes of every index file. */
export const INDEX_MAGIC = 'RRADARIX';
const PREAMBLE = 24;
/** A header larger than this is not one we wrote (a damaged length field). */
const MAX_HEADER_BYTES = 256 * 1024 * 1024;

/** Originals per deflated block: larger blocks compress better, smaller decode faster. */
const ORIGINALS_PER_BLOCK = 8;
/** Decoded blocks kept at once (a page is compared with a handful of originals). */
const DECODED_BLOCKS_KEPT = 256;
/** The preset dictionary's size: deflate's window. */
const DICTIONARY_BYTES = 32 * 1024;

const FINGERPRINT = {
  version: FINGERPRINT_VERSION,
  shingleWords: SHINGLE_WORDS,
  contentPermutations: CONTENT_PERMUTATIONS,
  contentBands: CONTENT_BANDS,
  contentRows: CONTENT_ROWS,
  contentSignatureBits: CONTENT_SIGNATURE_BITS,
  wordingSampleMax: WORDING_SAMPLE_MAX,
  termBits: TERM_BITS,
};

const SECTIONS = ['content', 'wordCounts', 'paragraphCounts', 'blockOffsets', 'blocks', 'dictionary'] as const;
type SectionName = (typeof SECTIONS)[number];
type Section = Uint8Array | Uint16Array | Uint32Array;
const SECTION_TYPES: Record<SectionName, 'u8' | 'u16' | 'u32'> = {
  content: 'u8',
  wordCounts: 'u16',
  paragraphCounts: 'u32',
  blockOffsets: 'u32',
  blocks: 'u8',
  dictionary: 'u8',
};

interface Header {
  format: 'repost-radar-index';
  fingerprint: typeof FINGERPRINT;
  /** When the index was built (ISO date): `corpus info` shows it. */
  built: string;
  paragraphs: number;
  originalsPerBlock: number;
  originals: OriginalMeta[];
  sections: Record<SectionName, { offset: number; bytes: number }>;
}

/** A paragraph's evidence as stored: an array is a third the size of an object in JSON. */
type StoredRecord = [snippet: string, tail: string, names: string[], text?: string];

export interface SerializeOptions {
  /** The build date to record (default: today, UTC). */
  readonly built?: string;
}

const align4 = (n: number): number => (n + 3) & ~3;
/** One block: its paragraphs' sketches and counts, then their snippets as JSON. */
function encodeBlock(index: CorpusIndex, first: number, end: number, dictionary: Uint8Array): Uint8Array {
  const binary = new ByteWriter();
  const stored: StoredRecord[] = [];
  for (let o = first; o < end; o++) {
    const sketches = index.sketchesOf(o);
    index.recordsOf(o).forEach((r, j) => {
      const { wording, terms } = sketches[j]!;
      binary.varint(wording.shingleCount);
      binary.byte(wording.level);
      binary.set16(wording.values);
      binary.set16(terms);
      binary.varint(r.contractions);
      binary.varint(r.sentences);
      stored.push(r.text === undefined ? [r.snippet, r.tail, [...r.names]] : [r.snippet, r.tail, [...r.names], r.text]);
    });
  }
  const sketchBytes = binary.finish();
  const block = new ByteWriter();
  block.varint(sketchBytes.length);
  block.raw(sketchBytes);
  block.raw(new TextEncoder().encode(JSON.stringify(stored)));
  return deflateSync(block.finish(), { level: 9, dictionary });
}

/**
 * A preset dictionary for the blocks: the corpus's most frequent words, weighted by
 * the bytes they would save, most frequent last (deflate reaches the end soonest).
 * None for a small corpus, where it would cost more than it saves.
 */
function buildDictionary(index: CorpusIndex): Uint8Array {
  const counts = new Map<string, number>();
  let chars = 0;
  index.originals.forEach((_, o) => {
    for (const r of index.recordsOf(o)) {
      for (const text of [r.snippet, r.tail, ...r.names, r.text ?? '']) {
        chars += text.length;
        for (const word of text.split(' ')) if (word.length > 2) counts.set(word, (counts.get(word) ?? 0) + 1);
      }
    }
  });
  const size = Math.min(DICTIONARY_BYTES, Math.floor(chars / 16));
  if (size < 2048) return new Uint8Array(0);
  const ranked = [...counts.entries()]
    .filter(([, n]) => n > 1)
    .map(([word, n]) => [word, n * (word.length + 1)] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept: string[] = [];
  let bytes = 0;
  for (const [word] of ranked) {
    const length = new TextEncoder().encode(word).length + 1;
    if (bytes + length > size) break;
    kept.push(word);
    bytes += length;
  }
  return new TextEncoder().encode(`${kept.reverse().join(' ')} `);
}

function encodeSections(index: CorpusIndex): Record<SectionName, Section> {
  const dictionary = buildDictionary(index);
  const blocks: Uint8Array[] = [];
  for (let o = 0; o < index.originals.length; o += ORIGINALS_PER_BLOCK) {
    blocks.push(encodeBlock(index, o, Math.min(o + ORIGINALS_PER_BLOCK, index.originals.length), dictionary));
  }
  const blockOffsets = new Uint32Array(blocks.length + 1);
  blocks.forEach((b, i) => (blockOffsets[i + 1] = blockOffsets[i]! + b.length));
  const blockBytes = new Uint8Array(blockOffsets[blocks.length]!);
  blocks.forEach((b, i) => blockBytes.set(b, blockOffsets[i]));
  return {
    content: index.content,
    wordCounts: index.wordCounts,
    paragraphCounts: Uint32Array.from(index.originals, (o) => o.paragraphCount),
    blockOffsets,
    blocks: blockBytes,
    dictionary,
  };
}

/** Serialises an index. The same corpus and build date always give the same bytes. */
export function serializeIndex(index: CorpusIndex, options: SerializeOptions = {}): Uint8Array {
  const arrays = encodeSections(index);
  let offset = 0;
  const sections = {} as Header['sections'];
  for (const name of SECTIONS) {
    sections[name] = { offset, bytes: arrays[name].byteLength };
    offset = align4(offset + arrays[name].byteLength);
  }
  const header: Header = {
    format: 'repost-radar-index',
    fingerprint: FINGERPRINT,
    built: options.built ?? new Date().toISOString().slice(0, 10),
    paragraphs: index.owner.length,
    originalsPerBlock: ORIGINALS_PER_BLOCK,
    originals: index.originals.map(({ firstParagraph: _f, paragraphCount: _c, ...meta }) => meta),
    sections,
  };
  const headerBytes = deflateSync(new TextEncoder().encode(JSON.stringify(header)), { level: 9 });
  const headerLength = align4(headerBytes.length);
  const out = new Uint8Array(PREAMBLE + headerLength + offset);
  out.set(headerBytes, PREAMBLE);
  const payloadStart = PREAMBLE + headerLength;
  for (const name of SECTIONS) {
    const array = arrays[name];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), payloadStart + sections[name].offset);
  }
  const view = new DataView(out.buffer);
  for (let i = 0; i < INDEX_MAGIC.length; i++) out[i] = INDEX_MAGIC.charCodeAt(i);
  view.setUint32(8, INDEX_FORMAT_VERSION, true);
  view.setUint32(12, headerLength, true);
  view.setUint32(16, checksumBytes(out.subarray(PREAMBLE)), true);
  return out;
}

const REBUILD = 'rebuild it with `repost-radar corpus build`';

/** True when the bytes start with the index magic (whatever their version or state). */
export function looksLikeIndex(bytes: Uint8Array): boolean {
  return bytes.length >= INDEX_MAGIC.length && String.fromCharCode(...bytes.subarray(0, 8)) === INDEX_MAGIC;
}

/** What `corpus info` shows, read from the header alone. */
export interface IndexSummary {
  readonly originals: number;
  readonly paragraphs: number;
  readonly bytes: number;
  readonly publishers: Record<string, number>;
  readonly built: string;
  readonly formatVersion: number;
}

/**
 * How a caller may help load an index: the header is a deflated megabyte or two of
 * JSON, which a platform's native inflater reads several times faster than fflate does
 * on a cold start (Node's zlib; the browser's DecompressionStream, which is async, so
 * the extension inflates `deflatedHeader(bytes)` first and hands the text over).
 */
export interface LoadOptions {
  /** The header's JSON text from its deflated bytes (raw DEFLATE). */
  readonly inflateHeader?: (deflated: Uint8Array) => string;
}

/** The deflated header of an index file (for `LoadOptions.inflateHeader`); empty when there is none. */
export function deflatedHeader(bytes: Uint8Array): Uint8Array {
  if (bytes.length < PREAMBLE || !looksLikeIndex(bytes)) return new Uint8Array(0);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(12, true);
  return PREAMBLE + headerLength > bytes.length ? new Uint8Array(0) : bytes.subarray(PREAMBLE, PREAMBLE + headerLength);
}

// fflate's strFromU8, not a fresh TextDecoder: Node's decodes 2 MB of UTF-8 ten times slower.
const inflateWithFflate = (deflated: Uint8Array): string => strFromU8(inflateSync(deflated));

function readHeader(bytes: Uint8Array, options: LoadOptions): Header {
  if (bytes.length < PREAMBLE || !looksLikeIndex(bytes)) throw new CorpusError('not a Repost Radar corpus index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== INDEX_FORMAT_VERSION) {
    throw new CorpusError(
      `corpus index format ${version} is not the format this version reads (${INDEX_FORMAT_VERSION}): ${REBUILD}`,
    );
  }
  const headerLength = view.getUint32(12, true);
  if (headerLength > MAX_HEADER_BYTES || PREAMBLE + headerLength > bytes.length) {
    throw new CorpusError('corpus index is truncated');
  }
  if (checksumBytes(bytes.subarray(PREAMBLE)) !== view.getUint32(16, true)) {
    throw new CorpusError(`corpus index is corrupt (checksum mismatch): ${REBUILD}`);
  }
  let header: Header;
  try {
    const inflate = options.inflateHeader ?? inflateWithFflate;
    header = JSON.parse(inflate(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
  } catch {
    throw new CorpusError(`corpus index header is unreadable: ${REBUILD}`);
  }
  if (header?.format !== 'repost-radar-index') throw new CorpusError('not a Repost Radar corpus index');
  if (JSON.stringify(header.fingerprint) !== JSON.stringify(FINGERPRINT)) {
    throw new CorpusError(`corpus index was built with other fingerprint settings: ${REBUILD}`);
  }
  return header;
}

/** The index's size and contents, without loading its fingerprints. */
export function summarizeIndex(bytes: Uint8Array, options: LoadOptions = {}): IndexSummary {
  const header = readHeader(bytes, options);
  const publishers: Record<string, number> = {};
  for (const o of header.originals) publishers[o.publisher || '(none)'] = (publishers[o.publisher || '(none)'] ?? 0) + 1;
  return {
    originals: header.originals.length,
    paragraphs: header.paragraphs,
    bytes: bytes.length,
    publishers,
    built: header.built,
    formatVersion: INDEX_FORMAT_VERSION,
  };
}

/** Loads an index, refusing anything corrupt, truncated or made by another format. */
export function deserializeIndex(bytes: Uint8Array, options: LoadOptions = {}): CorpusIndex {
  const header = readHeader(bytes, options);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloadStart = bytes.byteOffset + PREAMBLE + view.getUint32(12, true);
  const payloadEnd = bytes.byteOffset + bytes.length;
  const section = (name: SectionName): Section => {
    const s = header.sections?.[name];
    if (!s || s.offset < 0 || payloadStart + s.offset + s.bytes > payloadEnd) {
      throw new CorpusError('corpus index is truncated');
    }
    // A view on the file's bytes where the section is aligned (sections are 4-aligned in the
    // file); a copy where it is not (a Node Buffer may be a view into a pool at any offset).
    const start = payloadStart + s.offset;
    const type = SECTION_TYPES[name];
    const width = type === 'u8' ? 1 : type === 'u16' ? 2 : 4;
    const [buffer, at] = start % width === 0 ? [bytes.buffer, start] : [bytes.buffer.slice(start, start + s.bytes), 0];
    if (s.bytes % width !== 0) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
    const length = s.bytes / width;
    return type === 'u8'
      ? new Uint8Array(buffer, at, length)
      : type === 'u16'
        ? new Uint16Array(buffer, at, length)
        : new Uint32Array(buffer, at, length);
  };
  const count = header.paragraphs;
  const perBlock = header.originalsPerBlock;
  const paragraphCounts = section('paragraphCounts');
  const content = section('content') as Uint8Array;
  const wordCounts = section('wordCounts') as Uint16Array;
  const blockOffsets = section('blockOffsets');
  const blocks = section('blocks') as Uint8Array;
  const dictionary = section('dictionary') as Uint8Array;
  const blockCount = Math.ceil(header.originals.length / perBlock);
  if (
    !(perBlock >= 1) ||
    paragraphCounts.length !== header.originals.length ||
    content.length !== count * CONTENT_PERMUTATIONS ||
    wordCounts.length !== count ||
    blockOffsets.length !== blockCount + 1 ||
    blockOffsets[blockCount] !== blocks.length
  ) {
    throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
  }
  // The header's objects become the originals (no copies: this loop runs once per original).
  const originals = header.originals as (OriginalMeta & { firstParagraph: number; paragraphCount: number })[];
  const owner = new Uint32Array(count);
  let first = 0;
  originals.forEach((original, o) => {
    const paragraphCount = paragraphCounts[o]!;
    if (first + paragraphCount > count) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
    original.firstParagraph = first;
    original.paragraphCount = paragraphCount;
    owner.fill(o, first, first + paragraphCount);
    first += paragraphCount;
  });
  if (first !== count) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);

  const decoded = new Map<number, DecodedBlock>();
  const blockOf = (o: number): { block: DecodedBlock; at: number } => {
    const b = Math.floor(o / perBlock);
    let block = decoded.get(b);
    if (!block) {
      if (decoded.size >= DECODED_BLOCKS_KEPT) decoded.clear();
      const firstOriginal = b * perBlock;
      const sizes = originals.slice(firstOriginal, firstOriginal + perBlock).map((x) => x.paragraphCount);
      block = decodeBlock(blocks.subarray(blockOffsets[b], blockOffsets[b + 1]), sizes, dictionary);
      decoded.set(b, block);
    }
    return { block, at: o - b * perBlock };
  };
  return {
    originals,
    recordsOf: (o) => {
      const { block, at } = blockOf(o);
      return block.records[at]!;
    },
    sketchesOf: (o) => {
      const { block, at } = blockOf(o);
      return block.sketches[at]!;
    },
    owner,
    wordCounts,
    content,
    contentLsh: buildLshTable(content, CONTENT_PERMUTATIONS, count, CONTENT_BANDS, CONTENT_ROWS, CONTENT_SIGNATURE_BITS),
  };
}

interface DecodedBlock {
  readonly records: (readonly ParagraphRecord[])[];
  readonly sketches: (readonly ParagraphSketch[])[];
}

const CORRUPT_BLOCK = `corpus index is corrupt (a block is unreadable): ${REBUILD}`;

/** One block: `sizes` are its originals' paragraph counts, as the section table says. */
function decodeBlock(bytes: Uint8Array, sizes: readonly number[], dictionary: Uint8Array): DecodedBlock {
  let reader: ByteReader;
  let stored: StoredRecord[];
  try {
    reader = new ByteReader(inflateSync(bytes, { dictionary }));
    const sketchBytes = reader.varint();
    const sketchReader = new ByteReader(reader.raw(sketchBytes));
    stored = JSON.parse(strFromU8(reader.raw(reader.remaining))) as StoredRecord[];
    reader = sketchReader;
  } catch {
    throw new CorpusError(CORRUPT_BLOCK);
  }
  const total = sizes.reduce((a, b) => a + b, 0);
  if (!Array.isArray(stored) || stored.length !== total) throw new CorpusError(CORRUPT_BLOCK);
  const records: ParagraphRecord[][] = [];
  const sketches: ParagraphSketch[][] = [];
  let p = 0;
  for (const size of sizes) {
    const ownRecords: ParagraphRecord[] = [];
    const ownSketches: ParagraphSketch[] = [];
    for (let j = 0; j < size; j++, p++) {
      const shingleCount = reader.varint();
      const level = reader.byte();
      const values = reader.set16((n) => new Uint16Array(n));
      const terms = reader.set16((n) => new Uint32Array(n));
      const contractions = reader.varint();
      const sentences = reader.varint();
      const [snippet, tail, names, text] = stored[p]!;
      ownSketches.push({ wording: { level, values, shingleCount }, terms });
      ownRecords.push({ snippet, tail, names, contractions, sentences, ...(text === undefined ? {} : { text }) });
    }
    records.push(ownRecords);
    sketches.push(ownSketches);
  }
  return { records, sketches };
}
