import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { deserializeIndex, INDEX_FORMAT_VERSION, serializeIndex, summarizeIndex } from '../../src/corpus/index-file';
import { bandKeys, lookupBand, queryLsh } from '../../src/corpus/lsh';
import { CorpusError, parseCorpusJsonl } from '../../src/corpus/records';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';

const bundled = parseCorpusJsonl(readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8'));
// The seed's original alone (its corpus line), for tests of the format itself.
const records = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'));

describe('corpus input', () => {
  it('reads the bundled originals: the seed column, twelve paragraphs, no page chrome', () => {
    expect(records).toHaveLength(1);
    expect([bundled[0]!.id, bundled[0]!.text]).toEqual([records[0]!.id, records[0]!.text]);
    const index = buildCorpusIndex(records);
    expect(index.originals[0]!.paragraphCount).toBe(12);
    expect(
      index
        .recordsOf(0)
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
    expect(loaded.originals).toEqual(index.originals);
    expect(index.originals.map((_, o) => loaded.recordsOf(o))).toEqual(
      index.originals.map((_, o) => index.recordsOf(o)),
    );
    expect(index.originals.map((_, o) => loaded.sketchesOf(o))).toEqual(
      index.originals.map((_, o) => index.sketchesOf(o)),
    );
    expect(loaded.wordCounts).toEqual(index.wordCounts);
    expect(loaded.contentLsh.keys).toEqual(index.contentLsh.keys);
  });

  it('loads from a Node Buffer that is a view into a larger pool', () => {
    const pool = new Uint8Array(bytes.length + 3);
    pool.set(bytes, 3);
    expect(deserializeIndex(pool.subarray(3)).sketchesOf(0)).toEqual(index.sketchesOf(0));
  });

  it('refuses a corrupt, truncated, foreign or older file with a clear error', () => {
    const corrupt = bytes.slice();
    corrupt[corrupt.length - 5]! ^= 0xff;
    expect(() => deserializeIndex(corrupt)).toThrowError(/corrupt \(checksum mismatch\)/);
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
      expect(() => deserializeIndex(flipped)).toThrowError(/corrupt/);
    }
  });
});

describe('LSH lookups', () => {
  const index = buildCorpusIndex(records);
  it('find a paragraph by its bands and simply find nothing for a band never seen', () => {
    const paragraph = fingerprintParagraph(records[0]!.text.split('\n\n')[3]!);
    const hits = new Set<number>();
    queryLsh(index.contentLsh, paragraph.content, hits);
    expect([...hits]).toContain(3);
    expect(lookupBand(index.contentLsh, 12345)).toHaveLength(0);
    const unseen = new Set<number>();
    queryLsh(
      index.contentLsh,
      fingerprintParagraph('Nothing like any paragraph of the corpus at all, really.').content,
      unseen,
    );
    expect(unseen.size).toBe(0);
    expect(bandKeys(paragraph.content, 2, 3, 8)).toHaveLength(2);
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
    const bin = new URL('../../bin/repost-radar.mjs', import.meta.url).pathname;
    const jsonl = new URL('../../corpus/originals.jsonl', import.meta.url).pathname;
    const run = spawnSync(process.execPath, [bin, 'corpus', 'build', jsonl, '-o', rebuilt, '--built', built], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(rebuilt).equals(shipped)).toBe(true);
  });
});
