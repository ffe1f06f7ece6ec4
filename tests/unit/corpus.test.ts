import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { deserializeIndex, INDEX_FORMAT_VERSION, serializeIndex, summarizeIndex } from '../../src/corpus/index-file';
import { bandKeys, lookupBand, queryLsh } from '../../src/corpus/lsh';
import { CorpusError, parseCorpusJsonl } from '../../src/corpus/records';
import { fingerprintParagraph } from '../../src/fingerprint/fingerprint';

const jsonl = readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8');
const records = parseCorpusJsonl(jsonl);

describe('corpus input', () => {
  it('reads the bundled originals: the seed column, twelve paragraphs, no page chrome', () => {
    expect(records).toHaveLength(1);
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
    expect(loaded.lexical).toEqual(index.lexical);
    expect(loaded.terms).toEqual(index.terms);
    expect(loaded.lexicalLsh.keys).toEqual(index.lexicalLsh.keys);
  });

  it('loads from a Node Buffer that is a view into a larger pool', () => {
    const pool = new Uint8Array(bytes.length + 3);
    pool.set(bytes, 3);
    expect(deserializeIndex(pool.subarray(3)).terms).toEqual(index.terms);
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
    queryLsh(index.lexicalLsh, paragraph.lexical, hits);
    expect([...hits]).toContain(3);
    expect(lookupBand(index.lexicalLsh, 12345)).toHaveLength(0);
    const unseen = new Set<number>();
    queryLsh(
      index.lexicalLsh,
      fingerprintParagraph('Nothing like any paragraph of the corpus at all, really.').lexical,
      unseen,
    );
    expect(unseen.size).toBe(0);
    expect(bandKeys(paragraph.lexical, 2, 4, 16)).toHaveLength(2);
  });
});

describe('the bundled index (assets/corpus.rrx)', () => {
  it('is what `npm run corpus:build` makes of corpus/originals.jsonl', () => {
    const shipped = new Uint8Array(readFileSync(new URL('../../assets/corpus.rrx', import.meta.url)));
    const { built } = summarizeIndex(shipped);
    expect(shipped).toEqual(serializeIndex(buildCorpusIndex(records), { built }));
  });
});
