import { browser } from 'wxt/browser';
import type { OriginalRecord } from '../corpus/records';
import type { SavedExample } from '../examples/example';

// What the user keeps on this computer (storage.local): saved examples and their own
// originals. Writes replace a whole list, so a failed write leaves the old list whole.
const EXAMPLES = 'examples';
const ORIGINALS = 'userOriginals';

async function read<T>(key: string): Promise<T[]> {
  const stored = await browser.storage.local.get(key);
  return (stored[key] as T[] | undefined) ?? [];
}

export const loadExamples = (): Promise<SavedExample[]> => read<SavedExample>(EXAMPLES);
export const storeExamples = (examples: readonly SavedExample[]): Promise<void> =>
  browser.storage.local.set({ [EXAMPLES]: examples });
export const loadUserOriginals = (): Promise<OriginalRecord[]> => read<OriginalRecord>(ORIGINALS);
export const storeUserOriginals = (originals: readonly OriginalRecord[]): Promise<void> =>
  browser.storage.local.set({ [ORIGINALS]: originals });

/** Calls `listener` when the user's originals change (to rebuild their index). */
export function onUserOriginalsChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && ORIGINALS in changes) listener();
  });
}
