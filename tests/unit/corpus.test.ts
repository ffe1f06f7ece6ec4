import { spawnSync } from 'node:child_process';
import { deflateRawSync } from 'node:zlib';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex, contentSignatures } from '../../src/corpus/corpus-index';
import {
  deserializeIndex,
  INDEX_FORMAT_VERSION,
  serializeIndex,
  summarizeIndex,
  verifyIndex,
} from '../../src/corpus/index-file';
import { deflateSync, inflateSync, strFromU8 } from 'fflate';
import { checksumBytes } from '../../src/fingerprint/hash';
import { inflateBounded } from '../../src/corpus/codec';
import { bandKeys, buildLshTable, lookupBand, lshIndex, SCANS_BEFORE_TABLE } from '../../src/corpus/lsh';
import { CONTENT_BANDS } from '../../src/fingerprint/params';
import { CorpusError, parseCorpusJsonl } from '../../src/corpus/records';
import { articleFromText } from '../../src/extract/article';
import { analyzeAgainst } from '../../src/check/analyze';
import { bundledOriginals, everyOriginal } from '../support/corpus';
import { SEED_EXPECTATIONS, seedText } from '../support/seeds';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';

const bundled = bundledOriginals();
// The seed's original alone (its corpus line), for tests of the format itself.
const records = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'));

describe('corpus input', () => {
  it('reads the bundled originals: the seed column, twelve paragraphs, no page chrome', () => {
    expect(records).toHaveLength(1);
    expect([bundled[0]!.id, bundled[0]!.text]).toEqual([records[0]!.id, records[0]!.text]);
    const index = buildCorpusIndex(records);
    expect(index.originalOf(0).paragraphCount).toBe(12);
    expect(
      index
        .keptParagraphsOf(0)
        .map((p) => p.snippet)
        .join(' '),
    ).not.toMatch(/Follow|Global Opinions:|Max Boot:|Democracy Dies/);
  });

  it('names the line and the reason for a bad line', () => {
    const good = JSON.stringify({ id: 'a', text: 'Some text.' });
    expect(() => parseCorpusJsonl(`${good}\n{"id": "b", "text": }`)).toThrowError(/^line 2: not valid JSON$/);
    expect(() => parseCorpusJsonl(`${good}\n\n{"id": "c"}`)).toThrowError(/^line 3: original "c": "text" must be/);
    expect(() => parseCorpusJsonl(`${good}\n${good}`)).toThrowError(/^line 2: duplicate id "a"/);
    expect(() => parseCorpusJsonl(`[1,2]`)).toThrowError(/line 1: expected a JSON object/);
    expect(() => parseCorpusJsonl('\n\n')).toThrowError(CorpusError);
  });
});

describe('the index file', () => {
  const index = buildCorpusIndex(records);
  const bytes = serializeIndex(index);

  it('round-trips, and the same corpus always gives the same bytes', () => {
    expect(serializeIndex(buildCorpusIndex(records))).toEqual(bytes);
    const loaded = deserializeIndex(bytes);
    expect(everyOriginal(loaded, (o) => loaded.originalOf(o))).toEqual(
      everyOriginal(index, (o) => index.originalOf(o)),
    );
    expect(everyOriginal(loaded, (o) => loaded.keptParagraphsOf(o))).toEqual(
      everyOriginal(index, (o) => index.keptParagraphsOf(o)),
    );
    expect(everyOriginal(loaded, (o) => loaded.sketchesOf(o))).toEqual(
      everyOriginal(index, (o) => index.sketchesOf(o)),
    );
    expect(loaded.paragraphStarts).toEqual(index.paragraphStarts);
    expect(loaded.wordCounts).toEqual(index.wordCounts);
    expect(loaded.content).toEqual(index.content);
    expect(loaded.findOriginal(records[0]!.id)).toBe(0);
    expect(loaded.findOriginal('no such id')).toBe(-1);
  });

  it('loads from a Node Buffer that is a view into a larger pool', () => {
    const pool = new Uint8Array(bytes.length + 3);
    pool.set(bytes, 3);
    expect(deserializeIndex(pool.subarray(3)).sketchesOf(0)).toEqual(index.sketchesOf(0));
  });

  it('refuses a corrupt, truncated, foreign or older file with a clear error', () => {
    const corrupt = bytes.slice();
    corrupt[40]! ^= 0xff; // in the header
    expect(() => deserializeIndex(corrupt)).toThrowError(/corrupt \(checksum mismatch\)/);
    // A damaged block loads (blocks are read lazily) and is refused when first needed.
    const damagedBlock = bytes.slice();
    damagedBlock[damagedBlock.length - 5]! ^= 0xff;
    expect(() => deserializeIndex(damagedBlock).sketchesOf(0)).toThrowError(/corrupt \(a block is unreadable\)/);
    expect(() => verifyIndex(damagedBlock)).toThrowError(/corrupt \(a block is unreadable\)/);
    expect(() => deserializeIndex(bytes.slice(0, bytes.length - 100))).toThrowError(/corrupt|truncated/);
    expect(() => deserializeIndex(new TextEncoder().encode('{"id":"a"}'))).toThrowError(
      /not a Repost Radar corpus index/,
    );
    const older = bytes.slice();
    new DataView(older.buffer).setUint32(8, INDEX_FORMAT_VERSION - 1, true);
    expect(() => deserializeIndex(older)).toThrowError(
      `format ${INDEX_FORMAT_VERSION - 1} is not the format this version reads (${INDEX_FORMAT_VERSION}): rebuild it`,
    );
    const hugeHeader = bytes.slice();
    new DataView(hugeHeader.buffer).setUint32(12, 0xfffffff0, true);
    expect(() => deserializeIndex(hugeHeader)).toThrowError(/truncated/);
    for (const at of [30, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const flipped = bytes.slice();
      flipped[at]! ^= 0x10;
      expect(() => verifyIndex(flipped)).toThrowError(/corrupt/);
    }
  });
});

const PREAMBLE = 28;

type IndexHeader = { sections: Record<string, { offset: number; bytes: number }> };

/** An index file's header, as written, and its stored length: where its sections are. */
function headerOf(bytes: Uint8Array): { headerLength: number; header: IndexHeader } {
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(12, true);
  const header = JSON.parse(strFromU8(inflateSync(bytes.subarray(PREAMBLE, PREAMBLE + headerLength)))) as IndexHeader;
  return { headerLength, header };
}

/**
 * An index file with its first block replaced (and the block tables, header and checksum
 * made to agree): what a hostile list publisher could serve, signed.
 */
function withFirstBlock(bytes: Uint8Array, replace: (block: Uint8Array) => Uint8Array): Uint8Array {
  const { headerLength, header } = headerOf(bytes);
  const { sections } = header;
  const payload = PREAMBLE + headerLength;
  const head = bytes.slice(payload, payload + sections['blocks']!.offset); // everything before the blocks
  const table = (name: string): Uint32Array =>
    new Uint32Array(head.buffer, sections[name]!.offset, sections[name]!.bytes / 4);
  const offsets = table('blockOffsets');
  const block = replace(
    bytes.slice(payload + sections['blocks']!.offset, payload + sections['blocks']!.offset + offsets[1]!),
  );
  const rest = bytes.subarray(payload + sections['blocks']!.offset + offsets[1]!);
  for (let i = offsets.length - 1; i >= 1; i--) offsets[i] = offsets[i]! - offsets[1]! + block.length;
  table('blockChecksums')[0] = checksumBytes(block);
  sections['blocks']!.bytes = block.length + rest.length;
  const headerText = new TextEncoder().encode(JSON.stringify(header));
  const deflated = deflateSync(headerText, { level: 9 });
  const paddedHeader = (deflated.length + 3) & ~3;
  const out = new Uint8Array(PREAMBLE + paddedHeader + head.length + block.length + rest.length);
  out.set(bytes.subarray(0, PREAMBLE));
  out.set(deflated, PREAMBLE);
  out.set(head, PREAMBLE + paddedHeader);
  out.set(block, PREAMBLE + paddedHeader + head.length);
  out.set(rest, PREAMBLE + paddedHeader + head.length + block.length);
  const outView = new DataView(out.buffer);
  outView.setUint32(12, paddedHeader, true);
  outView.setUint32(16, headerText.length, true);
  outView.setUint32(20, paddedHeader + head.length, true);
  outView.setUint32(24, checksumBytes(out.subarray(PREAMBLE, PREAMBLE + paddedHeader + head.length)), true);
  return out;
}

/** Megabytes of zeros, raw-deflated (by Node's zlib: fflate takes seconds over them). */
const zeroBomb = (megabytes: number): Uint8Array =>
  new Uint8Array(deflateRawSync(Buffer.alloc(megabytes * 1024 * 1024), { level: 9 }));

describe('a damaged corpus among several', () => {
  it("is left out of a page's answer, and named, while the others still answer", () => {
    const bytes = serializeIndex(buildCorpusIndex(records));
    const damagedBytes = bytes.slice();
    damagedBytes[damagedBytes.length - 5]! ^= 0xff; // in the only block
    const damaged = deserializeIndex(damagedBytes);
    const sound = deserializeIndex(bytes);
    const page = articleFromText(seedText(SEED_EXPECTATIONS[1]!));
    const named: unknown[] = [];
    const analysis = analyzeAgainst(page, [damaged, sound], (index, error) => named.push(index, error.message));
    expect(analysis.report.verdict).toBe(SEED_EXPECTATIONS[1]!.verdict);
    expect(named).toEqual([damaged, expect.stringMatching(/a block is unreadable/)]);
    expect(() => analyzeAgainst(page, [damaged])).toThrowError(/a block is unreadable/);
  });
});

describe('bounded inflation', () => {
  it('inflates to exactly the stated length and refuses a deflate bomb without inflating it', () => {
    const text = new TextEncoder().encode('a paragraph of an original '.repeat(100));
    expect(inflateBounded(deflateSync(text), text.length)).toEqual(text);
    expect(() => inflateBounded(deflateSync(text), text.length - 1)).toThrowError(/stated/);
    expect(() => inflateBounded(deflateSync(text), text.length + 1)).toThrowError(/stated/);
    // 256 MB of zeros in about 250 KB: refused after a chunk, not inflated to the end.
    const bomb = zeroBomb(256);
    const started = performance.now();
    expect(() => inflateBounded(bomb, 4096)).toThrowError(/stated/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('refuses an index whose block is a deflate bomb, checksum and all, without inflating it', () => {
    const bytes = serializeIndex(buildCorpusIndex(records));
    // 128 MB of zeros in about 128 KB, put in place of the first block with a checksum that matches.
    // The same surgery with the block itself gives a sound index: the tables and checksums agree.
    const control = deserializeIndex(withFirstBlock(bytes, (block) => block));
    expect(control.sketchesOf(0)).toEqual(deserializeIndex(bytes).sketchesOf(0));
    const bombed = withFirstBlock(bytes, () => zeroBomb(128));
    const index = deserializeIndex(bombed); // blocks are not read at load
    const before = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    expect(() => index.sketchesOf(0)).toThrowError(/corrupt \(a block is unreadable\)/);
    expect(performance.now() - started).toBeLessThan(1000);
    // Inflated, the block would take 128 MB; bounded, the decoder holds a few 4 MB chunks at most.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(48 * 1024 * 1024);
  });

  it('refuses a signed block whose paragraph records are not text, instead of failing on them later', () => {
    const index = buildCorpusIndex(records);
    const bytes = serializeIndex(index);
    const { headerLength, header } = headerOf(bytes);
    const { offset, bytes: length } = header.sections['dictionary']!;
    const dictionary = bytes.slice(PREAMBLE + headerLength + offset, PREAMBLE + headerLength + offset + length);
    const firstSnippet = index.keptParagraphsOf(0)[0]!.snippet;
    // The first snippet, quoted, becomes a number of as many bytes: the block keeps its stated length.
    const hostile = withFirstBlock(bytes, (block) => {
      const inflated = Buffer.from(inflateSync(block, { dictionary }));
      const quoted = Buffer.from(JSON.stringify(firstSnippet));
      const where = inflated.indexOf(quoted);
      expect(where).toBeGreaterThan(0);
      inflated.fill('9', where, where + quoted.length);
      return deflateSync(inflated);
    });
    expect(() => deserializeIndex(hostile).keptParagraphsOf(0)).toThrowError(/corrupt \(a block is unreadable\)/);
    expect(() => verifyIndex(hostile)).toThrowError(/corrupt \(a block is unreadable\)/);
  });

  it('refuses an index whose header says it inflates to less than it does', () => {
    const bytes = serializeIndex(buildCorpusIndex(records));
    const lying = bytes.slice();
    new DataView(lying.buffer).setUint32(16, 100, true); // the header's stated inflated length
    expect(() => deserializeIndex(lying)).toThrowError(/header is unreadable/);
  });
});

describe('LSH lookups', () => {
  const index = buildCorpusIndex(records);
  it('find a paragraph by its bands and simply find nothing for a band never seen', () => {
    const paragraph = fingerprintParagraph(records[0]!.text.split('\n\n')[3]!);
    const unseen = fingerprintParagraph('Nothing like any paragraph of the corpus at all, really.').content;
    // The first queries scan the bands; the later ones use the sorted table.
    for (let i = 0; i <= SCANS_BEFORE_TABLE; i++) {
      const [hits, none] = index.contentLsh.query([paragraph.content, unseen]);
      expect([...hits!.keys()]).toContain(3);
      expect(none!.size).toBe(0);
    }
    const table = buildLshTable(contentSignatures(index.content, index.owner.length));
    expect(lookupBand(table, 12345)).toHaveLength(0);
    expect(bandKeys(paragraph.content, 2, 3, 8)).toHaveLength(2);
  });

  it('give the same ids and band counts from a scan of the bands as from the sorted table, skipping overfull buckets alike', () => {
    // 400 real originals, and 80 short ones sharing a line of boilerplate (a bucket over the cap).
    const shared = 'Follow our newsroom on every social network for the latest breaking news and analysis.';
    const corpus = buildCorpusIndex([
      ...bundled.slice(0, 400),
      ...Array.from({ length: 80 }, (_, i) => ({
        ...records[0]!,
        id: `boilerplate-${i}`,
        text: `${bundled[400 + i]!.text.split('\n\n')[0]}\n\n${shared}`,
      })),
    ]);
    const asked = [...bundled.slice(0, 400).filter((_, i) => i % 7 === 0), ...bundled.slice(400, 480)]
      .flatMap((r) => r.text.split('\n\n').slice(0, 6))
      .map((text) => fingerprintParagraph(text.replace(/ the /g, ' a ')).content);
    asked.push(fingerprintParagraph(shared).content);
    const lsh = lshIndex(contentSignatures(corpus.content, corpus.owner.length));
    const scanned = lsh.query(asked); // the first queries scan
    for (let i = 1; i < SCANS_BEFORE_TABLE; i++) lsh.query(asked);
    const tabled = lsh.query(asked); // then the table is built
    // The same ids, and the same count of shared bands for each.
    const sorted = (hits: Map<number, number>): [number, number][] => [...hits].sort((a, b) => a[0] - b[0]);
    expect(scanned.map(sorted)).toEqual(tabled.map(sorted));
    expect(scanned.some((hits) => [...hits.values()].some((bands) => bands === CONTENT_BANDS))).toBe(true);
    expect(scanned.filter((ids) => ids.size > 0).length).toBeGreaterThan(asked.length / 2);
    expect(scanned.at(-1)!.size).toBe(0); // the shared line's buckets hold 80 paragraphs: skipped
  });
});

describe('the bundled corpus of real originals', () => {
  it('holds at least 1,000 published originals, each with its address, publisher, date and licence', () => {
    expect(bundled.length).toBeGreaterThanOrEqual(1000);
    const sources = readFileSync(new URL('../../corpus/SOURCES.md', import.meta.url), 'utf8');
    for (const r of bundled) {
      expect(r.url, r.id).toMatch(/^https?:\/\/\S+$/);
      expect(r.publisher, r.id).not.toBe('');
      expect(r.published, r.id).toMatch(/^\d{4}-\d{2}-\d{2}/);
      expect(r.license ?? '', r.id).not.toBe('');
    }
    // Every publisher and every licence is accounted for in SOURCES.md.
    for (const name of new Set(bundled.flatMap((r) => [r.publisher, r.license!]))) expect(sources).toContain(name);
  });
});

describe('the bundled index (public/corpus.rrx)', () => {
  it('is what `npm run corpus:build` makes of corpus/originals.jsonl', () => {
    // Built by the command line itself (compiled: seconds, where the test runner's module loader takes minutes).
    const shipped = readFileSync(new URL('../../public/corpus.rrx', import.meta.url));
    const { built } = summarizeIndex(new Uint8Array(shipped));
    const rebuilt = join(mkdtempSync(join(tmpdir(), 'repost-radar-corpus-')), 'corpus.rrx');
    const bin = new URL('../../bin/repost-radar.cjs', import.meta.url).pathname;
    const jsonl = new URL('../../corpus/originals.jsonl', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [bin, 'corpus', 'build', jsonl, '-o', rebuilt, '--built', built], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(rebuilt).equals(shipped)).toBe(true);
  });
});
