import { deflateSync, inflateSync } from 'fflate';
import { checksumBytes } from '../fingerprint/hash';
import {
  CONTENT_BANDS,
  CONTENT_PERMUTATIONS,
  CONTENT_ROWS,
  FINGERPRINT_VERSION,
  LEXICAL_BANDS,
  LEXICAL_PERMUTATIONS,
  LEXICAL_ROWS,
  SHINGLE_WORDS,
  SIGNATURE_BITS,
  CONTENT_SIGNATURE_BITS,
  TERM_BITS,
} from '../fingerprint/params';
import type { CorpusIndex, IndexedOriginal, ParagraphRecord } from './corpus-index';
import { buildLshTable } from './lsh';
import { CorpusError, type OriginalMeta } from './records';

// The index file (format 2), built for size: a 24-byte preamble (magic, format
// version, header length, checksum of everything after the preamble), a deflated JSON
// header (fingerprint settings, build date, originals' metadata, section table), then
// byte sections, each 4-byte aligned:
//   lexical            wording MinHash, two bytes a value (b-bit, SIGNATURE_BITS)
//   content            content MinHash for the LSH table, one byte a value
//   termCounts, terms  16-bit content-term hashes, per paragraph
//   shingleCounts, wordCounts, paragraphCounts
//   recordOffsets, records   one deflated block per original: its paragraphs' snippets,
//                            decoded only for the originals a page matched.
// The LSH tables are not stored: they are rebuilt from the signatures at load (a radix
// sort), which costs less than the bytes they would take (README, "The corpus and its index").

export const INDEX_FORMAT_VERSION = 2;
/** The first eight bytes of every index file. */
export const INDEX_MAGIC = 'RRADARIX';
const PREAMBLE = 24;
/** A header larger than this is not one we wrote (a damaged length field). */
const MAX_HEADER_BYTES = 256 * 1024 * 1024;

const FINGERPRINT = {
  version: FINGERPRINT_VERSION,
  shingleWords: SHINGLE_WORDS,
  lexicalPermutations: LEXICAL_PERMUTATIONS,
  contentPermutations: CONTENT_PERMUTATIONS,
  lexicalBands: LEXICAL_BANDS,
  lexicalRows: LEXICAL_ROWS,
  contentBands: CONTENT_BANDS,
  contentRows: CONTENT_ROWS,
  signatureBits: SIGNATURE_BITS,
  contentSignatureBits: CONTENT_SIGNATURE_BITS,
  termBits: TERM_BITS,
};

const SECTIONS = [
  'lexical',
  'content',
  'termCounts',
  'terms',
  'shingleCounts',
  'wordCounts',
  'paragraphCounts',
  'recordOffsets',
  'records',
] as const;
type SectionName = (typeof SECTIONS)[number];
type Section = Uint8Array | Uint16Array | Uint32Array;
const SECTION_TYPES: Record<SectionName, 'u8' | 'u16' | 'u32'> = {
  lexical: 'u16',
  content: 'u8',
  termCounts: 'u16',
  terms: 'u16',
  shingleCounts: 'u16',
  wordCounts: 'u16',
  paragraphCounts: 'u32',
  recordOffsets: 'u32',
  records: 'u8',
};

interface Header {
  format: 'repost-radar-index';
  fingerprint: typeof FINGERPRINT;
  /** When the index was built (ISO date): `corpus info` shows it. */
  built: string;
  paragraphs: number;
  originals: OriginalMeta[];
  sections: Record<SectionName, { offset: number; bytes: number }>;
}

/** A paragraph record as stored: an array is a third the size of an object in JSON. */
type StoredRecord = [snippet: string, tail: string, names: string[], contractions: number, sentences: number, text?: string];

export interface SerializeOptions {
  /** The build date to record (default: today, UTC). */
  readonly built?: string;
}

const align4 = (n: number): number => (n + 3) & ~3;
const clamp16 = (values: ArrayLike<number>): Uint16Array => Uint16Array.from(values, (v) => Math.min(v, 0xffff));

function recordBlock(records: readonly ParagraphRecord[]): Uint8Array {
  const stored = records.map(
    (r): StoredRecord =>
      r.text === undefined
        ? [r.snippet, r.tail, [...r.names], r.contractions, r.sentences]
        : [r.snippet, r.tail, [...r.names], r.contractions, r.sentences, r.text],
  );
  return deflateSync(new TextEncoder().encode(JSON.stringify(stored)), { level: 9 });
}

function encodeSections(index: CorpusIndex): Record<SectionName, Section> {
  const count = index.owner.length;
  const blocks = index.originals.map((_, o) => recordBlock(index.recordsOf(o)));
  const recordOffsets = new Uint32Array(blocks.length + 1);
  blocks.forEach((b, o) => (recordOffsets[o + 1] = recordOffsets[o]! + b.length));
  const records = new Uint8Array(recordOffsets[blocks.length]!);
  blocks.forEach((b, o) => records.set(b, recordOffsets[o]));
  return {
    lexical: index.lexical,
    content: Uint8Array.from(index.content),
    termCounts: clamp16(Array.from({ length: count }, (_, p) => index.termOffsets[p + 1]! - index.termOffsets[p]!)),
    terms: Uint16Array.from(index.terms),
    shingleCounts: clamp16(index.shingleCounts),
    wordCounts: clamp16(index.wordCounts),
    paragraphCounts: Uint32Array.from(index.originals, (o) => o.paragraphCount),
    recordOffsets,
    records,
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
  if (headerLength > MAX_HEADER_BYTES || PREAMBLE + headerLength > bytes.length) {
    throw new CorpusError('corpus index is truncated');
  }
  if (checksumBytes(bytes.subarray(PREAMBLE)) !== view.getUint32(16, true)) {
    throw new CorpusError(`corpus index is corrupt (checksum mismatch): ${REBUILD}`);
  }
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(inflateSync(bytes.subarray(PREAMBLE, PREAMBLE + headerLength)))) as Header;
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
export function summarizeIndex(bytes: Uint8Array): IndexSummary {
  const header = readHeader(bytes);
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
export function deserializeIndex(bytes: Uint8Array): CorpusIndex {
  const header = readHeader(bytes);
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
  const paragraphCounts = section('paragraphCounts');
  const termCounts = section('termCounts');
  const lexical = section('lexical') as Uint16Array;
  const content = widen(new Uint16Array(count * CONTENT_PERMUTATIONS), section('content'));
  const recordOffsets = section('recordOffsets');
  const records = section('records') as Uint8Array;
  if (
    paragraphCounts.length !== header.originals.length ||
    termCounts.length !== count ||
    lexical.length !== count * LEXICAL_PERMUTATIONS ||
    content.length !== count * CONTENT_PERMUTATIONS ||
    recordOffsets.length !== header.originals.length + 1
  ) {
    throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
  }
  const originals: IndexedOriginal[] = [];
  const owner = new Uint32Array(count);
  let first = 0;
  header.originals.forEach((meta, o) => {
    const paragraphCount = paragraphCounts[o]!;
    originals.push({ ...meta, firstParagraph: first, paragraphCount });
    owner.fill(o, first, first + paragraphCount);
    first += paragraphCount;
  });
  const termOffsets = new Uint32Array(count + 1);
  for (let p = 0; p < count; p++) termOffsets[p + 1] = termOffsets[p]! + termCounts[p]!;
  if (first !== count || termOffsets[count] !== section('terms').length) {
    throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
  }
  const decoded = new Map<number, readonly ParagraphRecord[]>();
  const recordsOf = (o: number): readonly ParagraphRecord[] => {
    let found = decoded.get(o);
    if (!found) {
      found = decodeRecords(records.subarray(recordOffsets[o], recordOffsets[o + 1]));
      decoded.set(o, found);
    }
    return found;
  };
  return {
    originals,
    recordsOf,
    owner,
    lexical,
    content,
    termOffsets,
    terms: widen(new Uint32Array(termOffsets[count]!), section('terms')),
    shingleCounts: widen(new Uint32Array(count), section('shingleCounts')),
    wordCounts: widen(new Uint32Array(count), section('wordCounts')),
    lexicalLsh: buildLshTable(lexical, LEXICAL_PERMUTATIONS, count, LEXICAL_BANDS, LEXICAL_ROWS, SIGNATURE_BITS),
    contentLsh: buildLshTable(content, CONTENT_PERMUTATIONS, count, CONTENT_BANDS, CONTENT_ROWS, CONTENT_SIGNATURE_BITS),
  };
}

/** Copies narrower values into a wider array (natively: TypedArray.from would iterate in JavaScript). */
function widen<T extends Uint16Array | Uint32Array>(into: T, from: Section): T {
  if (from.length !== into.length) throw new CorpusError(`corpus index sections do not agree: ${REBUILD}`);
  into.set(from);
  return into;
}

function decodeRecords(block: Uint8Array): readonly ParagraphRecord[] {
  let stored: StoredRecord[];
  try {
    stored = JSON.parse(new TextDecoder().decode(inflateSync(block))) as StoredRecord[];
  } catch {
    throw new CorpusError(`corpus index is corrupt (a snippet block is unreadable): ${REBUILD}`);
  }
  return stored.map(([snippet, tail, names, contractions, sentences, text]) => ({
    snippet,
    tail,
    names,
    contractions,
    sentences,
    ...(text === undefined ? {} : { text }),
  }));
}
