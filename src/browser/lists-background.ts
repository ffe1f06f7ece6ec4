// The background's side of corpus lists: subscribe, unsubscribe, update (on a schedule
// and on demand), and the lists' indexes for checking pages, each deserialized once and
// dropped when its list changes. Downloads and checks are src/lists/update.ts; storage is
// corpus-store.ts (IndexedDB). Nothing here makes a request unless the user subscribed to a list.
import { browser } from 'wxt/browser';
import type { CorpusIndex } from '../corpus/corpus-index';
import { deserializeIndex, summarizeIndex, verifyIndex } from '../corpus/index-file';
import { mustDownloadAgain, updateList, type ListState } from '../lists/update';
import * as store from './corpus-store';
import { BUNDLED_LIST_NAME, hostPattern, type ListsReply, type ListView } from './lists-view';
import { errorMessage } from '../text/error-message';

/** Daily updates; and one a minute after the browser starts or the extension is installed. */
export const DAILY_ALARM = 'lists-daily';
export const SOON_ALARM = 'lists-soon';
export const DAY_MINUTES = 24 * 60;
/** A list checked more recently than this is not checked again by the schedule. */
export const STALE_MS = 20 * 60 * 60 * 1000;

/** Index per list URL, loaded on first use; null when a list's bytes cannot be loaded. */
const indexes = new Map<string, Promise<CorpusIndex | null>>();
/** Each loaded list index's URL, to act on a damaged one. */
const urlOfIndex = new WeakMap<CorpusIndex, string>();
/** Updates under way, per list URL: "update now" while the alarm runs waits for the same one. */
const updating = new Map<string, Promise<void>>();

/** A list's loaded index, remembered as that list's. */
function known(url: string, index: CorpusIndex): CorpusIndex {
  urlOfIndex.set(index, url);
  return index;
}

function indexOf(url: string): Promise<CorpusIndex | null> {
  let loading = indexes.get(url);
  if (loading === undefined) {
    loading = store
      .getListIndex(url)
      .then((bytes) => (bytes === undefined ? null : known(url, deserializeIndex(bytes))))
      .catch(() => null);
    indexes.set(url, loading);
  }
  return loading;
}

/** Every subscribed list's index that is loaded and usable, in the lists' order. */
export async function listIndexes(): Promise<CorpusIndex[]> {
  const lists = (await store.getLists()).filter((l) => l.manifest !== undefined);
  const loaded = await Promise.all(lists.map((l) => indexOf(l.url)));
  return loaded.filter((i): i is CorpusIndex => i !== null);
}

/** Creates the daily alarm if it is missing, and a check soon (stale lists only). */
export async function scheduleListUpdates(): Promise<void> {
  if ((await browser.alarms.get(DAILY_ALARM)) === undefined) {
    browser.alarms.create(DAILY_ALARM, { delayInMinutes: DAY_MINUTES, periodInMinutes: DAY_MINUTES });
  }
  browser.alarms.create(SOON_ALARM, { delayInMinutes: 1 });
}

/**
 * For `alarms.onAlarm`: updates, one after the other, the lists not checked for STALE_MS
 * and those kept in an index format this version does not read (after an upgrade).
 */
export async function onListAlarm(name: string): Promise<void> {
  if (name !== DAILY_ALARM && name !== SOON_ALARM) return;
  const now = Date.now();
  for (const list of await store.getLists()) {
    if (!mustDownloadAgain(list) && list.checkedAt !== undefined && now - list.checkedAt <= STALE_MS) continue;
    // One list's trouble (storage full, say) does not stop the others' updates.
    await updateOne(list.url).catch(() => undefined);
  }
}

/** Runs one update of a stored list and records its outcome; a failure keeps the old list. */
function updateOne(url: string): Promise<void> {
  const running = updating.get(url);
  if (running !== undefined) return running;
  const run = (async () => {
    const list = await store.getList(url);
    if (list === undefined) return;
    let parsed: CorpusIndex | undefined;
    const result = await updateList(list, {
      fetch: (input, init) => fetch(input, init),
      validateIndex: (bytes) => {
        parsed = verifyIndex(bytes);
      },
    });
    const state = result.kind === 'failed' ? await withPermissionHint(result.state) : result.state;
    const saved = await store.saveUpdate(
      { ...state, addedAt: list.addedAt },
      result.kind === 'updated' ? result.index : undefined,
    );
    if (saved && result.kind === 'updated') indexes.set(url, Promise.resolve(parsed ? known(url, parsed) : null));
  })().finally(() => updating.delete(url));
  updating.set(url, run);
  return run;
}

/**
 * A list's stored copy failed a check while a page was checked (a block's checksum:
 * storage went bad). It is set aside, marked, and downloaded again whatever the server
 * says; the options page shows why meanwhile. Other corpora are not affected.
 */
export async function reloadDamaged(index: CorpusIndex, reason: string): Promise<void> {
  const url = urlOfIndex.get(index);
  const list = url === undefined ? undefined : await store.getList(url);
  if (url === undefined || list === undefined || updating.has(url)) return;
  indexes.delete(url);
  await store.saveUpdate({
    ...list,
    damaged: true,
    status: 'error',
    error: `its stored copy is damaged (${reason}); downloading it again`,
  });
  await updateOne(url);
}

/** When a download failed and the list's host permission is gone, says so (the user can add the list again). */
async function withPermissionHint(state: ListState): Promise<ListState> {
  try {
    if (await browser.permissions.contains({ origins: [hostPattern(state.url)] })) return state;
  } catch {
    return state;
  }
  if (!state.error?.includes('cannot reach')) return state;
  return { ...state, error: `${state.error} (Repost Radar no longer has permission to reach this site)` };
}

/** Subscribes: the list is kept only when its first download passes every check. */
export async function addList(rawUrl: string): Promise<ListsReply> {
  let url: string;
  try {
    hostPattern(rawUrl);
    url = new URL(rawUrl.trim()).href;
  } catch (error) {
    return { lists: await listViews(), error: errorMessage(error) };
  }
  if ((await store.getList(url)) !== undefined) {
    return { lists: await listViews(), error: `already subscribed to ${url}` };
  }
  const first: ListState = { url, status: 'never-loaded' };
  let parsed: CorpusIndex | undefined;
  const result = await updateList(first, {
    fetch: (input, init) => fetch(input, init),
    validateIndex: (bytes) => {
      parsed = verifyIndex(bytes);
    },
  });
  if (result.kind !== 'updated') {
    await releasePermission(url);
    return { lists: await listViews(), error: `not added: ${result.state.error ?? 'no index'}` };
  }
  await store.addList({ ...result.state, addedAt: Date.now() }, result.index);
  indexes.set(url, Promise.resolve(parsed ? known(url, parsed) : null));
  return { lists: await listViews() };
}

export async function removeList(url: string): Promise<ListsReply> {
  await updating.get(url)?.catch(() => undefined);
  await store.removeList(url);
  indexes.delete(url);
  await releasePermission(url);
  return { lists: await listViews() };
}

/** Gives back the host permission of `url` unless another subscribed list is on the same host. */
async function releasePermission(url: string): Promise<void> {
  let pattern: string;
  try {
    pattern = hostPattern(url);
  } catch {
    return;
  }
  const others = await store.getLists();
  if (others.some((l) => l.url !== url && hostPattern(l.url) === pattern)) return;
  try {
    await browser.permissions.remove({ origins: [pattern] });
  } catch {
    // Never granted (or already removed in the browser's settings): nothing to give back.
  }
}

/** "Update now": one list, or all of them. */
export async function updateNow(url?: string): Promise<ListsReply> {
  const urls = url === undefined ? (await store.getLists()).map((l) => l.url) : [url];
  if (url !== undefined && (await store.getList(url)) === undefined) {
    return { lists: await listViews(), error: `not subscribed to ${url}` };
  }
  await Promise.all(urls.map((u) => updateOne(u)));
  return { lists: await listViews() };
}

let bundledSummary: Promise<{ originals: number; bytes: number; built: string } | null> | null = null;

/** The bundled corpus's figures, read from its header once per background lifetime. */
function bundled(): Promise<{ originals: number; bytes: number; built: string } | null> {
  bundledSummary ??= fetch(browser.runtime.getURL('/corpus.rrx' as '/'))
    .then((response) => response.arrayBuffer())
    .then((buffer) => summarizeIndex(new Uint8Array(buffer)))
    .catch(() => {
      bundledSummary = null;
      return null;
    });
  return bundledSummary;
}

export async function listViews(): Promise<ListView[]> {
  const [summary, lists] = await Promise.all([bundled(), store.getLists()]);
  const builtAt = summary === null ? NaN : Date.parse(summary.built);
  const first: ListView = {
    url: null,
    name: BUNDLED_LIST_NAME,
    maintainer: 'Repost Radar',
    originals: summary?.originals ?? null,
    bytes: summary?.bytes ?? null,
    version: browser.runtime.getManifest().version,
    published: summary?.built ?? null,
    checkedAt: null,
    updatedAt: Number.isNaN(builtAt) ? null : builtAt,
    status: 'bundled',
    error: null,
  };
  return [first, ...lists.map(viewOf)];
}

function viewOf(list: store.StoredList): ListView {
  const m = list.manifest;
  return {
    url: list.url,
    name: m?.name ?? list.url,
    maintainer: m?.maintainer ?? '',
    originals: m?.originals ?? null,
    bytes: m?.bytes ?? null,
    version: m === undefined ? null : String(m.version),
    published: m?.published ?? null,
    checkedAt: list.checkedAt ?? null,
    updatedAt: list.updatedAt ?? null,
    status: updating.has(list.url) ? 'updating' : list.status,
    error: list.error ?? null,
  };
}
