import { distinctSorted, shingleSet, termSet } from '../fingerprint/fingerprint';
import { hashString } from '../fingerprint/hash';
import { SHINGLE_WORDS } from '../fingerprint/params';
import { sampleAt } from '../fingerprint/wording';
import { tokenize } from '../text/tokens';
import type { KeptParagraph, ParagraphSketch } from './corpus-index';

// An index file keeps each paragraph's opening sentence, last words and names for
// evidence. Their shingles and content terms are part of the paragraph's sketch, so
// the file stores only the rest of the sketch, and a reader recomputes the part the
// kept text holds (docs/index-format.md). The split is exact whatever
// the text: what the kept text would add that the sketch lacks is stored too, as
// exclusions, so a sketch always reads back as it was written.

/** The stored form of one paragraph's sketch, beside its record. */
export interface StoredSketch {
  readonly level: number;
  readonly shingleCount: number;
  /** Wording values and terms the record's text does not give. */
  readonly wording: Uint16Array;
  readonly terms: Uint32Array;
  /** Values and terms the record's text gives that the sketch does not have (almost always none). */
  readonly notWording: Uint16Array;
  readonly notTerms: Uint32Array;
}

/** Runs of the paragraph's own words that a record keeps. */
function keptRuns(record: KeptParagraph): string[][] {
  if (record.text !== undefined) return [tokenize(record.text)];
  const lead = tokenize(record.snippet);
  // A snippet clipped at 200 characters may end in part of a word.
  if (record.snippet.endsWith('\u2026')) lead.pop();
  return [lead, tokenize(record.tail)];
}

/** The wording values and terms a record's kept text gives at a sampling level. */
function sketchFromRecord(record: KeptParagraph, level: number): { wording: Uint16Array; terms: Uint32Array } {
  const runs = keptRuns(record);
  const wording: number[] = [];
  const words: string[] = [];
  for (const run of runs) {
    for (const word of run) words.push(word);
    // A run shorter than a shingle hashes as one shingle the paragraph need not have.
    if (run.length < SHINGLE_WORDS) continue;
    for (const value of sampleAt(shingleSet(run.map(hashString)), level)) wording.push(value);
  }
  // Terms are per word, so one set over all runs and the names is the union of theirs.
  if (record.names.length > 0) for (const word of tokenize(record.names.join(' '))) words.push(word);
  return { wording: Uint16Array.from(distinctSorted(wording)), terms: termSet(words) };
}

/** Values of sorted, distinct `a` not in sorted, distinct `b`. */
function minus<T extends Uint16Array | Uint32Array>(a: T, b: ArrayLike<number>, make: (n: number) => T): T {
  const out = make(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    while (j < b.length && b[j]! < a[i]!) j++;
    if (j >= b.length || b[j] !== a[i]) out[n++] = a[i]!;
  }
  return out.subarray(0, n) as T;
}

/** Sorted, distinct union of two sorted, distinct lists. */
function union<T extends Uint16Array | Uint32Array>(a: T, b: T, make: (n: number) => T): T {
  const out = make(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) out[n++] = a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) out[n++] = b[j++]!;
    else {
      out[n++] = a[i++]!;
      j++;
    }
  }
  return out.subarray(0, n) as T;
}

const u16 = (n: number): Uint16Array => new Uint16Array(n);
const u32 = (n: number): Uint32Array => new Uint32Array(n);

/** What a file stores of a sketch, given the record stored beside it. */
export function storedSketch(sketch: ParagraphSketch, record: KeptParagraph): StoredSketch {
  const { level, values, shingleCount } = sketch.wording;
  const given = sketchFromRecord(record, level);
  return {
    level,
    shingleCount,
    wording: minus(values, given.wording, u16),
    terms: minus(sketch.terms, given.terms, u32),
    notWording: minus(given.wording, values, u16),
    notTerms: minus(given.terms, sketch.terms, u32),
  };
}

/** The sketch a stored one and its record stand for: the inverse of storedSketch. */
export function joinSketch(stored: StoredSketch, record: KeptParagraph): ParagraphSketch {
  const given = sketchFromRecord(record, stored.level);
  const wording = stored.notWording.length > 0 ? minus(given.wording, stored.notWording, u16) : given.wording;
  const terms = stored.notTerms.length > 0 ? minus(given.terms, stored.notTerms, u32) : given.terms;
  return {
    wording: {
      level: stored.level,
      values: union(stored.wording, wording, u16).slice(),
      shingleCount: stored.shingleCount,
    },
    terms: union(stored.terms, terms, u32).slice(),
  };
}
