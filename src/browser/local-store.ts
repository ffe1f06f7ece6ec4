import { storage } from 'wxt/utils/storage';
import type { OriginalRecord } from '../corpus/records';
import type { SavedExample } from '../saved-examples/example';
import { getOriginals, putOriginals } from './corpus-store';

// What the user keeps on this computer. Saved examples are a typed, versioned item in
// storage.local (WXT storage): a later format bumps `version` and adds a migration, so
// lists saved by an older version are carried over, not lost. The user's own originals
// can be large, so they live in IndexedDB (corpus-store.ts), past storage.local's 10 MB;
// versions up to 0.1 kept them in storage.local, and they are moved over once.
// Writes replace a whole list, so a failed write leaves the old list whole.

const examples = storage.defineItem<SavedExample[]>('local:examples', { fallback: [], version: 1 });
/** Where versions up to 0.1 kept the user's originals: read once, moved to IndexedDB, removed. */
const legacyOriginals = storage.defineItem<OriginalRecord[] | null>('local:userOriginals', { fallback: null });
/**
 * Bumped on each write of the originals: IndexedDB has no change events across the
 * extension's pages, so the background watches this small item to rebuild their index.
 */
const originalsRevision = storage.defineItem<number>('local:userOriginalsRevision', { fallback: 0 });

export const loadExamples = (): Promise<SavedExample[]> => examples.getValue();
export const storeExamples = (list: readonly SavedExample[]): Promise<void> => examples.setValue([...list]);

let migrating: Promise<void> | null = null;

/**
 * Moves originals kept in storage.local by an older version into IndexedDB, once. Safe to
 * run twice or from two pages at once: what IndexedDB already holds wins (it was written
 * by this migration or after it), and the old copy is removed only once IndexedDB has it.
 */
export function migrateUserOriginals(): Promise<void> {
  migrating ??= (async () => {
    const legacy = await legacyOriginals.getValue();
    if (legacy === null) return;
    if ((await getOriginals()) === undefined) await putOriginals(legacy);
    await legacyOriginals.removeValue({ removeMeta: true });
  })().catch((error: unknown) => {
    migrating = null;
    throw error;
  });
  return migrating;
}

export async function loadUserOriginals(): Promise<OriginalRecord[]> {
  await migrateUserOriginals();
  return (await getOriginals()) ?? [];
}

export async function storeUserOriginals(list: readonly OriginalRecord[]): Promise<void> {
  await migrateUserOriginals();
  await putOriginals(list);
  await originalsRevision.setValue((await originalsRevision.getValue()) + 1);
}

/** Calls `listener` when the user's originals change (to rebuild their index). */
export function onUserOriginalsChanged(listener: () => void): void {
  originalsRevision.watch(() => listener());
}
