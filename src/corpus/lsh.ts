import { combine } from '../fingerprint/hash';
// A bucket this full says nothing (boilerplate shared by many originals, such as
// "Follow us"): skip it rather than verify dozens of candidates.
const MAX_BUCKET = 64;

/**
 * Locality-sensitive hashing over paragraph signatures, stored as two parallel typed
 * arrays sorted by band key. Unlike the `minhash` package's LshIndex (string keys in
 * an object, which throws on a band it never saw) a lookup is a binary search that
 * simply finds nothing, and the table loads from the index file without rebuilding.
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
 * Whether a band's values fit in a key as they are, beside the band's number (8 bits):
 * then the key is the values packed, with nothing to hash (3 rows of 8 bits).
 */
const packs = (bands: number, rows: number, bits: number): boolean => bands <= 256 && rows * bits <= 24;

/** The band keys of one signature (full or stored: only the low bits count). */
export function bandKeys(signature: ArrayLike<number>, bands: number, rows: number, bits: number): Uint32Array {
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  const keys = new Uint32Array(bands);
  const packed = packs(bands, rows, bits);
  for (let b = 0; b < bands; b++) {
    if (packed) {
      let key = b;
      for (let r = 0; r < rows; r++) key = (key << bits) | (signature[b * rows + r]! & mask);
      keys[b] = key >>> 0;
      continue;
    }
    let h = combine(0x1b873593, b);
    for (let r = 0; r < rows; r++) h = combine(h, (signature[b * rows + r]! & mask) >>> 0);
    keys[b] = h;
  }
  return keys;
}

/** Builds the table for `count` signatures of `width` values laid end to end. */
export function buildLshTable(
  signatures: Uint8Array | Uint16Array,
  width: number,
  count: number,
  bands: number,
  rows: number,
  bits: number,
): LshTable {
  const keys = new Uint32Array(count * bands);
  const values = new Uint32Array(count * bands);
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  const packed = packs(bands, rows, bits);
  // bandKeys, inlined without an array per paragraph: this loop is most of an index's load time.
  for (let p = 0, k = 0; p < count; p++) {
    const base = p * width;
    for (let b = 0; b < bands; b++, k++) {
      if (packed) {
        let key = b;
        for (let r = 0; r < rows; r++) key = (key << bits) | (signatures[base + b * rows + r]! & mask);
        keys[k] = key >>> 0;
      } else {
        let h = combine(0x1b873593, b);
        for (let r = 0; r < rows; r++) h = combine(h, (signatures[base + b * rows + r]! & mask) >>> 0);
        keys[k] = h;
      }
      values[k] = p;
    }
  }
  radixSortPairs(keys, values);
  return { bands, rows, bits, keys, values };
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

/** Least-significant-digit radix sort of keys (two 16-bit passes), carrying values. */
function radixSortPairs(keys: Uint32Array, values: Uint32Array): void {
  let srcK: Uint32Array = keys;
  let srcV: Uint32Array = values;
  let dstK: Uint32Array = new Uint32Array(keys.length);
  let dstV: Uint32Array = new Uint32Array(values.length);
  for (const shift of [0, 16]) {
    const counts = new Uint32Array(65537);
    for (let i = 0; i < srcK.length; i++) counts[((srcK[i]! >>> shift) & 0xffff) + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    for (let i = 0; i < srcK.length; i++) {
      const slot = counts[(srcK[i]! >>> shift) & 0xffff]!++;
      dstK[slot] = srcK[i]!;
      dstV[slot] = srcV[i]!;
    }
    [srcK, dstK] = [dstK, srcK];
    [srcV, dstV] = [dstV, srcV];
  }
  // After two passes the sorted data is back in the arrays we were given.
}
