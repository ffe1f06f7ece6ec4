import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deserializeIndex, INDEX_FORMAT_VERSION, summarizeIndex } from '../../src/corpus/index-file';
import { LIST_FORMAT_VERSION, ListError, parseManifest, verifyManifest } from '../../src/lists/manifest';
import { updateList, type ListState, type UpdateResult } from '../../src/lists/update';

// Corpus lists end to end: the real `corpus keygen` / `corpus publish` write a list, a real
// HTTP server on 127.0.0.1 serves it, and `updateList` (with Node's own fetch) subscribes,
// revalidates, updates, and refuses every kind of bad list while keeping the old one.

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/repost-radar.cjs');
const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-lists-'));
const sites = join(tmp, 'sites'); // the server serves /<site>/<file> from sites/<site>/<file>

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cli(args: string[]): string {
  const result = run(args);
  expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

const publish = (index: string, site: string, key: string, ...more: string[]): void =>
  void cli([
    'corpus',
    'publish',
    index,
    '-o',
    join(sites, site),
    '--key',
    key,
    '--name',
    'Test list',
    '--maintainer',
    'Lists Desk <lists@example.org>',
    ...more,
  ]);

const readManifest = (site: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(sites, site, 'manifest.json'), 'utf8')) as Record<string, unknown>;
const writeManifest = (site: string, m: Record<string, unknown>): void =>
  writeFileSync(join(sites, site, 'manifest.json'), JSON.stringify(m, null, 2));

// --- the server --------------------------------------------------------------------------

const requests: { path: string; headers: IncomingHttpHeaders }[] = [];
let server: Server;
let base: string;

function serve(): Promise<void> {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const [, site, file] = path.split('/');
    if (site === 'hang') return; // never answers
    if (site === 'error') {
      res.writeHead(500, 'Internal Server Error').end('oops');
      return;
    }
    if (site === 'badjson' && file === 'manifest.json') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"format": "repost-radar-list", ');
      return;
    }
    const local = join(sites, site ?? '', file ?? '');
    if (site === undefined || file === undefined || !existsSync(local) || !statSync(local).isFile()) {
      res.writeHead(404, 'Not Found').end();
      return;
    }
    const body = readFileSync(local);
    if (site === 'truncated' && file === 'corpus.rrx') {
      // Promises the whole file, sends half, hangs up.
      res.writeHead(200, { 'Content-Length': body.length });
      res.write(body.subarray(0, body.length >> 1), () => res.destroy());
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    const headers = { ETag: etag, 'Last-Modified': statSync(local).mtime.toUTCString() };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    });
  });
}

// --- fixtures: two real indexes, two keys, one published list ----------------------------

const file = (name: string): string => join(tmp, name);
let publicKey: string;

beforeAll(async () => {
  mkdirSync(sites);
  cli(['corpus', 'build', join(ROOT, 'tests/fixtures/seeds/original.jsonl'), '-o', file('one.rrx')]);
  const lines = readFileSync(join(ROOT, 'corpus/originals.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 4);
  writeFileSync(file('four.jsonl'), `${lines.join('\n')}\n`);
  cli(['corpus', 'build', file('four.jsonl'), '-o', file('four.rrx')]);
  publicKey = cli(['corpus', 'keygen', '-o', file('key.pem')]).trim();
  cli(['corpus', 'keygen', '-o', file('other.pem')]);
  publish(file('one.rrx'), 'list', file('key.pem'));
  await serve();
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(tmp, { recursive: true, force: true });
});

const update = (state: ListState, more: { timeoutMs?: number; maxBytes?: number } = {}): Promise<UpdateResult> =>
  updateList(state, { fetch, now: () => 1_000, validateIndex: (bytes) => void deserializeIndex(bytes), ...more });

// --- publishing --------------------------------------------------------------------------

describe('corpus keygen and corpus publish', () => {
  it('writes a private key only its owner can read, and prints the raw public key', () => {
    expect(statSync(file('key.pem')).mode & 0o777).toBe(0o600);
    expect(readFileSync(file('key.pem'), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(Buffer.from(publicKey, 'base64')).toHaveLength(32);
  });

  it('writes the index unchanged and a manifest that verifies, signed by that key', async () => {
    const index = readFileSync(file('one.rrx'));
    expect(readFileSync(join(sites, 'list', 'corpus.rrx')).equals(index)).toBe(true);
    const manifest = parseManifest(readManifest('list'));
    await expect(verifyManifest(manifest, publicKey)).resolves.toBeUndefined();
    const summary = summarizeIndex(new Uint8Array(index));
    expect(manifest).toMatchObject({
      format: 'repost-radar-list',
      formatVersion: LIST_FORMAT_VERSION,
      name: 'Test list',
      maintainer: 'Lists Desk <lists@example.org>',
      version: 1,
      originals: summary.originals,
      paragraphs: summary.paragraphs,
      bytes: index.length,
      sha256: createHash('sha256').update(index).digest('hex'),
      index: 'corpus.rrx',
      indexFormatVersion: summary.formatVersion,
      publicKey,
    });
    expect(Date.parse(manifest.published)).not.toBeNaN();
  });

  it('refuses a manifest whose fields were changed after signing, or checked against another key', async () => {
    const manifest = parseManifest(readManifest('list'));
    await expect(verifyManifest({ ...manifest, originals: manifest.originals + 1 })).rejects.toThrow(
      /signature does not match/,
    );
    const other = Buffer.alloc(32, 7).toString('base64');
    await expect(verifyManifest(manifest, other)).rejects.toThrow(ListError);
    expect(() => parseManifest({ ...manifest, formatVersion: 99 })).toThrow(/format 99/);
    expect(() => parseManifest({ ...manifest, sha256: 'abc' })).toThrow(/sha256/);
    expect(() => parseManifest('[]')).toThrow(/not a JSON object/);
  });

  const errors: [string, () => string[], RegExp][] = [
    [
      'a missing key file',
      () => [
        'corpus',
        'publish',
        file('one.rrx'),
        '-o',
        file('x'),
        '--key',
        file('nope.pem'),
        '--name',
        'n',
        '--maintainer',
        'm',
      ],
      /cannot read key .*nope\.pem: no such file/,
    ],
    [
      'a key file that is not a key',
      () => [
        'corpus',
        'publish',
        file('one.rrx'),
        '-o',
        file('x'),
        '--key',
        file('four.jsonl'),
        '--name',
        'n',
        '--maintainer',
        'm',
      ],
      /four\.jsonl is not a private key/,
    ],
    [
      'an index that is not an index',
      () => [
        'corpus',
        'publish',
        file('four.jsonl'),
        '-o',
        file('x'),
        '--key',
        file('key.pem'),
        '--name',
        'n',
        '--maintainer',
        'm',
      ],
      /four\.jsonl is not a corpus index/,
    ],
    [
      'a version not above the published one',
      () => [
        'corpus',
        'publish',
        file('one.rrx'),
        '-o',
        join(sites, 'list'),
        '--key',
        file('key.pem'),
        '--name',
        'n',
        '--maintainer',
        'm',
        '--version',
        '1',
      ],
      /--version 1 is not above the published version 1/,
    ],
    [
      'another key than the folder was published with',
      () => [
        'corpus',
        'publish',
        file('one.rrx'),
        '-o',
        join(sites, 'list'),
        '--key',
        file('other.pem'),
        '--name',
        'n',
        '--maintainer',
        'm',
      ],
      /signed with another key/,
    ],
    ['keygen over an existing key', () => ['corpus', 'keygen', '-o', file('key.pem')], /already exists/],
  ];
  it.each(errors)('exits 2 with one line for %s', (_name, args, message) => {
    const { status, stderr } = run(args());
    expect(status).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

// --- subscribing and updating ------------------------------------------------------------

describe('updateList', () => {
  let good: ListState; // subscribed, at version 2 of /list

  it('subscribes: a never-loaded list downloads, verifies and returns the index bytes', async () => {
    const result = await update({ url: `${base}/list/manifest.json`, status: 'never-loaded' });
    expect(result.kind, JSON.stringify(result.state)).toBe('updated');
    if (result.kind !== 'updated') return;
    expect(Buffer.from(result.index).equals(readFileSync(file('one.rrx')))).toBe(true);
    expect(result.state).toMatchObject({ status: 'ok', checkedAt: 1_000, updatedAt: 1_000 });
    expect(result.state.manifest?.version).toBe(1);
    expect(result.state.manifest?.publicKey).toBe(publicKey);
    expect(result.state.etag).toMatch(/^"/);
    expect(result.state.error).toBeUndefined();
    good = result.state;
  });

  it('checks again with If-None-Match and takes a 304 as unchanged', async () => {
    requests.length = 0;
    const result = await update({ ...good, checkedAt: 0 });
    expect(result.kind).toBe('unchanged');
    expect(requests).toHaveLength(1); // the manifest only, no index
    expect(requests[0]!.headers['if-none-match']).toBe(good.etag);
    expect(requests[0]!.headers['if-modified-since']).toBe(good.lastModified);
    expect(result.state).toMatchObject({ status: 'ok', checkedAt: 1_000, manifest: good.manifest });
  });

  it('takes a republished list with a new version and returns the new bytes', async () => {
    publish(file('four.rrx'), 'list', file('key.pem'));
    expect(readManifest('list').version).toBe(2);
    const result = await update(good);
    expect(result.kind).toBe('updated');
    if (result.kind !== 'updated') return;
    expect(Buffer.from(result.index).equals(readFileSync(file('four.rrx')))).toBe(true);
    expect(result.state.manifest).toMatchObject({ version: 2, originals: 4 });
    expect(result.state.etag).not.toBe(good.etag);
    good = result.state;
  });

  it('calls the same version with the same hash unchanged, even without a 304', async () => {
    const result = await update({ ...good, etag: undefined, lastModified: undefined });
    expect(result.kind).toBe('unchanged');
  });

  it('downloads again a list whose stored copy was found damaged, whatever the server says', async () => {
    requests.length = 0;
    const result = await update({ ...good, damaged: true });
    expect(result.kind).toBe('updated');
    expect(requests.map((r) => r.path)).toEqual(['/list/manifest.json', '/list/corpus.rrx']);
    expect(requests[0]!.headers['if-none-match']).toBeUndefined();
    expect(result.state.damaged).toBeUndefined();
  });

  it('downloads again a list kept in an index format this version no longer reads, rather than keep it unchanged', async () => {
    const older = { ...good, manifest: { ...good.manifest!, indexFormatVersion: INDEX_FORMAT_VERSION - 1 } };
    requests.length = 0;
    const result = await update(older);
    expect(result.kind).toBe('updated');
    expect(requests.map((r) => r.path)).toEqual(['/list/manifest.json', '/list/corpus.rrx']);
    expect(requests[0]!.headers['if-none-match']).toBeUndefined();
    if (result.kind === 'updated') expect(result.state.manifest?.indexFormatVersion).toBe(INDEX_FORMAT_VERSION);
  });

  // Each bad list is served at /<site>/; the subscriber holds version 2, signed with key.pem.
  const bad: [string, string, () => void, RegExp, { timeoutMs?: number; maxBytes?: number }?][] = [
    [
      'an index whose bytes were altered (hash)',
      'hash',
      () => {
        publish(file('one.rrx'), 'hash', file('key.pem'), '--version', '3');
        const index = readFileSync(join(sites, 'hash', 'corpus.rrx'));
        index[index.length - 1]! ^= 0xff;
        writeFileSync(join(sites, 'hash', 'corpus.rrx'), index);
      },
      /SHA-256 .* is not the manifest's/,
    ],
    [
      'a manifest field changed after signing (signature)',
      'signature',
      () => {
        publish(file('one.rrx'), 'signature', file('key.pem'), '--version', '3');
        writeManifest('signature', { ...readManifest('signature'), originals: 1000 });
      },
      /signature does not match its contents/,
    ],
    [
      'a manifest signed by another key (pin)',
      'pin',
      () => publish(file('one.rrx'), 'pin', file('other.pem'), '--version', '3'),
      /signed with another key/,
    ],
    [
      'an unknown format version',
      'format',
      () => {
        publish(file('one.rrx'), 'format', file('key.pem'), '--version', '3');
        writeManifest('format', { ...readManifest('format'), formatVersion: 99 });
      },
      /format 99, which this version of Repost Radar does not read/,
    ],
    [
      'an older version (rollback)',
      'old',
      () => publish(file('one.rrx'), 'old', file('key.pem'), '--version', '1'),
      /version 1, older than the version 2 you have/,
    ],
    [
      'the same version with other contents',
      'same',
      () => publish(file('one.rrx'), 'same', file('key.pem'), '--version', '2'),
      /republished with other contents/,
    ],
    ['a missing manifest (404)', 'missing', () => undefined, /manifest: the server answered 404/],
    ['a server error (500)', 'error', () => undefined, /manifest: the server answered 500/],
    [
      'a missing index (404)',
      'noindex',
      () => {
        publish(file('one.rrx'), 'noindex', file('key.pem'), '--version', '3');
        rmSync(join(sites, 'noindex', 'corpus.rrx'));
      },
      /index: the server answered 404/,
    ],
    [
      'a server that never answers (timeout)',
      'hang',
      () => undefined,
      /did not answer within 0\.3 s/,
      { timeoutMs: 300 },
    ],
    [
      'an index body cut short (Content-Length larger than sent, connection closed)',
      'truncated',
      () => publish(file('one.rrx'), 'truncated', file('key.pem'), '--version', '3'),
      /index download was cut off/,
    ],
    ['a manifest that is not JSON', 'badjson', () => undefined, /is not JSON/],
    [
      'an index larger than allowed (maxBytes)',
      'large',
      () => publish(file('four.rrx'), 'large', file('key.pem'), '--version', '3'),
      /index is \d+ bytes, more than the 1000 bytes allowed/,
      { maxBytes: 1000 },
    ],
  ];
  it.each(bad)('fails on %s, with the reason, and keeps the old list', async (_name, site, prepare, reason, more) => {
    prepare();
    const state: ListState = {
      ...good,
      url: `${base}/${site}/manifest.json`,
      etag: undefined,
      lastModified: undefined,
    };
    const result = await update(state, more);
    expect(result.kind, JSON.stringify(result.state)).toBe('failed');
    expect(result.state.status).toBe('error');
    expect(result.state.error).toMatch(reason);
    expect(result.state.manifest).toEqual(good.manifest); // the old list stays
    expect(result.state.updatedAt).toBe(good.updatedAt);
    expect(result.state.checkedAt).toBe(1_000);
  });

  it('fails a never-loaded list cleanly too, and recovers on the next good check', async () => {
    const failed = await update({ url: `${base}/error/manifest.json`, status: 'never-loaded' });
    expect(failed.kind).toBe('failed');
    expect(failed.state.manifest).toBeUndefined();
    expect(failed.state.error).toMatch(/500/);
    const url = `${base}/list/manifest.json`;
    const recovered = await update({ ...failed.state, url });
    expect(recovered.kind).toBe('updated');
    expect(recovered.state.error).toBeUndefined();
    expect(recovered.state.status).toBe('ok');
  });

  it('never throws: a bad address or a fetch that throws is a failure', async () => {
    const notUrl = await update({ url: 'not a url', status: 'never-loaded' });
    expect(notUrl.kind).toBe('failed');
    expect(notUrl.state.error).toMatch(/not a URL/);
    const throwing = await updateList(good, {
      fetch: () => Promise.reject(new Error('offline')),
    });
    expect(throwing.kind).toBe('failed');
    expect(throwing.state.error).toMatch(/cannot reach .*offline/);
  });

  it('refuses an index that passes its hash but does not load', async () => {
    publish(file('one.rrx'), 'invalid', file('key.pem'), '--version', '3');
    const result = await updateList(
      { ...good, url: `${base}/invalid/manifest.json` },
      {
        fetch,
        validateIndex: () => {
          throw new Error('fingerprint settings differ');
        },
      },
    );
    expect(result.kind).toBe('failed');
    expect(result.state.error).toMatch(/cannot be loaded: fingerprint settings differ/);
    expect(result.state.manifest).toEqual(good.manifest);
  });
});
