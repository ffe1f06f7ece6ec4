// The comparison page's kept copies (src/browser/compare-snapshots.ts): the latest ten, in
// session storage (the fake browser's), the oldest giving way first, also when storage is full.
import { fakeBrowser } from '../support/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CompareSnapshot } from '../../src/browser/compare-snapshots';

const load = async () => {
  vi.resetModules();
  return import('../../src/browser/compare-snapshots');
};

/** A snapshot whose report and original are the smallest the type allows: only ids and sizes matter here. */
const snapshot = (id: string, text = 'x'): CompareSnapshot =>
  ({
    id,
    report: { status: 'checked', url: `https://a.example/${id}`, checkedAt: 1, analysis: { text } },
    original: { original: { id: 'o' }, paragraphs: [] },
  }) as unknown as CompareSnapshot;

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('kept comparisons', () => {
  it('puts the newest first, replaces one of the same id, and keeps at most the cap', async () => {
    const { keepSnapshot, MAX_SNAPSHOTS } = await load();
    let list: CompareSnapshot[] = [];
    for (let k = 0; k < MAX_SNAPSHOTS + 3; k++) list = keepSnapshot(list, snapshot(`s${k}`));
    expect(list.map((s) => s.id)).toEqual(Array.from({ length: MAX_SNAPSHOTS }, (_, k) => `s${MAX_SNAPSHOTS + 2 - k}`));
    const again = keepSnapshot(list, snapshot('s5', 'newer'));
    expect(again.map((s) => s.id)).toEqual(['s5', ...list.map((s) => s.id).filter((id) => id !== 's5')]);
    expect(again[0]!.report.analysis).toEqual({ text: 'newer' });
  });

  it('names a tab’s check by its tab and time', async () => {
    const { snapshotId } = await load();
    expect(snapshotId(7, snapshot('a').report)).toBe('7-1');
  });

  it('gives a kept comparison back from session storage after a reload, and nothing for an unknown id', async () => {
    const first = await load();
    expect(await first.saveSnapshot(snapshot('a'))).toBe(true);
    expect(await first.saveSnapshot(snapshot('b'))).toBe(true);
    const reloaded = await load();
    expect((await reloaded.loadSnapshot('a'))?.id).toBe('a');
    expect(await reloaded.loadSnapshot('nope')).toBeNull();
    expect(Object.keys(await fakeBrowser.storage.session.get(null))).toEqual(['compareSnapshots']);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('lets older ones go when storage is full, and says so when even the newest alone does not fit', async () => {
    const store = await load();
    for (const id of ['a', 'b', 'c']) await store.saveSnapshot(snapshot(id));
    // Room for two comparisons only.
    const set = fakeBrowser.storage.session.set.bind(fakeBrowser.storage.session);
    vi.spyOn(fakeBrowser.storage.session, 'set').mockImplementation(async (items: Record<string, unknown>) => {
      const list = items['compareSnapshots'] as CompareSnapshot[] | undefined;
      // Two small ones fit; one huge one never does.
      if (list && (list.length > 2 || JSON.stringify(list).includes('huge')))
        throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    expect(await store.saveSnapshot(snapshot('d'))).toBe(true);
    expect(await store.loadSnapshot('d')).not.toBeNull();
    expect(await store.loadSnapshot('c')).not.toBeNull();
    expect(await store.loadSnapshot('b')).toBeNull();
    expect(await store.saveSnapshot(snapshot('e', 'huge'))).toBe(false);
    expect(await store.loadSnapshot('d')).not.toBeNull();
  });
});
