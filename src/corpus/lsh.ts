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

function checkShape(bands: number, rows: number, bits: number): void {
  if (bands > 256 || rows * bits > 24) throw new Error(`LSH bands of ${rows}×${bits} bits do not fit a 32-bit key`);
}

/** The band keys of one signature (full or stored: only the low bits count). */
export function bandKeys(signature: ArrayLike<number>, bands: number, rows: number, bits: number): Uint32Array {
  checkShape(bands, rows, bits);
  const mask = (1 << bits) - 1;
  const keys = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) {
    let key = b;
    for (let r = 0; r < rows; r++) key = (key << bits) | (signature[b * rows + r]! & mask);
    keys[b] = key << (24 - rows * bits);
  }
  return keys;
}

/**
 * Builds the table for `count` signatures of `width` values laid end to end. One band
 * at a time: its keys are already in band order, and sorting a band's values (a radix
 * sort on two 12-bit digits, a few hundred kilobytes at a time) stays in the processor's
 * caches. This is most of an index's load time.
 */
export function buildLshTable(
  signatures: Uint8Array | Uint16Array,
  width: number,
  count: number,
  bands: number,
  rows: number,
  bits: number,
): LshTable {
  checkShape(bands, rows, bits);
  const mask = (1 << bits) - 1;
  const shift = 24 - rows * bits;
  const keys = new Uint32Array(count * bands);
  const values = new Uint32Array(count * bands);
  const scratchKeys = new Uint32Array(count);
  const scratchValues = new Uint32Array(count);
  const counts = new Uint32Array(4097);
  for (let b = 0; b < bands; b++) {
    for (let p = 0; p < count; p++) {
      let key = 0;
      const at = p * width + b * rows;
      for (let r = 0; r < rows; r++) key = (key << bits) | (signatures[at + r]! & mask);
      scratchKeys[p] = key << shift;
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

/** Ids of every stored signature sharing at least one band with `signature`. */
export function queryLsh(table: LshTable, signature: ArrayLike<number>, into: Set<number>): void {
  for (const key of bandKeys(signature, table.bands, table.rows, table.bits)) {
    for (const id of lookupBand(table, key)) into.add(id);
  }
}
