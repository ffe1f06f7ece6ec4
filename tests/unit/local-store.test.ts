// What the user keeps on this computer (src/browser/local-store.ts): saved examples in WXT
// storage (the fake browser's storage.local), and the user's own originals in IndexedDB,
// moved there once from where versions up to 0.1 kept them. IndexedDB (corpus-store.ts)
// is an in-memory stand-in here; the browser tests run the real one.
import { fakeBrowser } from '../support/fake-browser';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseCorpusJsonl, type OriginalRecord } from '../../src/corpus/records';
import { exampleId, type SavedExample } from '../../src/saved-examples/example';
import { asOriginal, brownHalves } from '../support/brown';

const idb = vi.hoisted(() => ({
  originals: undefined as OriginalRecord[] | undefined,
  puts: 0,
  failPuts: 0,
}));
vi.mock('../../src/browser/corpus-store', () => ({
  getOriginals: async () => (idb.originals ? [...idb.originals] : undefined),
  putOriginals: async (list: readonly OriginalRecord[]) => {
    if (idb.failPuts > 0) {
      idb.failPuts--;
      throw new Error('QuotaExceededError');
    }
    idb.puts++;
    idb.originals = [...list];
  },
}));

type Store = typeof import('../../src/browser/local-store');
/** A fresh background or page: the module's once-only migration starts over. */
const load = async (): Promise<Store> => {
  vi.resetModules();
  return import('../../src/browser/local-store');
};

const seed = parseCorpusJsonl(readFileSync(new URL('../fixtures/seeds/original.jsonl', import.meta.url), 'utf8'))[0]!;
const brown = brownHalves().first.slice(0, 3).map(asOriginal);
const paragraphs = seed.text.split('\n\n').slice(0, 3);
const example: SavedExample = {
  id: exampleId('https://reposts.example/putin', paragraphs),
  url: 'https://reposts.example/putin',
  savedAt: '2026-01-02T03:04:05.000Z',
  title: seed.title,
  verdict: 'unrelated',
  match: null,
  findings: [],
  paragraphs,
  tags: ['to check'],
};

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(idb, { originals: undefined, puts: 0, failPuts: 0 });
});

describe('saved examples', () => {
  it('start empty, and come back as stored from storage.local after a reload', async () => {
    const store = await load();
    expect(await store.loadExamples()).toEqual([]);
    await store.storeExamples([example]);
    expect(await store.loadExamples()).toEqual([example]);
    expect((await fakeBrowser.storage.local.get())['examples']).toEqual([example]);
    expect(await (await load()).loadExamples()).toEqual([example]);
  });
});

describe('the user’s own originals', () => {
  it('move from storage.local to IndexedDB once, and the old copy is removed', async () => {
    await fakeBrowser.storage.local.set({ userOriginals: [seed, ...brown] });
    const store = await load();
    expect(await store.loadUserOriginals()).toEqual([seed, ...brown]);
    expect(idb.originals).toEqual([seed, ...brown]);
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    // Two pages asking at once migrate once.
    const again = await load();
    await Promise.all([again.loadUserOriginals(), again.loadUserOriginals()]);
    expect(idb.puts).toBe(1);
  });

  it('keep what IndexedDB already holds over an old copy left behind', async () => {
    idb.originals = [seed];
    await fakeBrowser.storage.local.set({ userOriginals: brown });
    const store = await load();
    expect(await store.loadUserOriginals()).toEqual([seed]);
    expect(idb.puts).toBe(0);
    expect((await fakeBrowser.storage.local.get())['userOriginals']).toBeUndefined();
  });

  it('keep the old copy when IndexedDB refuses it, and try again next time', async () => {
    await fakeBrowser.storage.local.set({ userOriginals: [seed] });
    idb.failPuts = 1;
    const store = await load();
    await expect(store.loadUserOriginals()).rejects.toThrow('QuotaExceededError');
    expect((await fakeBrowser.storage.local.get())['userOriginals']).toEqual([seed]);
    expect(await store.loadUserOriginals()).toEqual([seed]);
    expect((await fakeBrowser.storage.local.get())['userOriginals']).toBeUndefined();
  });

  it('are empty when never stored', async () => {
    expect(await (await load()).loadUserOriginals()).toEqual([]);
  });

  it('tell the background each time they are stored, so it rebuilds their index', async () => {
    const store = await load();
    let changes = 0;
    store.onUserOriginalsChanged(() => changes++);
    await store.storeUserOriginals([seed]);
    await store.storeUserOriginals([seed, ...brown]);
    expect(changes).toBe(2);
    expect(idb.originals).toEqual([seed, ...brown]);
    expect(await store.loadUserOriginals()).toEqual([seed, ...brown]);
    expect(changes).toBe(2);
  });
});
