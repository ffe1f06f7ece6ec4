// A bucket this full says nothing (boilerplate shared by many originals, such as
// "Follow us"): skip it rather than verify dozens of candidates.
const MAX_BUCKET = 64;

/**
 * Locality-sensitive hashing over paragraph signatures, stored as two parallel typed
 * arrays sorted by band key. Unlike the `minhash` package's LshIndex (string keys in
 * an object, which throws on a band it never saw) a lookup is a binary search that
 * simply finds nothing. A band's key is its values packed beside the band's number
 * (3 rows of 8 bits and 8 bits of band), so there is nothing to hash and no collision.
 */
export interface LshTable {
  readonly bands: number;
  readonly rows: number;
  /** Low bits of each value that the band keys use (the stored signatures' width). */
  readonly bits: number;
  readonly keys: Uint32Array;
  readonly values: Uint32Array;
}

/**
 * Signatures laid end to end, `width` values each, of which the first `bands × rows`
 * make the bands; only the low `bits` of each value count.
 */
export interface StoredSignatures {
  readonly signatures: Uint8Array | Uint16Array;
  readonly width: number;
  readonly count: number;
  readonly bands: number;
  readonly rows: number;
  readonly bits: number;
}

function checkShape(bands: number, rows: number, bits: number): void {
  if (bands > 256 || rows * bits > 24) throw new Error(`LSH bands of ${rows}×${bits} bits do not fit a 32-bit key`);
}

/** A band's value: its `rows` values from `at`, low `bits` of each, packed into the key's low 24 bits. */
function bandValue(values: ArrayLike<number>, at: number, rows: number, bits: number): number {
  const mask = (1 << bits) - 1;
  let value = 0;
  for (let r = 0; r < rows; r++) value = (value << bits) | (values[at + r]! & mask);
  return value << (24 - rows * bits);
}

/** The band keys of one signature (full or stored: only the low bits count). */
export function bandKeys(signature: ArrayLike<number>, bands: number, rows: number, bits: number): Uint32Array {
  checkShape(bands, rows, bits);
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) keys[b] = ((b << 24) | bandValue(signature, b * rows, rows, bits)) >>> 0;
  return keys;
}

/**
 * Builds the table for stored signatures. One band at a time: its keys are already in band order, and sorting a band's values (a radix
 * sort on two 12-bit digits, a few hundred kilobytes at a time) stays in the processor's
 * caches. It is built at a loaded index's fifth check (LshIndex).
 */
export function buildLshTable(stored: StoredSignatures): LshTable {
  const { signatures, width, count, bands, rows, bits } = stored;
  checkShape(bands, rows, bits);
  const keys = new Uint32Array(count * bands);
  const values = new Uint32Array(count * bands);
  const scratchKeys = new Uint32Array(count);
  const scratchValues = new Uint32Array(count);
  const counts = new Uint32Array(4097);
  for (let b = 0; b < bands; b++) {
    for (let p = 0; p < count; p++) {
      scratchKeys[p] = bandValue(signatures, p * width + b * rows, rows, bits);
      scratchValues[p] = p;
    }
    const bandKeys = keys.subarray(b * count, (b + 1) * count);
    const bandValues = values.subarray(b * count, (b + 1) * count);
    countingPass(scratchKeys, scratchValues, bandKeys, bandValues, 0, counts);
    countingPass(bandKeys, bandValues, scratchKeys, scratchValues, 12, counts);
    const band = b << 24;
    for (let i = 0; i < count; i++) {
      bandKeys[i] = (band | scratchKeys[i]!) >>> 0;
      bandValues[i] = scratchValues[i]!;
    }
  }
  return { bands, rows, bits, keys, values };
}

/** One stable counting-sort pass on the 12-bit digit at `shift` of 24-bit keys. */
function countingPass(
  fromKeys: Uint32Array,
  fromValues: Uint32Array,
  toKeys: Uint32Array,
  toValues: Uint32Array,
  shift: number,
  counts: Uint32Array,
): void {
  counts.fill(0);
  for (let i = 0; i < fromKeys.length; i++) counts[((fromKeys[i]! >>> shift) & 0xfff) + 1]!++;
  for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
  for (let i = 0; i < fromKeys.length; i++) {
    const slot = counts[(fromKeys[i]! >>> shift) & 0xfff]!++;
    toKeys[slot] = fromKeys[i]!;
    toValues[slot] = fromValues[i]!;
  }
}

/** Ids stored under one band key; empty when the key was never seen. */
export function lookupBand(table: LshTable, key: number): Uint32Array {
  const { keys } = table;
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  while (end < keys.length && keys[end] === key) end++;
  if (end - lo > MAX_BUCKET) return new Uint32Array(0);
  return table.values.subarray(lo, end);
}

/**
 * Candidate lookups over stored signatures. The first queries scan the stored band keys
 * in place; after SCANS_BEFORE_TABLE of them the sorted table is built, which then
 * answers in microseconds. Building costs about five scans (measured: 40 ms against
 * 8 ms for the bundled index, 163 against 30 at 10,000 originals), so, as when renting
 * skis until the rent paid would have bought them, no run of checks pays more than
 * twice the best choice in hindsight, and the usual run (one check on the command line,
 * a few while a browser's service worker lives) never builds the table. Both ways give
 * the same ids.
 */
export interface LshIndex {
  /**
   * For each signature, the stored signatures sharing at least one band with it: id →
   * how many bands they share (a copy shares all, a lightly edited paragraph most).
   */
  readonly query: (signatures: readonly ArrayLike<number>[]) => Map<number, number>[];
}

/** Queries answered by scanning before the table is built (see LshIndex). */
export const SCANS_BEFORE_TABLE = 4;

export function lshIndex(stored: StoredSignatures): LshIndex {
  const { bands, rows, bits } = stored;
  checkShape(bands, rows, bits);
  let table: LshTable | null = null;
  let queries = 0;
  return {
    query: (signatureList) => {
      const keys = signatureList.map((signature) => bandKeys(signature, bands, rows, bits));
      if (queries++ < SCANS_BEFORE_TABLE) return scanBands(stored, keys);
      table ??= buildLshTable(stored);
      return keys.map((own) => {
        const into = new Map<number, number>();
        for (const key of own) for (const id of lookupBand(table!, key)) into.set(id, (into.get(id) ?? 0) + 1);
        return into;
      });
    },
  };
}

/**
 * The table's answer without the table: one pass over the stored signatures. Each band
 * key's top 16 bits are tested against a bitmap of the queried keys' (8 KB, so it stays
 * in the processor's fastest cache; a 2 MB bitmap of whole keys made the scan twice as
 * slow); the rare key that passes is looked up whole, band included.
 */
function scanBands(stored: StoredSignatures, queryKeys: readonly Uint32Array[]): Map<number, number>[] {
  const { signatures, width, count, bands, rows, bits } = stored;
  const results = queryKeys.map(() => new Map<number, number>());
  if (queryKeys.length === 0) return results;
  const askedBy = new Map<number, number[]>(); // whole key (band and value) → queries
  const wanted = new Uint8Array(1 << 13);
  queryKeys.forEach((keys, q) => {
    for (const key of keys) {
      const top = (key >>> 8) & 0xffff;
      wanted[top >>> 3]! |= 1 << (top & 7);
      const askers = askedBy.get(key);
      if (askers) askers.push(q);
      else askedBy.set(key, [q]);
    }
  });
  const found = new Map<number, number[]>();
  const note = (key: number, p: number): void => {
    if (!askedBy.has(key)) return;
    const ids = found.get(key);
    if (ids) ids.push(p);
    else found.set(key, [p]);
  };
  if (rows === 3 && bits === 8 && signatures instanceof Uint8Array) {
    // The shipped shape (three one-byte rows a band), spelled out: this loop is most of
    // a single check's lookup, and a cold start runs it before the optimiser has.
    for (let p = 0, at = 0; p < count; p++, at += width - bands * 3) {
      for (let b = 0; b < bands; b++, at += 3) {
        const top = (signatures[at]! << 8) | signatures[at + 1]!;
        if ((wanted[top >>> 3]! & (1 << (top & 7))) !== 0)
          note(((b << 24) | (top << 8) | signatures[at + 2]!) >>> 0, p);
      }
    }
  } else {
    for (let p = 0; p < count; p++) {
      for (let b = 0; b < bands; b++) {
        const value = bandValue(signatures, p * width + b * rows, rows, bits);
        const top = value >>> 8;
        if ((wanted[top >>> 3]! & (1 << (top & 7))) !== 0) note(((b << 24) | value) >>> 0, p);
      }
    }
  }
  for (const [key, ids] of found) {
    if (ids.length > MAX_BUCKET) continue;
    for (const q of askedBy.get(key)!) {
      const into = results[q]!;
      for (const id of ids) into.set(id, (into.get(id) ?? 0) + 1);
    }
  }
  return results;
}
