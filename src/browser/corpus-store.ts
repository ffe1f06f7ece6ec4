// The corpus the reader added, in IndexedDB (idb) since it may be large (storage.local
// holds about 10 MB in Chrome): each subscribed corpus list's state and its index bytes,
// and the reader's own originals.
// The extension's pages and its background share one database (same origin).
//
// - `lists`: one ListState per subscribed list (key: the manifest's URL), small;
// - `indexes`: that list's index file as bytes (key: the same URL), read only to load it;
// - `originals`: the user's own originals, one array under one key, so that a write
//   replaces the whole list in one transaction and a failed write leaves the old one whole.
import type { DBSchema } from 'idb';
import { databaseOpener } from './idb-open';
import type { OriginalRecord } from '../corpus/records';
import type { ListState } from '../lists/update';

/** A subscribed list as stored: its update state, and when it was added (the lists' order). */
export interface StoredList extends ListState {
  readonly addedAt: number;
}

interface Schema extends DBSchema {
  lists: { key: string; value: StoredList };
  indexes: { key: string; value: { readonly url: string; readonly bytes: Uint8Array } };
  originals: { key: string; value: readonly OriginalRecord[] };
}

const DB_NAME = 'repost-radar';
const DB_VERSION = 1;
const ORIGINALS_KEY = 'user';

const db = databaseOpener<Schema>(DB_NAME, DB_VERSION, (database) => {
  database.createObjectStore('lists', { keyPath: 'url' });
  database.createObjectStore('indexes', { keyPath: 'url' });
  database.createObjectStore('originals');
});

/** The subscribed lists, oldest first. */
export async function getLists(): Promise<StoredList[]> {
  const all = await (await db()).getAll('lists');
  return all.sort((a, b) => a.addedAt - b.addedAt);
}

export async function getList(url: string): Promise<StoredList | undefined> {
  return (await db()).get('lists', url);
}

/** A list's index bytes, or undefined when none was downloaded yet. */
export async function getListIndex(url: string): Promise<Uint8Array | undefined> {
  return (await (await db()).get('indexes', url))?.bytes;
}

/** Adds a list with its first index, in one transaction. */
export async function addList(list: StoredList, index: Uint8Array): Promise<void> {
  const tx = (await db()).transaction(['lists', 'indexes'], 'readwrite');
  await Promise.all([
    tx.objectStore('lists').put(list),
    tx.objectStore('indexes').put({ url: list.url, bytes: index }),
    tx.done,
  ]);
}

/**
 * Records the outcome of an update: the new state, and the new index when there is one,
 * together. A list removed while it was being updated stays removed (returns false).
 */
export async function saveUpdate(list: StoredList, index?: Uint8Array): Promise<boolean> {
  const tx = (await db()).transaction(['lists', 'indexes'], 'readwrite');
  const lists = tx.objectStore('lists');
  if ((await lists.get(list.url)) === undefined) {
    await tx.done;
    return false;
  }
  await Promise.all([
    lists.put(list),
    index === undefined ? undefined : tx.objectStore('indexes').put({ url: list.url, bytes: index }),
    tx.done,
  ]);
  return true;
}

export async function removeList(url: string): Promise<void> {
  const tx = (await db()).transaction(['lists', 'indexes'], 'readwrite');
  await Promise.all([tx.objectStore('lists').delete(url), tx.objectStore('indexes').delete(url), tx.done]);
}

/** The user's own originals (undefined when none were ever stored here). */
export async function getOriginals(): Promise<OriginalRecord[] | undefined> {
  const stored = await (await db()).get('originals', ORIGINALS_KEY);
  return stored === undefined ? undefined : [...stored];
}

export async function putOriginals(list: readonly OriginalRecord[]): Promise<void> {
  await (await db()).put('originals', [...list], ORIGINALS_KEY);
}
