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
} from '../fingerprint/params';
import type { CorpusIndex, IndexedOriginal, ParagraphRecord } from './corpus-index';
import { CorpusError } from './records';

// The index file: an 8-byte magic, a format version, the header's length and a
// checksum of everything after the 24-byte preamble, then a JSON header (metadata,
// snippets, section table) and the typed arrays, each 4-byte aligned. Typed arrays
// load as views on the file's bytes: no parsing, no rebuilding of the LSH tables.

export const INDEX_FORMAT_VERSION = 1;
const MAGIC = 'RRADARIX';
const PREAMBLE = 24;

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
};

const SECTIONS = [
  'owner',
  'lexical',
  'termOffsets',
  'terms',
  'shingleCounts',
  'wordCounts',
  'lexicalLshKeys',
  'lexicalLshValues',
  'contentLshKeys',
  'contentLshValues',
] as const;
type SectionName = (typeof SECTIONS)[number];

interface Header {
  format: 'repost-radar-index';
  fingerprint: typeof FINGERPRINT;
  originals: IndexedOriginal[];
  paragraphs: ParagraphRecord[];
  sections: Record<SectionName, { offset: number; bytes: number; type: 'u16' | 'u32' }>;
}

function sectionArrays(index: CorpusIndex): Record<SectionName, Uint16Array | Uint32Array> {
  return {
    owner: index.owner,
    lexical: index.lexical,
    termOffsets: index.termOffsets,
    terms: index.terms,
    shingleCounts: index.shingleCounts,
    wordCounts: index.wordCounts,
    lexicalLshKeys: index.lexicalLsh.keys,
    lexicalLshValues: index.lexicalLsh.values,
    contentLshKeys: index.contentLsh.keys,
    contentLshValues: index.contentLsh.values,
  };
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Serialises an index. The same corpus always gives the same bytes. */
export function serializeIndex(index: CorpusIndex): Uint8Array {
  const arrays = sectionArrays(index);
  let offset = 0;
  const sections = {} as Header['sections'];
  for (const name of SECTIONS) {
    const array = arrays[name];
    sections[name] = { offset, bytes: array.byteLength, type: array instanceof Uint16Array ? 'u16' : 'u32' };
    offset = align4(offset + array.byteLength);
  }
  const header: Header = {
    format: 'repost-radar-index',
    fingerprint: FINGERPRINT,
    originals: [...index.originals],
    paragraphs: [...index.paragraphs],
    sections,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = align4(headerBytes.length);
  const out = new Uint8Array(PREAMBLE + headerLength + offset);
  out.set(headerBytes, PREAMBLE);
  // Pad the header with spaces, which JSON.parse ignores.
  out.fill(0x20, PREAMBLE + headerBytes.length, PREAMBLE + headerLength);
  const payloadStart = PREAMBLE + headerLength;
  for (const name of SECTIONS) {
    const array = arrays[name];
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), payloadStart + sections[name].offset);
  }
  const view = new DataView(out.buffer);
  for (let i = 0; i < MAGIC.length; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(8, INDEX_FORMAT_VERSION, true);
  view.setUint32(12, headerLength, true);
  view.setUint32(16, checksumBytes(out.subarray(PREAMBLE)), true);
  return out;
}

const REBUILD = 'rebuild it with `repost-radar corpus build`';

/** Loads an index, refusing anything corrupt, truncated or made by another format. */
export function deserializeIndex(bytes: Uint8Array): CorpusIndex {
  if (bytes.length < PREAMBLE || String.fromCharCode(...bytes.subarray(0, 8)) !== MAGIC) {
    throw new CorpusError('not a Repost Radar corpus index');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== INDEX_FORMAT_VERSION) {
    throw new CorpusError(
      `corpus index format ${version} is not the format this version reads (${INDEX_FORMAT_VERSION}): ${REBUILD}`,
    );
  }
  const headerLength = view.getUint32(12, true);
  if (PREAMBLE + headerLength > bytes.length) throw new CorpusError('corpus index is truncated');
  if (checksumBytes(bytes.subarray(PREAMBLE)) !== view.getUint32(16, true)) {
    throw new CorpusError(`corpus index is corrupt (checksum mismatch): ${REBUILD}`);
  }
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
  } catch {
    throw new CorpusError(`corpus index header is unreadable: ${REBUILD}`);
  }
  if (header.format !== 'repost-radar-index') throw new CorpusError('not a Repost Radar corpus index');
  if (JSON.stringify(header.fingerprint) !== JSON.stringify(FINGERPRINT)) {
    throw new CorpusError(`corpus index was built with other fingerprint settings: ${REBUILD}`);
  }
  // Copy the payload into a buffer of its own, so typed array views start aligned at 0
  // whatever the input's offset (a Node Buffer is often a view into a shared pool).
  const payload = new Uint8Array(bytes.subarray(PREAMBLE + headerLength));
  const section = (name: SectionName): Uint16Array | Uint32Array => {
    const s = header.sections[name];
    if (!s || s.offset + s.bytes > payload.length) throw new CorpusError('corpus index is truncated');
    return s.type === 'u16'
      ? new Uint16Array(payload.buffer, s.offset, s.bytes / 2)
      : new Uint32Array(payload.buffer, s.offset, s.bytes / 4);
  };
  const u32 = (name: SectionName): Uint32Array => section(name) as Uint32Array;
  const u16 = (name: SectionName): Uint16Array => section(name) as Uint16Array;
  return {
    originals: header.originals,
    paragraphs: header.paragraphs,
    owner: u32('owner'),
    lexical: u16('lexical'),
    termOffsets: u32('termOffsets'),
    terms: u32('terms'),
    shingleCounts: u32('shingleCounts'),
    wordCounts: u32('wordCounts'),
    lexicalLsh: { bands: LEXICAL_BANDS, rows: LEXICAL_ROWS, keys: u32('lexicalLshKeys'), values: u32('lexicalLshValues') },
    contentLsh: { bands: CONTENT_BANDS, rows: CONTENT_ROWS, keys: u32('contentLshKeys'), values: u32('contentLshValues') },
  };
}
