// One update of a followed site: a conditional GET of its feed (ETag / Last-Modified),
// the entries not read before, then their pages, one at a time with a polite pause, at
// most a cap per run (the rest waits for the next run, even if the feed then answers
// 304), each extracted as a page is checked and merged into the followed corpus. Pure:
// `fetch` and the pause are passed in. A failure is a result, never an exception.
import { articleFromHtml } from '../extract/parse-html';
import { parseFeed, type FeedEntry } from '../ingest/feeds';
import { urlIdentity } from '../ingest/merge';
import { candidateFromArticle } from '../ingest/originals';
import { dateValue } from '../text/dates';
import { FollowedCorpus } from './corpus';
import { fetchFromSite, type FetchLimits } from './fetch';
import type { FollowedArticle, FollowedSite, FollowSettings } from './sites';

export interface FollowOptions {
  readonly fetch: typeof fetch;
  readonly now?: () => number;
  /** Article pages fetched per run and site. */
  readonly maxArticles?: number;
  /** Pause before each article page (ms). */
  readonly delayMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly feedLimits?: FetchLimits;
  readonly pageLimits?: FetchLimits;
  /** Called after each article page (the background keeps its service worker awake). */
  readonly onArticle?: () => void;
}

export const DEFAULT_MAX_ARTICLES = 50;
export const DEFAULT_DELAY_MS = 1_000;
export const DEFAULT_FEED_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024 };
export const DEFAULT_PAGE_LIMITS: FetchLimits = { timeoutMs: 20_000, maxBytes: 5 * 1024 * 1024 };
/** Entries waiting for a later run, at most (a first read of a 50,000-address sitemap keeps the newest). */
export const MAX_PENDING = 500;

export interface FollowTally {
  added: number;
  replaced: number;
  duplicates: number;
  expired: number;
  skipped: number;
  failed: number;
}

export type FeedCheck =
  | { readonly kind: 'checked'; readonly site: FollowedSite; readonly modified: boolean }
  | { readonly kind: 'failed'; readonly site: FollowedSite; readonly reason: string };

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const hostOf = (url: string): string => new URL(url).host;

/** Asks for the feed (conditionally once it was read) and queues the entries not read before. */
export async function checkFeed(site: FollowedSite, options: FollowOptions): Promise<FeedCheck> {
  const now = (options.now ?? Date.now)();
  const headers: Record<string, string> = {};
  if (site.checkedAt !== undefined && site.etag !== undefined) headers['If-None-Match'] = site.etag;
  if (site.checkedAt !== undefined && site.lastModified !== undefined) headers['If-Modified-Since'] = site.lastModified;
  const { error: _error, ...rest } = site;
  const fail = (reason: string): FeedCheck => ({
    kind: 'failed',
    site: { ...site, checkedAt: now, error: reason },
    reason,
  });
  const got = await fetchFromSite(options.fetch, site.url, options.feedLimits ?? DEFAULT_FEED_LIMITS, headers);
  if (got.kind === 'failed') return fail(`the feed: ${got.reason}`);
  if (got.kind === 'not-modified') return { kind: 'checked', site: { ...rest, checkedAt: now }, modified: false };
  const feed = parseFeed(got.text, got.url);
  if (feed.kind === 'not-a-feed') return fail(`the address is ${feed.reason}`);
  if (feed.kind === 'sitemap-index') {
    return fail(
      `a sitemap index: follow one of the sitemaps it lists${feed.sitemaps[0] ? `, such as ${feed.sitemaps[0]}` : ''}`,
    );
  }
  const host = hostOf(site.url);
  const onSite = feed.entries.filter((e) => hostOf(e.url) === host);
  if (feed.entries.length > 0 && onSite.length === 0) {
    return fail(`its articles are on another site (${hostOf(feed.entries[0]!.url)}): follow that site's feed`);
  }
  const listed = new Set(onSite.map((e) => urlIdentity(e.url)));
  // Addresses no longer listed are forgotten, so `seen` stays the size of the feed.
  const seen = site.seen.filter((id) => listed.has(id));
  const known = new Set([...seen, ...site.pending.map((e) => urlIdentity(e.url))]);
  const fresh = newestFirst(onSite.filter((e) => !known.has(urlIdentity(e.url))));
  const name = (feed.kind === 'feed' ? feed.entries[0]?.publisher : undefined) || site.name;
  // The validators of this answer replace the old ones (a server may stop sending one).
  const { etag: _etag, lastModified: _lastModified, ...base } = rest;
  return {
    kind: 'checked',
    modified: true,
    site: {
      ...base,
      name,
      checkedAt: now,
      seen,
      pending: [...site.pending, ...fresh].slice(0, MAX_PENDING),
      ...(got.etag ? { etag: got.etag } : {}),
      ...(got.lastModified ? { lastModified: got.lastModified } : {}),
    },
  };
}

/** Dated entries newest first, then the undated ones in the feed's order. */
function newestFirst(entries: readonly FeedEntry[]): FeedEntry[] {
  const time = (e: FeedEntry): number =>
    e.published === undefined ? -Infinity : (dateValue(e.published) ?? -Infinity);
  return entries
    .map((entry, i) => ({ entry, i, t: time(entry) }))
    .sort((a, b) => (b.t === a.t ? a.i - b.i : b.t - a.t))
    .map((x) => x.entry);
}

/** Reads up to the cap of the site's queued entries into `corpus`. */
export async function readArticles(
  site: FollowedSite,
  corpus: FollowedCorpus,
  options: FollowOptions,
  tally: FollowTally = newTally(),
): Promise<{ site: FollowedSite; tally: FollowTally }> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepFor;
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const take = site.pending.slice(0, options.maxArticles ?? DEFAULT_MAX_ARTICLES);
  const read: string[] = [];
  const failures: string[] = [];
  for (const entry of take) {
    await sleep(delayMs);
    const got = await fetchFromSite(options.fetch, entry.url, options.pageLimits ?? DEFAULT_PAGE_LIMITS, {
      accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    });
    options.onArticle?.();
    if (got.kind !== 'ok') {
      // Not marked read: tried again when the feed next lists it.
      tally.failed++;
      failures.push(`${entry.url}: ${got.kind === 'failed' ? got.reason : 'HTTP 304 without a request for it'}`);
      continue;
    }
    read.push(urlIdentity(entry.url)!);
    const page = candidateFromArticle(articleFromHtml(got.text, got.url), {
      source: entry.url,
      fetchedFrom: got.url,
      entry,
    });
    if (page.kind === 'skipped') {
      tally.skipped++;
      continue;
    }
    const outcome = corpus.offer(page.candidate, site.url, now());
    if (outcome.kind === 'added') tally.added++;
    else if (outcome.kind === 'replaced') tally.replaced++;
    else if (outcome.kind === 'duplicate') tally.duplicates++;
    else tally.expired++;
  }
  const { error: _error, ...rest } = site;
  const changed = tally.added + tally.replaced > 0;
  return {
    tally,
    site: {
      ...rest,
      seen: [...site.seen, ...read],
      pending: site.pending.slice(take.length),
      ...(changed ? { updatedAt: now() } : {}),
      ...(failures.length > 0
        ? {
            error: `${failures.length} of ${take.length} articles not read (${failures[0]}${failures.length > 1 ? '; …' : ''})`,
          }
        : {}),
    },
  };
}

export function newTally(): FollowTally {
  return { added: 0, replaced: 0, duplicates: 0, expired: 0, skipped: 0, failed: 0 };
}

export interface SiteUpdate {
  readonly site: FollowedSite;
  /** The whole followed corpus after the update (every site's articles). */
  readonly articles: FollowedArticle[];
  readonly tally: FollowTally;
  /** Whether the corpus changed (articles added, replaced or expired). */
  readonly changed: boolean;
}

/** A whole update of one site: the feed, then its new articles, into the followed corpus. */
export async function updateSite(
  site: FollowedSite,
  articles: readonly FollowedArticle[],
  settings: Pick<FollowSettings, 'expiryDays'>,
  options: FollowOptions,
): Promise<SiteUpdate> {
  const corpus = new FollowedCorpus(articles, settings, (options.now ?? Date.now)());
  const tally = newTally();
  tally.expired += corpus.expired;
  const checked = await checkFeed(site, options);
  const after =
    checked.kind === 'failed'
      ? { site: checked.site, tally }
      : await readArticles(checked.site, corpus, options, tally);
  return {
    site: after.site,
    articles: corpus.articles(),
    tally: after.tally,
    changed: tally.added + tally.replaced + tally.expired > 0,
  };
}

/** A new site to follow, before its first check. */
export function newSite(url: string, now: number): FollowedSite {
  return { url, name: new URL(url).host, addedAt: now, seen: [], pending: [] };
}
