// The background's side of followed newsrooms: follow, unfollow, update (on an alarm,
// every few hours, and on demand), the settings, and the followed corpus's index for
// checking pages, built with full text and rebuilt only when the corpus changes. The
// fetching and merging is src/follow/ (pure); storage is follow-store.ts (IndexedDB).
// Nothing here makes a request unless the reader followed a site.
import { browser } from 'wxt/browser';
import { buildCorpusIndex, type CorpusIndex } from '../corpus/corpus-index';
import { FollowedCorpus } from '../follow/corpus';
import { alarmPeriodMinutes, feedHostPattern, type FollowedSite, type FollowSettings } from '../follow/sites';
import { checkFeed, newSite, readArticles, updateSite, type FollowOptions } from '../follow/update';
import { followedViews, type FollowedReply } from '../follow/view';
import { errorMessage } from '../text/error-message';
import * as store from './follow-store';
import { getLists } from './corpus-store';
import { hostPattern } from './lists-view';

export const FOLLOW_ALARM = 'follow-update';

const options = (): FollowOptions => ({
  fetch: (input, init) => fetch(input, init),
  // An extension API call per page keeps an MV3 service worker from being stopped mid-run.
  onArticle: () => void browser.runtime.getPlatformInfo().catch(() => undefined),
});

let index: Promise<CorpusIndex | null> | null = null;

/** The followed corpus's index (full text: the comparison page shows whole paragraphs); null when empty. */
export function followedIndex(): Promise<CorpusIndex | null> {
  index ??= store
    .getArticles()
    .then((articles) =>
      articles.length > 0
        ? buildCorpusIndex(
            articles.map((a) => a.record),
            { fullText: true },
          )
        : null,
    )
    .catch((error: unknown) => {
      index = null;
      throw error;
    });
  return index;
}

/**
 * The corpus changed: its index is built again now, in the background, rather than by the
 * next page checked (about 0.7 s for 50 articles: bench/follow.ts).
 */
function corpusChanged(): void {
  index = null;
  void followedIndex().catch(() => undefined);
}

/** When the feed could not be reached and the site's permission is gone, says so (the reader can follow it again). */
async function withPermissionHint(site: FollowedSite): Promise<FollowedSite> {
  if (!site.error?.includes('cannot reach')) return site;
  try {
    if (await browser.permissions.contains({ origins: [feedHostPattern(site.url)] })) return site;
  } catch {
    return site;
  }
  return { ...site, error: `${site.error} (Repost Radar no longer has permission to reach this site)` };
}

/**
 * Updates run one after another: each reads the whole corpus, merges and writes it back.
 * `running` holds each site's run, so "Update now" during the alarm's run joins it.
 */
let queue: Promise<unknown> = Promise.resolve();
const running = new Map<string, Promise<void>>();

function enqueue(job: () => Promise<void>): Promise<void> {
  const run = queue.then(job, job);
  queue = run.catch(() => undefined);
  return run;
}

/** One site's update: the feed and its new articles, or (just followed) the articles its first read queued. */
function runUpdate(url: string, articlesOnly = false): Promise<void> {
  const already = running.get(url);
  if (already !== undefined) return already;
  const run = enqueue(async () => {
    const site = await store.getSite(url);
    if (site === undefined) return;
    const [articles, settings] = await Promise.all([store.getArticles(), store.getSettings()]);
    let result: { site: typeof site; articles?: typeof articles };
    if (articlesOnly) {
      const corpus = new FollowedCorpus(articles, settings, Date.now());
      const read = await readArticles(site, corpus, options());
      const changed = corpus.expired + read.tally.added + read.tally.replaced > 0;
      result = { site: read.site, ...(changed ? { articles: corpus.articles() } : {}) };
    } else {
      const update = await updateSite(site, articles, settings, options());
      result = { site: update.site, ...(update.changed ? { articles: update.articles } : {}) };
    }
    const saved = await store.saveUpdate(await withPermissionHint(result.site), result.articles);
    if (saved && result.articles !== undefined) corpusChanged();
  }).finally(() => running.delete(url));
  running.set(url, run);
  return run;
}

/** Creates the alarm when it is missing or its period is not the settings' one. */
export async function scheduleFollowUpdates(): Promise<void> {
  const period = alarmPeriodMinutes(await store.getSettings());
  const alarm = await browser.alarms.get(FOLLOW_ALARM);
  if (alarm?.periodInMinutes !== period) {
    browser.alarms.create(FOLLOW_ALARM, { delayInMinutes: period, periodInMinutes: period });
  }
}

/** For `alarms.onAlarm`: updates every followed site, one after the other. */
export async function onFollowAlarm(name: string): Promise<void> {
  if (name !== FOLLOW_ALARM) return;
  for (const site of await store.getSites()) {
    // One site's trouble does not stop the others' updates.
    await runUpdate(site.url).catch(() => undefined);
  }
}

export async function followedReply(error?: string): Promise<FollowedReply> {
  const [sites, articles, settings] = await Promise.all([store.getSites(), store.getArticles(), store.getSettings()]);
  return {
    sites: followedViews(sites, articles, (url) => running.has(url)),
    settings,
    ...(error === undefined ? {} : { error }),
  };
}

/**
 * Follows a feed (the options page asked for its host first): its feed is read now, and the
 * site kept only when that works; its articles are then read in the background.
 */
export async function followSite(rawUrl: string): Promise<FollowedReply> {
  let url: string;
  try {
    feedHostPattern(rawUrl);
    url = new URL(rawUrl.trim()).href;
  } catch (error) {
    return followedReply(`Not followed: ${errorMessage(error)}`);
  }
  if ((await store.getSite(url)) !== undefined) return followedReply(`Already following ${url}`);
  const checked = await checkFeed(newSite(url, Date.now()), options());
  if (checked.kind === 'failed') {
    await releasePermission(url);
    return followedReply(`Not followed: ${checked.reason}`);
  }
  await store.addSite(checked.site);
  void runUpdate(url, true).catch(() => undefined);
  return followedReply();
}

/** Unfollows: the site and its articles go, and its host permission when nothing else needs it. */
export async function unfollowSite(url: string): Promise<FollowedReply> {
  if ((await store.getSite(url)) === undefined) return followedReply(`Not following ${url}`);
  await store.removeSite(url);
  corpusChanged();
  await releasePermission(url);
  return followedReply();
}

/** Gives back the host permission of `url` unless another followed site or a corpus list is on that host. */
async function releasePermission(url: string): Promise<void> {
  let pattern: string;
  try {
    pattern = feedHostPattern(url);
  } catch {
    return;
  }
  const samePattern = (other: string): boolean => {
    try {
      return hostPattern(other) === pattern;
    } catch {
      return false;
    }
  };
  const [sites, lists] = await Promise.all([store.getSites(), getLists().catch(() => [])]);
  if (sites.some((s) => s.url !== url && samePattern(s.url)) || lists.some((l) => samePattern(l.url))) return;
  try {
    await browser.permissions.remove({ origins: [pattern] });
  } catch {
    // Never granted, or already removed in the browser's settings.
  }
}

/** "Update now": one site, or every one. */
export async function updateFollowedNow(url?: string): Promise<FollowedReply> {
  const sites = await store.getSites();
  if (url !== undefined && !sites.some((s) => s.url === url)) return followedReply(`Not following ${url}`);
  await Promise.all(sites.filter((s) => url === undefined || s.url === url).map((s) => runUpdate(s.url)));
  return followedReply();
}

/** New settings: the alarm follows the interval; a shorter expiry applies at once. */
export async function setFollowSettings(settings: FollowSettings): Promise<FollowedReply> {
  await store.putSettings(settings);
  await scheduleFollowUpdates();
  await enqueue(async () => {
    const corpus = new FollowedCorpus(await store.getArticles(), settings, Date.now());
    if (corpus.expired === 0) return;
    await store.saveArticles(corpus.articles());
    corpusChanged();
  });
  return followedReply();
}
