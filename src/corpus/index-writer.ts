// Writes the index file (index-format.ts): deterministic, so that the same corpus and
// build date always give the same bytes (the bundled index is checked against a rebuild).
import { deflateSync } from 'fflate';
import { checksumBytes, hashString } from '../fingerprint/hash';
import type { CorpusIndex } from './corpus-index';
import { encodeBlock } from './index-block';
import {
  align4,
  FINGERPRINT,
  INDEX_FORMAT_VERSION,
  INDEX_MAGIC,
  MAX_INFLATED_BYTES,
  ORIGINALS_PER_BLOCK,
  PREAMBLE_BYTES,
  SECTIONS,
  type Header,
  type Section,
  type SectionName,
} from './index-format';
import { CorpusError } from './records';

/** The preset dictionary's size: deflate's window. */
const DICTIONARY_BYTES = 32 * 1024;

export interface SerializeOptions {
  /** The build date to record (default: today, UTC). */
  readonly built?: string;
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
    for (const text of [
      title,
      author,
      publisher,
      license ?? '',
      url.replace(/^(https?:\/\/[^/]+\/(?:[^/]+\/)?).*$/, '$1'),
    ]) {
      count(text);
    }
    for (const r of index.keptParagraphsOf(o))
      for (const text of [r.snippet, r.tail, ...r.names, r.text ?? '']) count(text);
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
  const out = new Uint8Array(PREAMBLE_BYTES + headerLength + sections.blocks.offset + sections.blocks.bytes);
  out.set(headerBytes, PREAMBLE_BYTES);
  const payloadStart = PREAMBLE_BYTES + headerLength;
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
  view.setUint32(24, checksumBytes(out.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + checked)), true);
  return out;
}
