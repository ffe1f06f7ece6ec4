import { Inflate, inflateSync } from 'fflate';
import { CorpusError } from './records';

// Byte and bit codings of the index's per-original blocks: unsigned varints for counts,
// and Rice codes for sorted sets of 16-bit hashes (gaps between neighbours), which take
// about 12 bits a value for a paragraph's terms instead of 16.

/** A growing byte buffer with varint and Rice-coded set writers. */
export class ByteWriter {
  private bytes = new Uint8Array(1024);
  private length = 0;
  private bitBuffer = 0;
  private bitCount = 0;

  private ensure(extra: number): void {
    if (this.length + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + extra));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }

  byte(value: number): void {
    this.ensure(1);
    this.bytes[this.length++] = value & 0xff;
  }

  varint(value: number): void {
    let v = value >>> 0;
    while (v >= 0x80) {
      this.byte((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.byte(v);
  }

  raw(data: Uint8Array): void {
    this.ensure(data.length);
    this.bytes.set(data, this.length);
    this.length += data.length;
  }

  private bits(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) {
      this.bitBuffer = (this.bitBuffer << 1) | ((value >>> i) & 1);
      if (++this.bitCount === 8) {
        this.byte(this.bitBuffer);
        this.bitBuffer = 0;
        this.bitCount = 0;
      }
    }
  }

  /** A sorted, distinct set of values below 2^16: its size, then Rice-coded gaps. */
  set16(values: ArrayLike<number>): void {
    this.varint(values.length);
    const k = riceParameter(values.length);
    let previous = -1;
    for (let i = 0; i < values.length; i++) {
      const gap = values[i]! - previous - 1;
      previous = values[i]!;
      for (let q = gap >>> k; q > 0; q--) this.bits(1, 1);
      this.bits(0, 1);
      this.bits(gap & ((1 << k) - 1), k);
    }
    // Pad to a byte so the next field starts on one.
    if (this.bitCount > 0) this.bits(0, 8 - this.bitCount);
  }

  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Reads what a ByteWriter wrote; throws CorpusError past the end. */
export class ByteReader {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}

  /** Bytes not read yet. */
  get remaining(): number {
    return this.bytes.length - this.at;
  }

  byte(): number {
    if (this.at >= this.bytes.length) throw new CorpusError('corpus index is corrupt (a block ends early)');
    return this.bytes[this.at++]!;
  }

  varint(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
    throw new CorpusError('corpus index is corrupt (a bad number)');
  }

  raw(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new CorpusError('corpus index is corrupt (a block ends early)');
    const out = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return out;
  }

  set16<T extends Uint16Array | Uint32Array>(into: (length: number) => T): T {
    const n = this.varint();
    if (n > 0x10000) throw new CorpusError('corpus index is corrupt (a set too large)');
    const k = riceParameter(n);
    const values = into(n);
    let bit = 8;
    let current = 0;
    const next = (): number => {
      if (bit === 8) {
        current = this.byte();
        bit = 0;
      }
      return (current >>> (7 - bit++)) & 1;
    };
    let previous = -1;
    for (let i = 0; i < n; i++) {
      let q = 0;
      while (next() === 1) if (++q > 0x10000) throw new CorpusError('corpus index is corrupt (a bad set)');
      let r = 0;
      for (let b = 0; b < k; b++) r = (r << 1) | next();
      previous = previous + 1 + (q << k) + r;
      if (previous > 0xffff) throw new CorpusError('corpus index is corrupt (a bad set)');
      values[i] = previous;
    }
    return values;
  }
}

/** The Rice parameter for n values spread over 2^16: about log2 of the mean gap. */
function riceParameter(n: number): number {
  if (n === 0) return 0;
  const meanGap = 0x10000 / n;
  return Math.max(0, Math.min(15, Math.floor(Math.log2(meanGap * Math.LN2))));
}

/** Compressed bytes inflated at a time: a deflate bomb's chunk can grow at most 1,032-fold. */
const INFLATE_CHUNK = 4 * 1024;
/** Compressed input up to this size is inflated in one go (see inflateBounded). */
const ONE_GO_MAX = 64 * 1024;

/**
 * Inflates raw DEFLATE that must come to `length` bytes, refusing anything else without
 * spending more than `length` bytes of memory. Short input is inflated in one go (fflate
 * ignores what would overflow the buffer, and DEFLATE grows at most 1,032-fold, so a
 * bomb of 64 KB costs at most 66 MB of discarded work); longer input 4 KB at a time (at most 4 MB out),
 * stopping as soon as it passes `length`.
 */
export function inflateBounded(deflated: Uint8Array, length: number, dictionary?: Uint8Array): Uint8Array {
  const options = dictionary?.length ? { dictionary } : {};
  if (deflated.length <= ONE_GO_MAX) {
    // One byte of room more, so a stream longer than stated shows.
    const inflated = inflateSync(deflated, { ...options, out: new Uint8Array(length + 1) });
    if (inflated.length !== length) throw new Error('inflated length differs from the stated one');
    return inflated;
  }
  const out = new Uint8Array(length);
  let filled = 0;
  let over = false;
  const inflater = new Inflate(options, (chunk) => {
    if (filled + chunk.length > length) over = true;
    else out.set(chunk, filled);
    filled += chunk.length;
  });
  for (let at = 0; at < deflated.length && !over; at += INFLATE_CHUNK) {
    inflater.push(deflated.subarray(at, at + INFLATE_CHUNK), at + INFLATE_CHUNK >= deflated.length);
  }
  if (over || filled !== length) throw new Error('inflated length differs from the stated one');
  return out;
}
