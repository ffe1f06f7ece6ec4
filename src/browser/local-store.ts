import { storage } from 'wxt/utils/storage';
import type { OriginalRecord } from '../corpus/records';
import type { SavedExample } from '../examples/example';

// What the user keeps on this computer (storage.local): saved examples and their own
// originals, as typed, versioned items (WXT storage). A later format bumps `version`
// and adds a migration, so lists saved by an older version are carried over, not lost.
// Writes replace a whole list, so a failed write leaves the old list whole.

const examples = storage.defineItem<SavedExample[]>('local:examples', { fallback: [], version: 1 });
const userOriginals = storage.defineItem<OriginalRecord[]>('local:userOriginals', { fallback: [], version: 1 });

export const loadExamples = (): Promise<SavedExample[]> => examples.getValue();
export const storeExamples = (list: readonly SavedExample[]): Promise<void> => examples.setValue([...list]);
export const loadUserOriginals = (): Promise<OriginalRecord[]> => userOriginals.getValue();
export const storeUserOriginals = (list: readonly OriginalRecord[]): Promise<void> => userOriginals.setValue([...list]);

/** Calls `listener` when the user's originals change (to rebuild their index). */
export function onUserOriginalsChanged(listener: () => void): void {
  userOriginals.watch(() => listener());
}
