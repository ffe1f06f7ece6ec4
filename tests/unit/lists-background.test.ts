// The background's list logic (src/browser/lists-background.ts) with WXT's fake browser,
// an in-memory stand-in for the IndexedDB store, and a fake `fetch` serving signed lists
// made with the real publisher code (src/lists/manifest.ts) from real text (Brown corpus).
import { generateKeyPairSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { StoredList } from '../../src/browser/corpus-store';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { INDEX_FORMAT_VERSION, serializeIndex, summarizeIndex } from '../../src/corpus/index-file';
import { sha256Hex, signManifest, type ListManifest } from '../../src/lists/manifest';
import { asOriginal, brownHalves } from '../support/brown';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));

const memory = vi.hoisted(() => ({
  lists: new Map<string, StoredList>(),
  indexes: new Map<string, Uint8Array>(),
}));
vi.mock('../../src/browser/corpus-store', () => ({
  getLists: async () => [...memory.lists.values()].sort((a, b) => a.addedAt - b.addedAt),
  getList: async (url: string) => memory.lists.get(url),
  getListIndex: async (url: string) => memory.indexes.get(url),
  addList: async (list: StoredList, index: Uint8Array) => {
    memory.lists.set(list.url, list);
    memory.indexes.set(list.url, index);
  },
  saveUpdate: async (list: StoredList, index?: Uint8Array) => {
    if (!memory.lists.has(list.url)) return false;
    memory.lists.set(list.url, list);
    if (index) memory.indexes.set(list.url, index);
    return true;
  },
  removeList: async (url: string) => {
    memory.lists.delete(url);
    memory.indexes.delete(url);
  },
}));

type Lists = typeof import('../../src/browser/lists-background');

const press = brownHalves().first.filter((t) => t.genre === 'a');
const pkcs8 = new Uint8Array(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }));
const bundledBytes = serializeIndex(buildCorpusIndex([asOriginal(press[0]!)]), { built: '2026-11-01' });

/** A published list: manifest and index bytes, as `corpus publish` writes them. */
async function published(count: number, version: number): Promise<{ manifest: ListManifest; index: Uint8Array }> {
  const index = serializeIndex(buildCorpusIndex(press.slice(1, 1 + count).map(asOriginal)));
  const summary = summarizeIndex(index);
  const manifest = await signManifest(
    {
      name: `Press ${count}`,
      maintainer: 'Desk',
      version,
      published: '2026-11-20T10:00:00.000Z',
      originals: summary.originals,
      paragraphs: summary.paragraphs,
      bytes: index.length,
      sha256: await sha256Hex(index),
      index: 'corpus.rrx',
      indexFormatVersion: INDEX_FORMAT_VERSION,
    },
    pkcs8,
  );
  return { manifest, index };
}

/** The sites the fake fetch serves: manifest URL → what is published there (or a status). */
const sites = new Map<string, { manifest: ListManifest | Record<string, unknown>; index: Uint8Array } | number>();
const requests: string[] = [];

function fakeFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (url === fakeBrowser.runtime.getURL('/corpus.rrx')) return Promise.resolve(new Response(bundledBytes.slice()));
  const headers = new Headers(init?.headers);
  requests.push(`${url}${headers.has('if-none-match') ? ' (conditional)' : ''}`);
  const manifestUrl = url.replace(/corpus\.rrx$/, 'manifest.json');
  const site = sites.get(manifestUrl);
  if (site === undefined) return Promise.resolve(new Response('not found', { status: 404 }));
  if (typeof site === 'number') return Promise.resolve(new Response('no', { status: site }));
  const etag = `"v${String(site.manifest['version'])}"`;
  if (headers.get('if-none-match') === etag) return Promise.resolve(new Response(null, { status: 304 }));
  const body = url.endsWith('.json') ? JSON.stringify(site.manifest) : site.index.slice();
  return Promise.resolve(new Response(body, { headers: { etag } }));
}

let lists: Lists;
const removed: string[][] = [];

beforeEach(async () => {
  fakeBrowser.reset();
  memory.lists.clear();
  memory.indexes.clear();
  sites.clear();
  requests.length = 0;
  removed.length = 0;
  Object.assign(fakeBrowser.runtime, { getManifest: () => ({ version: '9.9.9' }) });
  Object.assign(fakeBrowser.permissions, {
    contains: async () => true,
    remove: async ({ origins }: { origins: string[] }) => (removed.push(origins), true),
  });
  vi.stubGlobal('fetch', vi.fn(fakeFetch));
  vi.resetModules(); // a fresh background: no cached indexes
  lists = await import('../../src/browser/lists-background');
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const A = 'https://lists.example/a/manifest.json';
const B = 'https://lists.example/b/manifest.json';

describe('corpus lists in the background', () => {
  it('with no subscription, schedules a daily update and makes no request', async () => {
    await lists.scheduleListUpdates();
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.find((a) => a.name === lists.DAILY_ALARM)).toMatchObject({ periodInMinutes: 24 * 60 });
    expect(alarms.map((a) => a.name).sort()).toEqual([lists.DAILY_ALARM, lists.SOON_ALARM].sort());
    await lists.onListAlarm(lists.DAILY_ALARM);
    await lists.onListAlarm(lists.SOON_ALARM);
    const reply = await lists.updateNow();
    expect(requests).toEqual([]);
    expect(reply.lists).toEqual([
      expect.objectContaining({ url: null, name: 'Repost Radar default corpus', originals: 1, status: 'bundled' }),
    ]);
    expect(await lists.listIndexes()).toEqual([]);
  });

  it('subscribes, checks against the list, keeps it when an update fails, and swaps it when one succeeds', async () => {
    sites.set(A, await published(2, 1));
    const added = await lists.addList(A);
    expect(added.error).toBeUndefined();
    expect(added.lists[1]).toMatchObject({ url: A, name: 'Press 2', originals: 2, version: '1', status: 'ok' });
    expect((await lists.listIndexes()).map((i) => i.originalCount)).toEqual([2]);

    // Version 2 with its signature broken: refused, version 1 kept and still used.
    const v2 = await published(3, 2);
    sites.set(A, { ...v2, manifest: { ...v2.manifest, originals: 99 } });
    const failed = await lists.updateNow(A);
    expect(failed.lists[1]).toMatchObject({ status: 'error', version: '1', originals: 2 });
    expect(failed.lists[1]!.error).toMatch(/signature does not match/);
    expect((await lists.listIndexes()).map((i) => i.originalCount)).toEqual([2]);

    // The server fails: the same.
    sites.set(A, 500);
    expect((await lists.updateNow(A)).lists[1]!.error).toMatch(/answered 500/);
    expect((await lists.listIndexes()).map((i) => i.originalCount)).toEqual([2]);

    // A good version 2: the cached index is replaced, the error cleared.
    sites.set(A, v2);
    expect((await lists.updateNow(A)).lists[1]).toMatchObject({ status: 'ok', version: '2', error: null });
    expect((await lists.listIndexes()).map((i) => i.originalCount)).toEqual([3]);
  });

  it('updates on the alarm only the lists not checked for a day, with If-None-Match', async () => {
    sites.set(A, await published(2, 1));
    await lists.addList(A);
    requests.length = 0;
    await lists.onListAlarm(lists.DAILY_ALARM);
    expect(requests).toEqual([]); // checked a moment ago
    const later = Date.now() + lists.STALE_MS + 60_000;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await lists.onListAlarm(lists.DAILY_ALARM);
    expect(requests).toEqual([`${A} (conditional)`]);
    expect(memory.lists.get(A)).toMatchObject({ status: 'ok', checkedAt: later });
    await lists.onListAlarm('something-else');
    expect(requests).toHaveLength(1);
  });

  it('after an upgrade to a new index format, downloads a kept list again at once instead of a day later', async () => {
    sites.set(A, await published(2, 1));
    await lists.addList(A);
    // What an earlier version kept: its manifest names the old format, and its bytes do not load.
    const kept = memory.lists.get(A)!;
    memory.lists.set(A, { ...kept, manifest: { ...kept.manifest!, indexFormatVersion: INDEX_FORMAT_VERSION - 1 } });
    const oldBytes = memory.indexes.get(A)!.slice();
    new DataView(oldBytes.buffer).setUint32(8, INDEX_FORMAT_VERSION - 1, true);
    memory.indexes.set(A, oldBytes);
    vi.resetModules(); // the upgraded background
    lists = await import('../../src/browser/lists-background');
    expect(await lists.listIndexes()).toEqual([]);
    requests.length = 0;
    await lists.onListAlarm(lists.SOON_ALARM); // checked a moment ago, but unreadable
    expect(requests).toEqual([A, A.replace('manifest.json', 'corpus.rrx')]);
    expect((await lists.listIndexes()).map((i) => i.originalCount)).toEqual([2]);
  });

  it('sets aside a list whose stored copy is found damaged, and downloads it again at once', async () => {
    sites.set(A, await published(2, 1));
    await lists.addList(A);
    const [loaded] = await lists.listIndexes();
    requests.length = 0;
    await lists.reloadDamaged(loaded!, 'a block is unreadable');
    expect(requests).toEqual([A, A.replace('manifest.json', 'corpus.rrx')]); // not conditional
    expect(memory.lists.get(A)).toMatchObject({ status: 'ok' });
    expect(memory.lists.get(A)!.damaged).toBeUndefined();
    const [reloaded] = await lists.listIndexes();
    expect(reloaded).not.toBe(loaded);
    expect(reloaded!.originalCount).toBe(2);
  });

  it('does not add a list whose first download fails, and gives its site back', async () => {
    sites.set(A, 404);
    const reply = await lists.addList(A);
    expect(reply.error).toMatch(/^not added: the manifest: the server answered 404/);
    expect(reply.lists).toHaveLength(1);
    expect(removed).toEqual([['https://lists.example/*']]);
    expect((await lists.addList('ftp://lists.example/x')).error).toMatch(/https/);
  });

  it('gives a site back on removal only when no other list is on it', async () => {
    sites.set(A, await published(2, 1));
    sites.set(B, await published(1, 1));
    await lists.addList(A);
    await lists.addList(B);
    expect((await lists.addList(A)).error).toMatch(/already subscribed/);
    expect((await lists.listIndexes()).map((i) => i.originalCount)).toEqual([2, 1]);
    await lists.removeList(A);
    expect(removed).toEqual([]);
    expect((await lists.listIndexes()).map((i) => i.originalCount)).toEqual([1]);
    const reply = await lists.removeList(B);
    expect(removed).toEqual([['https://lists.example/*']]);
    expect(reply.lists.map((l) => l.url)).toEqual([null]);
  });
});
