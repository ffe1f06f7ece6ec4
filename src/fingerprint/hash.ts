// 32-bit integer hashing with Math.imul and shifts only, so every engine (V8 at build
// time, SpiderMonkey in Firefox) computes the same bits. Floating point never enters.

/** MurmurHash3's finaliser: a bijection on 32-bit integers with full avalanche. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a over UTF-16 code units, finalised with mix32. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/** Order-sensitive combination of two hashes (for shingles and LSH bands). */
export function combine(h: number, next: number): number {
  return mix32((Math.imul(h, 0x9e3779b1) + next) | 0);
}

/**
 * The index file's checksum: FNV-1a's step over 32-bit little-endian words (then the
 * last bytes one by one), four times fewer steps than over bytes: a 20 MB index is
 * checked in a few milliseconds.
 */
export function checksumBytes(bytes: Uint8Array): number {
  // A copy where unaligned (a fresh Uint8Array: a Node Buffer's slice() is a view, not a copy).
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.length >>> 2);
  let h = 0x811c9dc5;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i]!, 0x01000193);
  for (let i = words.length * 4; i < aligned.length; i++) h = Math.imul(h ^ aligned[i]!, 0x01000193);
  return mix32(h);
}
