// One block of the index file: a group of ORIGINALS_PER_BLOCK originals, deflated with
// the corpus's dictionary. Its paragraphs' sketches and counts come first (binary), then
// its originals' metadata and snippets as JSON. Written by index-writer.ts, decoded by
// index-reader.ts for the originals a page is compared with.
import { strFromU8 } from 'fflate';
import { MAX_SAMPLING_LEVEL } from '../fingerprint/wording';
import { ByteReader, ByteWriter, inflateBounded } from './codec';
import type { CorpusIndex, KeptParagraph, ParagraphSketch } from './corpus-index';
import { indexError, MAX_INFLATED_BYTES, type StoredMeta, type StoredRecord } from './index-format';
import { joinSketch, storedSketch, type StoredSketch } from './sketch-remainder';

/** Set on a paragraph's level byte when exclusions follow its sketch (sketch-remainder.ts). */
const HAS_EXCLUSIONS = 0x80;

/** One block, before deflating: its paragraphs' sketches and counts, then its originals' metadata and snippets as JSON. */
export function encodeBlock(index: CorpusIndex, first: number, end: number): Uint8Array {
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
    index.keptParagraphsOf(o).forEach((r, j) => {
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

export interface DecodedBlock {
  readonly metas: readonly StoredMeta[];
  readonly records: (readonly KeptParagraph[])[];
  readonly sketchesAt: (at: number) => readonly ParagraphSketch[];
}

const isString = (x: unknown): x is string => typeof x === 'string';

const isStoredRecord = (x: unknown): x is StoredRecord =>
  Array.isArray(x) &&
  isString(x[0]) &&
  isString(x[1]) &&
  Array.isArray(x[2]) &&
  x[2].every(isString) &&
  (x[3] === undefined || isString(x[3]));

/** One block of `inflated` bytes once inflated; `starts` are its originals' first paragraphs and the end. */
export function decodeBlock(
  bytes: Uint8Array,
  inflated: number,
  starts: Uint32Array,
  dictionary: Uint8Array,
): DecodedBlock {
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
    throw indexError('corruptBlock');
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
    throw indexError('corruptBlock');
  }
  const records: KeptParagraph[][] = [];
  const storedSketches: StoredSketch[][] = [];
  let p = 0;
  for (let o = 0; o < originals; o++) {
    const ownRecords: KeptParagraph[] = [];
    const ownSketches: StoredSketch[] = [];
    for (let j = starts[o]!; j < starts[o + 1]!; j++, p++) {
      const shingleCount = reader.varint();
      const levelByte = reader.byte();
      const level = levelByte & ~HAS_EXCLUSIONS;
      if (level > MAX_SAMPLING_LEVEL) throw indexError('corruptBlock');
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
