import { deflateSync, strFromU8 } from 'fflate';
import { checksumBytes, hashString } from '../fingerprint/hash';
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
import { MAX_SAMPLING_LEVEL } from '../fingerprint/wording';
import { ByteReader, ByteWriter, inflateBounded } from './codec';
import { contentLshIndex, type CorpusIndex, type ParagraphRecord, type ParagraphSketch } from './corpus-index';
import { CorpusError } from './records';
import { joinSketch, storedSketch, type StoredSketch } from './sketch-remainder';

// The index file (format 5), built for size and for a fast load: a 28-byte preamble
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
const PREAMBLE = 28;
/** Inflated headers and blocks larger than this are not ones we wrote (damage or a deflate bomb). */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** Originals per deflated block: larger blocks compress better, smaller decode faster. */
const ORIGINALS_PER_BLOCK = 8;
/** Decoded blocks kept at once (a page is compared with a handful of originals). */
const DECODED_BLOCKS_KEPT = 256;
/** Set on a paragraph's level byte when exclusions follow its sketch (sketch-remainder.ts). */
const HAS_EXCLUSIONS = 0x80;
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

/** In file order: everything before `blocks` is checked at load, each block when decoded. */
const SECTIONS = [
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
type SectionName = (typeof SECTIONS)[number];
type Section = Uint8Array | Uint16Array | Uint32Array;
const SECTION_TYPES: Record<SectionName, 'u8' | 'u16' | 'u32'> = {
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

interface Header {
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
type StoredRecord = [snippet: string, tail: string, names: string[], text?: string];
/**
 * An original's metadata as stored in its block. The end mark is a decimal string, after
 * a licence ('' for none): readers before it check that every field is a string and
 * read the first seven, so they still load an index that has one.
 */
type StoredMeta = [
  id: string,
  title: string,
  author: string,
  publisher: string,
  url: string,
  published: string,
  license?: string,
  endMark?: string,
];

export interface SerializeOptions {
  /** The build date to record (default: today, UTC). */
  readonly built?: string;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** One block, before deflating: its paragraphs' sketches and counts, then its originals' metadata and snippets as JSON. */
function encodeBlock(index: CorpusIndex, first: number, end: number): Uint8Array {
  const binary = new ByteWriter();
  const metas: StoredMeta[] = [];
  const stored: StoredRecord[] = [];
  for (let o = first; o < end; o++) {
    const { id, title, author, publisher, url, published, license, endMark } = index.originalOf(o);
    const meta: StoredMeta = [id, title, author, publisher, url, published];
    if (license !== undefined || endMark !== undefined) meta.push(license ?? '');
    if (endMark !== undefined) meta.push(String(endMark));
    metas.push(meta);
    const sketches = index.sketchesOf(o);
    index.recordsOf(o).forEach((r, j) => {
      const sketch = storedSketch(sketches[j]!, r);
      const excludes = sketch.notWording.length > 0 || sketch.notTerms.length > 0;
      binary.varint(sketch.shingleCount);
      binary.byte(sketch.level | (excludes ? HAS_EXCLUSIONS : 0));
      binary.set16(sketch.wording);
      binary.set16(sketch.terms);
      if (excludes) {
        binary.set16(sketch.notWording);
        binary.set16(sketch.notTerms);
      }
      binary.varint(r.contractions);
      binary.varint(r.sentences);
      stored.push(r.text === undefined ? [r.snippet, r.tail, [...r.names]] : [r.snippet, r.tail, [...r.names], r.text]);
    });
  }
  const sketchBytes = binary.finish();
  const block = new ByteWriter();
  block.varint(sketchBytes.length);
  block.raw(sketchBytes);
  block.raw(new TextEncoder().encode(JSON.stringify([metas, stored])));
  return block.finish();
}

/**
 * A preset dictionary for the blocks: the corpus's most frequent words, weighted by
 * the bytes they would save, most frequent last (deflate reaches the end soonest).
 * None for a small corpus, where it would cost more than it saves.
 */
function buildDictionary(index: CorpusIndex): Uint8Array {
  const counts = new Map<string, number>();
  let chars = 0;
  const count = (text: string): void => {
    chars += text.length;
    for (const word of text.split(' ')) if (word.length > 2) counts.set(word, (counts.get(word) ?? 0) + 1);
  };
  for (let o = 0; o < index.originalCount; o++) {
    // Metadata too: publishers, licences and the start of addresses recur from block to block.
    const { title, author, publisher, url, license } = index.originalOf(o);
    for (const text of [title, author, publisher, license ?? '', url.replace(/^(https?:\/\/[^/]+\/(?:[^/]+\/)?).*$/, '$1')]) {
      count(text);
    }
    for (const r of index.recordsOf(o)) for (const text of [r.snippet, r.tail, ...r.names, r.text ?? '']) count(text);
  }
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
  const sizes: number[] = [];
  for (let o = 0; o < index.originalCount; o += ORIGINALS_PER_BLOCK) {
    const plain = encodeBlock(index, o, Math.min(o + ORIGINALS_PER_BLOCK, index.originalCount));
    if (plain.length > MAX_INFLATED_BYTES) {
      throw new CorpusError(`originals ${index.originalOf(o).id} and the next are too long to index together`);
    }
    sizes.push(plain.length);
    blocks.push(deflateSync(plain, { level: 9, dictionary }));
  }
  const blockOffsets = new Uint32Array(blocks.length + 1);
  blocks.forEach((b, i) => (blockOffsets[i + 1] = blockOffsets[i]! + b.length));
  const blockBytes = new Uint8Array(blockOffsets[blocks.length]!);
  blocks.forEach((b, i) => blockBytes.set(b, blockOffsets[i]));
  return {
    content: index.content,
    wordCounts: index.wordCounts,
    paragraphCounts: index.paragraphStarts.slice(1).map((end, o) => end - index.paragraphStarts[o]!),
    idHashes: Uint32Array.from({ length: index.originalCount }, (_, o) => hashString(index.originalOf(o).id)),
    blockOffsets,
    blockSizes: Uint32Array.from(sizes),
    blockChecksums: Uint32Array.from(blocks, checksumBytes),
    dictionary,
    blocks: blockBytes,
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
  const publishers: Record<string, number> = {};
  for (let o = 0; o < index.originalCount; o++) {
    const { publisher } = index.originalOf(o);
    publishers[publisher] = (publishers[publisher] ?? 0) + 1;
  }
  const header: Header = {
    format: 'repost-radar-index',
    fingerprint: FINGERPRINT,
    built: options.built ?? new Date().toISOString().slice(0, 10),
    paragraphs: index.owner.length,
    originalsPerBlock: ORIGINALS_PER_BLOCK,
    originals: index.originalCount,
    publishers,
    sections,
  };
  const headerText = new TextEncoder().encode(JSON.stringify(header));
  const headerBytes = deflateSync(headerText, { level: 9 });
  const headerLength = align4(headerBytes.length);
  // The file ends with the last block: no padding that no checksum would cover.
  const out = new Uint8Array(PREAMBLE + headerLength + sections.blocks.offset + sections.blocks.bytes);
  out.set(headerBytes, PREAMBLE);
  const payloadStart = PREAMBLE + headerLength;
  for (const name of SECTIONS) {
    const array = arrays[name];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), payloadStart + sections[name].offset);
  }
  const checked = headerLength + sections.blocks.offset;
  const view = new DataView(out.buffer);
  for (let i = 0; i < INDEX_MAGIC.length; i++) out[i] = INDEX_MAGIC.charCodeAt(i);
  view.setUint32(8, INDEX_FORMAT_VERSION, true);
  view.setUint32(12, headerLength, true);
  view.setUint32(16, headerText.length, true);
  view.setUint32(20, checked, true);
  view.setUint32(24, checksumBytes(out.subarray(PREAMBLE, PREAMBLE + checked)), true);
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

function readHeader(bytes: Uint8Array): Header {
  if (bytes.length < PREAMBLE || !looksLikeIndex(bytes)) throw new CorpusError('not a Repost Radar corpus index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== INDEX_FORMAT_VERSION) {
    throw new CorpusError(
      `corpus index format ${version} is not the format this version reads (${INDEX_FORMAT_VERSION}): ${REBUILD}`,
    );
  }
  const headerLength = view.getUint32(12, true);
  const headerTextLength = view.getUint32(16, true);
  const checked = view.getUint32(20, true);
  if (PREAMBLE + checked > bytes.length || headerLength > checked) throw new CorpusError('corpus index is truncated');
  if (checksumBytes(bytes.subarray(PREAMBLE, PREAMBLE + checked)) !== view.getUint32(24, true)) {
    throw new CorpusError(`corpus index is corrupt (checksum mismatch): ${REBUILD}`);
  }
  if (headerTextLength > MAX_INFLATED_BYTES) throw new CorpusError(`corpus index header is unreadable: ${REBUILD}`);
  let header: Header;
  try {
    header = JSON.parse(strFromU8(inflateBounded(bytes.subarray(PREAMBLE, PREAMBLE + headerLength), headerTextLength))) as Header;
  } catch {
    throw new CorpusError(`corpus index header is unreadable: ${REBUILD}`);
  }
  if (header?.format !== 'repost-radar-index') throw new CorpusError('not a Repost Radar corpus index');
  if (JSON.stringify(header.fingerprint) !== JSON.stringify(FINGERPRINT)) {
    throw new CorpusError(`corpus index was built with other fingerprint settings: ${REBUILD}`);
  }
  if (!Number.isSafeInteger(header.originals) || typeof header.publishers !== 'object' || header.publishers === null) {
    throw new CorpusError(`corpus index header is unreadable: ${REBUILD}`);
  }
  return header;
}

/**
 * An index to load that stays where it is (a file on disk): its first `headLength(…)`
 * bytes, its size, and a way to read any other range (the blocks a page needs).
 */
export interface IndexSource {
  readonly head: Uint8Array;
  readonly size: number;
  readonly read: (start: number, end: number) => Uint8Array;
}

/**
 * How many bytes from the start a loader needs before the blocks (everything a load
 * reads and checks), from the file's first PREAMBLE_BYTES; 0 when they are no index's.
 */
export function headLength(preamble: Uint8Array): number {
  if (preamble.length < PREAMBLE || !looksLikeIndex(preamble)) return 0;
  return PREAMBLE + new DataView(preamble.buffer, preamble.byteOffset, preamble.byteLength).getUint32(20, true);
}
export const PREAMBLE_BYTES = PREAMBLE;

/** The index's size and contents, without loading its fingerprints. */
export function summarizeIndex(bytes: Uint8Array): IndexSummary {
  const header = readHeader(bytes);
  const publishers: Record<string, number> = {};
  for (const [name, count] of Object.entries(header.publishers)) publishers[name || '(none)'] = count;
  return {
    originals: header.originals,
    paragraphs: header.paragraphs,
    bytes: bytes.length,
    publishers,
    built: header.built,
    formatVersion: INDEX_FORMAT_VERSION,
  };
}

/**
 * Loads an index, refusing anything truncated, made by another format, or whose header
 * and tables are corrupt. A corrupt block is refused when a page first needs it.
 */
export function deserializeIndex(file: Uint8Array | IndexSource): CorpusIndex {
  const source: IndexSource =
    file instanceof Uint8Array ? { head: file, size: file.length, read: (start, end) => file.subarray(start, end) } : file;
  const bytes = source.head;
  const header = readHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloadStart = PREAMBLE + view.getUint32(12, true);
  const checkedEnd = PREAMBLE + view.getUint32(20, true);
  const section = (name: SectionName): Section => {
    const s = header.sections?.[name];
    const start = payloadStart + (s?.offset ?? 0);
    if (!s || !(s.offset >= 0) || !(s.bytes >= 0) || start + s.bytes > source.size) {
      throw new CorpusError('corpus index is truncated');
    }
    // Only blocks lie past the checksummed part (each has a checksum of its own).
    if (start + s.bytes > checkedEnd) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
    // A view on the file's bytes where the section is aligned (sections are 4-aligned in the
    // file); a copy where it is not (a Node Buffer may be a view into a pool at any offset).
    const at = bytes.byteOffset + start;
    const type = SECTION_TYPES[name];
    const width = type === 'u8' ? 1 : type === 'u16' ? 2 : 4;
    const [buffer, from] = at % width === 0 ? [bytes.buffer, at] : [bytes.buffer.slice(at, at + s.bytes), 0];
    if (s.bytes % width !== 0) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
    const length = s.bytes / width;
    return type === 'u8'
      ? new Uint8Array(buffer, from, length)
      : type === 'u16'
        ? new Uint16Array(buffer, from, length)
        : new Uint32Array(buffer, from, length);
  };
  const blocksAt = payloadStart + (header.sections?.blocks?.offset ?? 0);
  const blocksLength = header.sections?.blocks?.bytes ?? 0;
  if (!(blocksAt >= checkedEnd) || !(blocksLength >= 0) || blocksAt + blocksLength > source.size) {
    throw new CorpusError('corpus index is truncated');
  }
  if (blocksAt + blocksLength !== source.size) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
  const count = header.paragraphs;
  const perBlock = header.originalsPerBlock;
  const originalCount = header.originals;
  const paragraphCounts = section('paragraphCounts');
  const content = section('content') as Uint8Array;
  const wordCounts = section('wordCounts') as Uint16Array;
  const idHashes = section('idHashes');
  const blockOffsets = section('blockOffsets');
  const blockSizes = section('blockSizes');
  const blockChecksums = section('blockChecksums');
  const dictionary = section('dictionary') as Uint8Array;
  const blockCount = Math.ceil(originalCount / perBlock);
  if (
    !Number.isInteger(perBlock) ||
    perBlock < 1 ||
    paragraphCounts.length !== originalCount ||
    idHashes.length !== originalCount ||
    content.length !== count * CONTENT_PERMUTATIONS ||
    wordCounts.length !== count ||
    blockOffsets.length !== blockCount + 1 ||
    blockSizes.length !== blockCount ||
    blockChecksums.length !== blockCount ||
    blockOffsets[blockCount] !== blocksLength
  ) {
    throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
  }
  const paragraphStarts = new Uint32Array(originalCount + 1);
  const owner = new Uint32Array(count);
  for (let o = 0; o < originalCount; o++) {
    const first = paragraphStarts[o]!;
    const end = first + paragraphCounts[o]!;
    if (end > count) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
    owner.fill(o, first, end);
    paragraphStarts[o + 1] = end;
  }
  if (paragraphStarts[originalCount] !== count) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);

  const decoded = new Map<number, DecodedBlock>();
  const blockOf = (o: number): { block: DecodedBlock; at: number } => {
    if (!(o >= 0 && o < originalCount)) throw new RangeError(`no original ${o} in this index`);
    const b = Math.floor(o / perBlock);
    let block = decoded.get(b);
    if (!block) {
      if (decoded.size >= DECODED_BLOCKS_KEPT) decoded.clear();
      const first = b * perBlock;
      const end = Math.min(first + perBlock, originalCount);
      if (!(blockOffsets[b]! <= blockOffsets[b + 1]!)) throw new CorpusError(CORRUPT_BLOCK);
      const stored = source.read(blocksAt + blockOffsets[b]!, blocksAt + blockOffsets[b + 1]!);
      if (checksumBytes(stored) !== blockChecksums[b]) {
        throw new CorpusError(CORRUPT_BLOCK);
      }
      block = decodeBlock(stored, blockSizes[b]!, paragraphStarts.subarray(first, end + 1), dictionary);
      decoded.set(b, block);
    }
    return { block, at: o - b * perBlock };
  };
  return {
    originalCount,
    paragraphStarts,
    originalOf: (o) => {
      const { block, at } = blockOf(o);
      const [id, title, author, publisher, url, published, license, endMark] = block.metas[at]!;
      const paragraphCount = paragraphStarts[o + 1]! - paragraphStarts[o]!;
      const end = endMark === undefined ? NaN : Number(endMark);
      return {
        id,
        title,
        author,
        publisher,
        url,
        published,
        ...(license === undefined ? {} : { license }),
        firstParagraph: paragraphStarts[o]!,
        paragraphCount,
        // A mark that is not a paragraph of this original is left out, as if it had none.
        ...(Number.isInteger(end) && end > 0 && end < paragraphCount ? { endMark: end } : {}),
      };
    },
    findOriginal: (id) => {
      const hash = hashString(id);
      for (let o = idHashes.indexOf(hash); o >= 0; o = idHashes.indexOf(hash, o + 1)) {
        if (blockOf(o).block.metas[o % perBlock]![0] === id) return o;
      }
      return -1;
    },
    recordsOf: (o) => {
      const { block, at } = blockOf(o);
      return block.records[at]!;
    },
    sketchesOf: (o) => {
      const { block, at } = blockOf(o);
      return block.sketchesAt(at);
    },
    owner,
    wordCounts,
    content,
    contentLsh: contentLshIndex(content, count),
  };
}

/**
 * Loads an index and decodes every block: for an index about to be kept (a list's
 * update, a publisher's upload), where a damaged block must be refused now, not when
 * a reader's page first matches one of its originals.
 */
export function verifyIndex(file: Uint8Array | IndexSource): CorpusIndex {
  const index = deserializeIndex(file);
  // Each block once (the last one stays decoded). Decoding checks every byte; completing
  // the sketches from well-formed records cannot fail, so it waits for a page.
  for (let o = 0; o < index.originalCount; o++) index.recordsOf(o);
  return index;
}

interface DecodedBlock {
  readonly metas: readonly StoredMeta[];
  readonly records: (readonly ParagraphRecord[])[];
  readonly sketchesAt: (at: number) => readonly ParagraphSketch[];
}

const CORRUPT_BLOCK = `corpus index is corrupt (a block is unreadable): ${REBUILD}`;

const isString = (x: unknown): x is string => typeof x === 'string';

const isStoredRecord = (x: unknown): x is StoredRecord =>
  Array.isArray(x) &&
  isString(x[0]) &&
  isString(x[1]) &&
  Array.isArray(x[2]) &&
  x[2].every(isString) &&
  (x[3] === undefined || isString(x[3]));

/** One block of `inflated` bytes once inflated; `starts` are its originals' first paragraphs and the end. */
function decodeBlock(bytes: Uint8Array, inflated: number, starts: Uint32Array, dictionary: Uint8Array): DecodedBlock {
  let reader: ByteReader;
  let metas: StoredMeta[];
  let stored: StoredRecord[];
  try {
    if (inflated > MAX_INFLATED_BYTES) throw new Error('too large');
    reader = new ByteReader(inflateBounded(bytes, inflated, dictionary));
    const sketchBytes = reader.varint();
    const sketchReader = new ByteReader(reader.raw(sketchBytes));
    [metas, stored] = JSON.parse(strFromU8(reader.raw(reader.remaining))) as [StoredMeta[], StoredRecord[]];
    reader = sketchReader;
  } catch {
    throw new CorpusError(CORRUPT_BLOCK);
  }
  const originals = starts.length - 1;
  const total = starts[originals]! - starts[0]!;
  if (
    !Array.isArray(stored) ||
    stored.length !== total ||
    !stored.every(isStoredRecord) ||
    !Array.isArray(metas) ||
    metas.length !== originals ||
    !metas.every((m) => Array.isArray(m) && m.length >= 6 && m.every(isString))
  ) {
    throw new CorpusError(CORRUPT_BLOCK);
  }
  const records: ParagraphRecord[][] = [];
  const storedSketches: StoredSketch[][] = [];
  let p = 0;
  for (let o = 0; o < originals; o++) {
    const ownRecords: ParagraphRecord[] = [];
    const ownSketches: StoredSketch[] = [];
    for (let j = starts[o]!; j < starts[o + 1]!; j++, p++) {
      const shingleCount = reader.varint();
      const levelByte = reader.byte();
      const level = levelByte & ~HAS_EXCLUSIONS;
      if (level > MAX_SAMPLING_LEVEL) throw new CorpusError(CORRUPT_BLOCK);
      const wording = reader.set16((n) => new Uint16Array(n));
      const terms = reader.set16((n) => new Uint32Array(n));
      const excludes = (levelByte & HAS_EXCLUSIONS) !== 0;
      const notWording = excludes ? reader.set16((n) => new Uint16Array(n)) : new Uint16Array(0);
      const notTerms = excludes ? reader.set16((n) => new Uint32Array(n)) : new Uint32Array(0);
      const contractions = reader.varint();
      const sentences = reader.varint();
      const [snippet, tail, names, text] = stored[p]!;
      ownSketches.push({ level, shingleCount, wording, terms, notWording, notTerms });
      ownRecords.push({ snippet, tail, names, contractions, sentences, ...(text === undefined ? {} : { text }) });
    }
    records.push(ownRecords);
    storedSketches.push(ownSketches);
  }
  // Sketches are completed from their records only for the originals a page is compared with.
  const sketches: (readonly ParagraphSketch[] | undefined)[] = [];
  const sketchesAt = (at: number): readonly ParagraphSketch[] =>
    (sketches[at] ??= storedSketches[at]!.map((sketch, j) => joinSketch(sketch, records[at]![j]!)));
  return { metas, records, sketchesAt };
}
