// The followed sites and their articles in IndexedDB (idb), in a database of their own
// (corpus-store.ts's schema is left alone): the background writes, and reads when it loads.
//
// - `sites`: one FollowedSite per followed feed (key: its address);
// - `articles`: the whole followed corpus, one array under one key, so that an update
//   replaces it in one transaction with its site's state, and a failed write leaves both;
// - `settings`: the reader's FollowSettings, under one key.
import type { DBSchema } from 'idb';
import { databaseOpener } from './idb-open';
import { DEFAULT_FOLLOW_SETTINGS, type FollowedArticle, type FollowedSite, type FollowSettings } from '../follow/sites';

interface Schema extends DBSchema {
  sites: { key: string; value: FollowedSite };
  articles: { key: string; value: readonly FollowedArticle[] };
  settings: { key: string; value: FollowSettings };
}

export const FOLLOW_DB_NAME = 'repost-radar-followed';
const DB_VERSION = 1;
const KEY = 'all';

const db = databaseOpener<Schema>(FOLLOW_DB_NAME, DB_VERSION, (database) => {
  database.createObjectStore('sites', { keyPath: 'url' });
  database.createObjectStore('articles');
  database.createObjectStore('settings');
});

export async function getSites(): Promise<FollowedSite[]> {
  return (await db()).getAll('sites');
}

export async function getSite(url: string): Promise<FollowedSite | undefined> {
  return (await db()).get('sites', url);
}

export async function getArticles(): Promise<FollowedArticle[]> {
  return [...((await (await db()).get('articles', KEY)) ?? [])];
}

export async function getSettings(): Promise<FollowSettings> {
  return (await (await db()).get('settings', KEY)) ?? DEFAULT_FOLLOW_SETTINGS;
}

export async function putSettings(settings: FollowSettings): Promise<void> {
  await (await db()).put('settings', settings, KEY);
}

export async function addSite(site: FollowedSite): Promise<void> {
  await (await db()).put('sites', site);
}

/**
 * Records an update: the site's new state and, when it changed, the whole corpus, in one
 * transaction. A site removed while it was being updated stays removed (returns false).
 */
export async function saveUpdate(site: FollowedSite, articles?: readonly FollowedArticle[]): Promise<boolean> {
  const tx = (await db()).transaction(['sites', 'articles'], 'readwrite');
  const sites = tx.objectStore('sites');
  if ((await sites.get(site.url)) === undefined) {
    await tx.done;
    return false;
  }
  // An update that began before another site was removed must not bring its articles back.
  const live = new Set(await sites.getAllKeys());
  await Promise.all([
    sites.put(site),
    articles === undefined
      ? undefined
      : tx.objectStore('articles').put(
          articles.filter((a) => live.has(a.site)),
          KEY,
        ),
    tx.done,
  ]);
  return true;
}

/** Replaces the corpus (after an expiry), keeping only the articles of sites still followed. */
export async function saveArticles(articles: readonly FollowedArticle[]): Promise<void> {
  const tx = (await db()).transaction(['sites', 'articles'], 'readwrite');
  const live = new Set(await tx.objectStore('sites').getAllKeys());
  await Promise.all([
    tx.objectStore('articles').put(
      articles.filter((a) => live.has(a.site)),
      KEY,
    ),
    tx.done,
  ]);
}

/** Unfollows a site: it and its articles go, in one transaction. */
export async function removeSite(url: string): Promise<void> {
  const tx = (await db()).transaction(['sites', 'articles'], 'readwrite');
  const articles = tx.objectStore('articles');
  const kept = ((await articles.get(KEY)) ?? []).filter((a) => a.site !== url);
  await Promise.all([tx.objectStore('sites').delete(url), articles.put(kept, KEY), tx.done]);
}
