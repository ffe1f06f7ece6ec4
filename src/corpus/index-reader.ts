// Reads the index file (index-format.ts): the header and tables are checked at load,
// each block when a page first needs one of its originals (LoadedIndex).
import { strFromU8 } from 'fflate';
import { checksumBytes, hashString } from '../fingerprint/hash';
import { inflateBounded } from './codec';
import {
  contentLshIndex,
  type CorpusIndex,
  type IndexedOriginal,
  type KeptParagraph,
  type ParagraphSketch,
} from './corpus-index';
import { decodeBlock, type DecodedBlock } from './index-block';
import { CONTENT_PERMUTATIONS } from '../fingerprint/params';
import {
  FINGERPRINT,
  indexError,
  INDEX_FORMAT_VERSION,
  looksLikeIndex,
  MAX_INFLATED_BYTES,
  otherVersionError,
  PREAMBLE_BYTES,
  SECTION_TYPES,
  type Header,
  type Section,
  type SectionName,
} from './index-format';

/** Decoded blocks kept at once (a page is compared with a handful of originals). */
const DECODED_BLOCKS_KEPT = 256;

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
  if (bytes.length < PREAMBLE_BYTES || !looksLikeIndex(bytes)) throw indexError('notAnIndex');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== INDEX_FORMAT_VERSION) throw otherVersionError(version);
  const headerLength = view.getUint32(12, true);
  const headerTextLength = view.getUint32(16, true);
  const checked = view.getUint32(20, true);
  if (PREAMBLE_BYTES + checked > bytes.length || headerLength > checked) throw indexError('truncated');
  if (checksumBytes(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + checked)) !== view.getUint32(24, true)) {
    throw indexError('checksum');
  }
  if (headerTextLength > MAX_INFLATED_BYTES) throw indexError('unreadableHeader');
  let header: Header;
  try {
    const stored = bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength);
    header = JSON.parse(strFromU8(inflateBounded(stored, headerTextLength))) as Header;
  } catch {
    throw indexError('unreadableHeader');
  }
  if (header?.format !== 'repost-radar-index') throw indexError('notAnIndex');
  if (JSON.stringify(header.fingerprint) !== JSON.stringify(FINGERPRINT)) throw indexError('otherFingerprint');
  if (!Number.isSafeInteger(header.originals) || typeof header.publishers !== 'object' || header.publishers === null) {
    throw indexError('unreadableHeader');
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

/** The tables a load read and checked, and where the blocks lie. */
interface Tables {
  readonly source: IndexSource;
  readonly originalCount: number;
  readonly perBlock: number;
  readonly paragraphStarts: Uint32Array;
  readonly owner: Uint32Array;
  readonly wordCounts: Uint16Array;
  readonly content: Uint8Array;
  readonly idHashes: Section;
  readonly blocksAt: number;
  readonly blockOffsets: Section;
  readonly blockSizes: Section;
  readonly blockChecksums: Section;
  readonly dictionary: Uint8Array;
}

/**
 * Loads an index, refusing anything truncated, made by another format, or whose header
 * and tables are corrupt. A corrupt block is refused when a page first needs it.
 */
export function deserializeIndex(file: Uint8Array | IndexSource): CorpusIndex {
  const source: IndexSource =
    file instanceof Uint8Array
      ? { head: file, size: file.length, read: (start, end) => file.subarray(start, end) }
      : file;
  const bytes = source.head;
  const header = readHeader(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const payloadStart = PREAMBLE_BYTES + view.getUint32(12, true);
  const checkedEnd = PREAMBLE_BYTES + view.getUint32(20, true);
  const section = (name: SectionName): Section => {
    const s = header.sections?.[name];
    const start = payloadStart + (s?.offset ?? 0);
    if (!s || !(s.offset >= 0) || !(s.bytes >= 0) || start + s.bytes > source.size) throw indexError('truncated');
    // Only blocks lie past the checksummed part (each has a checksum of its own).
    if (start + s.bytes > checkedEnd) throw indexError('sectionsDisagree');
    // A view on the file's bytes where the section is aligned (sections are 4-aligned in the
    // file); a copy where it is not (a Node Buffer may be a view into a pool at any offset).
    const at = bytes.byteOffset + start;
    const type = SECTION_TYPES[name];
    const width = type === 'u8' ? 1 : type === 'u16' ? 2 : 4;
    const [buffer, from] = at % width === 0 ? [bytes.buffer, at] : [bytes.buffer.slice(at, at + s.bytes), 0];
    if (s.bytes % width !== 0) throw indexError('sectionsDisagree');
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
    throw indexError('truncated');
  }
  if (blocksAt + blocksLength !== source.size) throw indexError('sectionsDisagree');
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
    throw indexError('sectionsDisagree');
  }
  const paragraphStarts = new Uint32Array(originalCount + 1);
  const owner = new Uint32Array(count);
  for (let o = 0; o < originalCount; o++) {
    const first = paragraphStarts[o]!;
    const end = first + paragraphCounts[o]!;
    if (end > count) throw indexError('sectionsDisagree');
    owner.fill(o, first, end);
    paragraphStarts[o + 1] = end;
  }
  if (paragraphStarts[originalCount] !== count) throw indexError('sectionsDisagree');
  return new LoadedIndex({
    source,
    originalCount,
    perBlock,
    paragraphStarts,
    owner,
    wordCounts,
    content,
    idHashes,
    blocksAt,
    blockOffsets,
    blockSizes,
    blockChecksums,
    dictionary,
  });
}

/**
 * A loaded index: its tables in memory, its originals' blocks read, checked and decoded
 * the first time a page needs one of them, and kept (up to DECODED_BLOCKS_KEPT).
 */
class LoadedIndex implements CorpusIndex {
  readonly originalCount: number;
  readonly paragraphStarts: Uint32Array;
  readonly owner: Uint32Array;
  readonly wordCounts: Uint16Array;
  readonly content: Uint8Array;
  readonly contentLsh: CorpusIndex['contentLsh'];
  readonly #tables: Tables;
  readonly #decoded = new Map<number, DecodedBlock>();

  constructor(tables: Tables) {
    this.#tables = tables;
    this.originalCount = tables.originalCount;
    this.paragraphStarts = tables.paragraphStarts;
    this.owner = tables.owner;
    this.wordCounts = tables.wordCounts;
    this.content = tables.content;
    this.contentLsh = contentLshIndex(tables.content, tables.owner.length);
  }

  readonly originalOf = (o: number): IndexedOriginal => {
    const { block, at } = this.#blockOf(o);
    const [id, title, author, publisher, url, published, license, endMark] = block.metas[at]!;
    const { paragraphStarts } = this;
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
  };

  readonly findOriginal = (id: string): number => {
    const { idHashes, perBlock } = this.#tables;
    const hash = hashString(id);
    for (let o = idHashes.indexOf(hash); o >= 0; o = idHashes.indexOf(hash, o + 1)) {
      if (this.#blockOf(o).block.metas[o % perBlock]![0] === id) return o;
    }
    return -1;
  };

  readonly keptParagraphsOf = (o: number): readonly KeptParagraph[] => {
    const { block, at } = this.#blockOf(o);
    return block.records[at]!;
  };

  readonly sketchesOf = (o: number): readonly ParagraphSketch[] => {
    const { block, at } = this.#blockOf(o);
    return block.sketchesAt(at);
  };

  /** Original o's block, decoded (a damaged block throws), and o's place in it. */
  #blockOf(o: number): { block: DecodedBlock; at: number } {
    const { source, originalCount, perBlock, paragraphStarts, blocksAt, blockOffsets, blockSizes, blockChecksums } =
      this.#tables;
    if (!(o >= 0 && o < originalCount)) throw new RangeError(`no original ${o} in this index`);
    const b = Math.floor(o / perBlock);
    let block = this.#decoded.get(b);
    if (!block) {
      if (this.#decoded.size >= DECODED_BLOCKS_KEPT) this.#decoded.clear();
      const first = b * perBlock;
      const end = Math.min(first + perBlock, originalCount);
      if (!(blockOffsets[b]! <= blockOffsets[b + 1]!)) throw indexError('corruptBlock');
      const stored = source.read(blocksAt + blockOffsets[b]!, blocksAt + blockOffsets[b + 1]!);
      if (checksumBytes(stored) !== blockChecksums[b]) throw indexError('corruptBlock');
      block = decodeBlock(stored, blockSizes[b]!, paragraphStarts.subarray(first, end + 1), this.#tables.dictionary);
      this.#decoded.set(b, block);
    }
    return { block, at: o - b * perBlock };
  }
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
  for (let o = 0; o < index.originalCount; o++) index.keptParagraphsOf(o);
  return index;
}
