import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OriginalRecord } from '../../src/corpus/records';
import { articleTime, DAY_MS, FollowedCorpus, isExpired } from '../../src/follow/corpus';
import {
  alarmPeriodMinutes,
  DEFAULT_FOLLOW_SETTINGS,
  feedHostPattern,
  validSettings,
  type FollowedArticle,
  type FollowedSite,
} from '../../src/follow/sites';
import { SUGGESTED_NEWSROOMS } from '../../src/follow/suggested';
import { checkFeed, newSite, updateSite, type FollowOptions } from '../../src/follow/update';
import { followedViews } from '../../src/follow/view';
import { extractionPages, type ExtractionPage } from '../fixtures/extraction/pages';
import { syndicatedPage } from '../support/syndicated';

// Following a newsroom, in Node: the real feeds of tests/fixtures/ingest and the real saved
// pages they link to, served on 127.0.0.1 with ETags, beside pages that 404, fail with 500,
// time out, are too large, redirect to another site or are not articles. Node's fetch is
// what the background's update is given (wrapped to record what each request asked for).

const ROOT = new URL('../../', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/ingest');
const pages = new Map<string, ExtractionPage>(extractionPages().map((p) => [p.id, p]));
const BILLBOARD = pages.get('9cb8224b660f')!;
const ROLLING_STONE = pages.get('ac1bfdd4c510')!;
const CLEVELAND = pages.get('35b158918c67')!;
const WSJ_PAYWALLED = pages.get('042bb7b5feda')!;
const CTPOST = pages.get('05844573ca7e')!;
const seedPage = (n: string): string => readFileSync(join(ROOT, `tests/fixtures/pages/seed-${n}.html`), 'utf8');

/** Rolling Stone's article republished on another site with its own date and address. */
const syndicated = (site: string, date: string, canonical: string): string =>
  syndicatedPage(ROLLING_STONE, { site, date, canonical });

interface Hit {
  readonly path: string;
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
}

let server: Server;
let other: Server;
let base = '';
let otherBase = '';
const hits: Hit[] = [];
/** Every path asked for, as the request arrives (a request that times out is never answered). */
const requested: string[] = [];
/** Extra items put at the top of feed.rss (a newsroom publishing), and whether the feed is served as HTML. */
const feedState = { extra: '', html: false };

const rss = (items: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Wire copies</title><link>${base}/</link>${items}</channel></rss>`;
const item = (path: string, date?: string): string =>
  `<item><title>${path}</title><link>${base}${path}</link>${date ? `<pubDate>${date}</pubDate>` : ''}</item>`;

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requested.push(path);
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void => {
      hits.push({ path, status, headers: request.headers });
      response.writeHead(status, { 'content-type': type, ...headers });
      response.end(body);
    };
    const html = (body: string): void => send(200, 'text/html; charset=utf-8', body);
    const withEtag = (type: string, body: string): void => {
      const etag = `"${body.length}-${body.slice(-64).length}-${Buffer.from(body).reduce((a, b) => (a * 31 + b) >>> 0, 7)}"`;
      if (request.headers['if-none-match'] === etag) return send(304, type, '', { etag });
      send(200, type, body, { etag, 'last-modified': 'Tue, 19 Nov 2019 12:00:00 GMT' });
    };
    const routes: Record<string, () => void> = {
      '/feed.rss': () => {
        if (feedState.html) return html(BILLBOARD.html);
        const text = readFileSync(join(FIXTURES, 'feed.rss'), 'utf8')
          .replaceAll('{{base}}', base)
          .replace('<item>', `${feedState.extra}<item>`);
        withEtag('application/rss+xml; charset=utf-8', text);
      },
      '/copies.rss': () =>
        withEtag(
          'application/rss+xml',
          rss(
            item('/syndicated/doobie-later.html') +
              item('/syndicated/doobie-earlier.html') +
              item('/articles/moved.html') +
              item('/articles/huge.html'),
          ),
        ),
      '/elsewhere.rss': () => withEtag('application/rss+xml', rss(`<item><link>${otherBase}/a.html</link></item>`)),
      '/sitemap-index.xml': () =>
        send(
          200,
          'application/xml',
          readFileSync(join(FIXTURES, 'sitemap-index.xml'), 'utf8').replaceAll('{{base}}', base),
        ),
      '/sitemaps/news.xml': () =>
        send(200, 'text/xml', readFileSync(join(FIXTURES, 'news-sitemap.xml'), 'utf8').replaceAll('{{base}}', base)),
      '/world/kazakhstan-spiral.html': () => html(seedPage('003')),
      '/world/euroasian-dilemma.html': () => html(seedPage('004')),
      '/articles/billboard-doobie.html': () => html(BILLBOARD.html),
      '/articles/rollingstone-doobie.html': () => html(ROLLING_STONE.html),
      '/articles/cleveland-doobie.html': () => html(CLEVELAND.html),
      '/articles/wsj-stadia.html': () => html(WSJ_PAYWALLED.html),
      '/articles/broken.html': () => send(500, 'text/html', '<h1>Internal Server Error</h1>'),
      '/articles/slow.html': () => {
        const timer = setTimeout(() => html(BILLBOARD.html), 5_000);
        response.on('close', () => clearTimeout(timer));
      },
      '/articles/moved.html': () => send(302, 'text/html', '', { location: `${otherBase}/a.html` }),
      '/articles/huge.html': () =>
        html(`<html><body><article>${'<p>word </p>'.repeat(200_000)}</article></body></html>`),
      '/images/photo.png': () => send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
      '/opinions/rogin-kazakhstan.html': () => html(seedPage('002')),
      '/news/ctpost-suvs.html': () => html(CTPOST.html),
      '/syndicated/doobie-later.html': () =>
        html(syndicated('Music Digest', '2019-11-20T09:00:00+00:00', `${base}/syndicated/doobie-later.html`)),
      '/syndicated/doobie-earlier.html': () =>
        html(syndicated('Wire Music Service', '2019-11-18T22:00:00+00:00', `${base}/syndicated/doobie-earlier.html`)),
    };
    const route = routes[path];
    if (route) route();
    else send(404, 'text/html', '<h1>Not Found</h1>');
  });
  other = createServer(
    (_request, response) => void response.writeHead(200, { 'content-type': 'text/html' }).end(BILLBOARD.html),
  );
  await Promise.all([
    new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve)),
  ]);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  other.closeAllConnections();
  await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => other.close(r))]);
});

beforeEach(() => {
  hits.length = 0;
  requested.length = 0;
  feedState.extra = '';
  feedState.html = false;
});

/** What each request asked fetch for. */
const inits: RequestInit[] = [];
const sleeps: number[] = [];
/** How many requests had been made at each pause. */
const pausedAfter: number[] = [];
/** A day after the Doobie Brothers articles: all of feed.rss's articles are younger than 30 days but Rogin's (2022), which is in the future. */
const NOW = Date.parse('2019-11-20T12:00:00Z');

function options(extra: Partial<FollowOptions> = {}): FollowOptions {
  return {
    fetch: (input, init) => {
      inits.push(init ?? {});
      return fetch(input, init);
    },
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
      pausedAfter.push(requested.length);
    },
    pageLimits: { timeoutMs: 1_000, maxBytes: 1024 * 1024 },
    ...extra,
  };
}

/** The pages asked for, feeds and sitemaps aside. */
const articlePaths = (): string[] => requested.filter((p) => !/\.(rss|xml)$/.test(p)).sort();

describe('following a feed', () => {
  let site: FollowedSite;
  let articles: FollowedArticle[];

  it('reads the feed, then each new article page, one at a time after a polite pause, with no cookie or referrer', async () => {
    inits.length = 0;
    sleeps.length = 0;
    pausedAfter.length = 0;
    const update = await updateSite(newSite(`${base}/feed.rss`, NOW), [], DEFAULT_FOLLOW_SETTINGS, options());
    ({ site, articles } = update);
    // Nine entries: four articles (Billboard, Rolling Stone, cleveland.com, the Post's opinion), a paywalled
    // page and a photo that are no articles, a 404, a 500 and one that answers after the timeout.
    expect(update.tally).toEqual({ added: 4, replaced: 0, duplicates: 0, expired: 0, skipped: 2, failed: 3 });
    expect(articles.map((a) => a.record.url).sort()).toEqual(
      [
        BILLBOARD.url,
        'https://www.cleveland.com/entertainment/2019/11/doobie-brothers-to-reunite-with-michael-mcdonald-for-blossom-show.html',
        'https://www.rollingstone.com/music/music-news/doobie-brothers-michael-mcdonald-50th-anniversary-tour-914341/',
        'https://www.washingtonpost.com/opinions/2022/01/06/putin-cant-afford-crises-both-kazakhstan-ukraine/',
      ].sort(),
    );
    expect(articles.every((a) => a.site === `${base}/feed.rss` && a.fetchedAt === NOW)).toBe(true);
    // Whole paragraphs are kept, not opening sentences.
    const rs = articles.find((a) => a.record.url.includes('rollingstone'))!.record;
    expect(rs.text.split('\n\n').length).toBeGreaterThan(3);
    expect(rs.published).toMatch(/^2019-11-19/);
    expect(site).toMatchObject({ name: 'Music & Opinion Wire', checkedAt: NOW, updatedAt: NOW, pending: [] });
    expect(site.etag).toMatch(/^"/);
    expect(site.error).toMatch(/^3 of 9 articles not read \(.*(HTTP 404|HTTP 500|no answer within 1 s)/);
    // Each pause comes after the previous page was read whole: one request at a time.
    expect(sleeps).toEqual(Array(9).fill(1_000));
    expect(pausedAfter).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(inits.length).toBe(10);
    for (const init of inits) expect(init).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer' });
    expect(hits.every((h) => h.headers.cookie === undefined && h.headers.referer === undefined)).toBe(true);
  });

  it('asks again with If-None-Match: an unchanged feed is one 304, and no article is fetched again', async () => {
    const update = await updateSite(site, articles, DEFAULT_FOLLOW_SETTINGS, options());
    expect(hits.map((h) => [h.path, h.status, h.headers['if-none-match']])).toEqual([['/feed.rss', 304, site.etag]]);
    expect(hits[0]!.headers['if-modified-since']).toBe('Tue, 19 Nov 2019 12:00:00 GMT');
    expect(update.changed).toBe(false);
    expect(update.articles).toHaveLength(4);
    expect(update.site.error).toBeUndefined();
  });

  it('reads only what the feed newly lists (and what failed before), once it changes', async () => {
    feedState.extra = `<item><title>SUVs</title><link>${base}/news/ctpost-suvs.html</link><pubDate>Wed, 20 Nov 2019 08:00:00 GMT</pubDate></item>`;
    const update = await updateSite(site, articles, DEFAULT_FOLLOW_SETTINGS, options());
    expect(hits[0]).toMatchObject({ path: '/feed.rss', status: 200 });
    expect(articlePaths()).toEqual([
      '/articles/broken.html',
      '/articles/missing.html',
      '/articles/slow.html',
      '/news/ctpost-suvs.html',
    ]);
    expect(update.tally).toMatchObject({ added: 1, failed: 3 });
    expect(update.articles).toHaveLength(5);
    ({ site, articles } = update);
  });

  it('reads at most the cap per run; the rest waits for the next run, even when the feed then answers 304', async () => {
    const first = await updateSite(
      newSite(`${base}/feed.rss`, NOW),
      [],
      DEFAULT_FOLLOW_SETTINGS,
      options({ maxArticles: 2 }),
    );
    expect(articlePaths()).toHaveLength(2);
    expect(first.site.pending).toHaveLength(7);
    hits.length = 0;
    requested.length = 0;
    const second = await updateSite(first.site, first.articles, DEFAULT_FOLLOW_SETTINGS, options({ maxArticles: 2 }));
    expect(hits[0]).toMatchObject({ path: '/feed.rss', status: 304 });
    expect(articlePaths()).toHaveLength(2);
    expect(second.site.pending).toHaveLength(5);
    expect(new Set([...articlePaths(), ...first.site.pending.slice(2).map((e) => new URL(e.url).pathname)]).size).toBe(
      7,
    );
  });
});

describe('following a sitemap', () => {
  it('reads a Google News sitemap as a feed: dated entries first, the publication and title it gives kept', async () => {
    const update = await updateSite(newSite(`${base}/sitemaps/news.xml`, NOW), [], { expiryDays: 3650 }, options());
    expect(requested).toEqual(['/sitemaps/news.xml', '/world/euroasian-dilemma.html', '/world/kazakhstan-spiral.html']);
    expect(update.tally).toMatchObject({ added: 2, failed: 0 });
    const dilemma = update.articles.find((a) => a.record.title.startsWith('Putin’s Euroasian Dilemma'));
    expect(dilemma?.record.published).toMatch(/^2022-01-08/);
  });
});

describe('the followed corpus merges as `corpus add` does', () => {
  it('skips a later near-copy, replaces the original with an earlier one, and refuses pages on another site', async () => {
    const feed = await updateSite(newSite(`${base}/feed.rss`, NOW), [], { expiryDays: 3650 }, options());
    const copies = await updateSite(newSite(`${base}/copies.rss`, NOW), feed.articles, { expiryDays: 3650 }, options());
    // The later copy is a duplicate of Rolling Stone's; the earlier one becomes the original in its place.
    expect(copies.tally).toMatchObject({ added: 0, duplicates: 1, replaced: 1, failed: 2 });
    const urls = copies.articles.map((a) => a.record.url);
    expect(urls).toContain(`${base}/syndicated/doobie-earlier.html`);
    expect(urls).not.toContain(`${base}/syndicated/doobie-later.html`);
    expect(urls.some((u) => u.includes('rollingstone'))).toBe(false);
    expect(copies.articles.find((a) => a.record.url.endsWith('doobie-earlier.html'))!.site).toBe(`${base}/copies.rss`);
    expect(copies.site.error).toMatch(/redirected to another site \(127\.0\.0\.1:\d+\)|over 1 MB/);
    expect(copies.site.error).toMatch(/^2 of 4 articles not read/);
  });
});

describe('expiry', () => {
  const record = (id: string, published: string): OriginalRecord => ({
    id,
    title: id,
    author: '',
    publisher: '',
    url: `https://news.example/${id}`,
    published,
    text: `${id} ${'words of an article '.repeat(30)}`,
  });
  const at = (published: string, fetchedAt: number, id = published || 'undated'): FollowedArticle => ({
    site: 'https://news.example/feed',
    fetchedAt,
    record: record(id, published),
  });
  const now = Date.parse('2024-06-30T00:00:00Z');

  it('counts an article from its publication, or from its fetch when undated', () => {
    expect(articleTime(at('2024-06-01', now))).toBe(Date.parse('2024-06-01'));
    expect(articleTime(at('', now - 3 * DAY_MS))).toBe(now - 3 * DAY_MS);
    expect(isExpired(at('2024-05-30', now), now, 30)).toBe(true);
    expect(isExpired(at('2024-06-01', now), now, 30)).toBe(false);
    expect(isExpired(at('', now - 31 * DAY_MS), now, 30)).toBe(true);
    expect(isExpired(at('', now - 29 * DAY_MS), now, 30)).toBe(false);
  });

  it('drops expired articles on load, and refuses a newcomer published before the cut-off', async () => {
    const corpus = new FollowedCorpus(
      [at('2024-05-01', now, 'old'), at('2024-06-20', now, 'recent'), at('', now - 40 * DAY_MS, 'undated-old')],
      { expiryDays: 30 },
      now,
    );
    expect(corpus.expired).toBe(2);
    expect(corpus.articles().map((a) => a.record.id)).toEqual(['recent']);
    // feed.rss's articles are from 2019 and 2022: with a 30-day expiry today, none is kept.
    const update = await updateSite(
      newSite(`${base}/feed.rss`, now),
      [at('2024-05-01', now, 'old')],
      { expiryDays: 30 },
      options({ now: () => now }),
    );
    expect(update.tally).toMatchObject({ added: 0, expired: 5 });
    expect(update.articles).toEqual([]);
    expect(update.changed).toBe(true);
  });
});

describe('what is not a feed', () => {
  it('refuses a page that is not a feed, a sitemap index, and a feed whose articles are on another site', async () => {
    feedState.html = true;
    const html = await checkFeed(newSite(`${base}/feed.rss`, NOW), options());
    expect(html).toMatchObject({ kind: 'failed', reason: 'the address is not an RSS or Atom feed or an XML sitemap' });
    const index = await checkFeed(newSite(`${base}/sitemap-index.xml`, NOW), options());
    expect(index).toMatchObject({
      kind: 'failed',
      reason: `a sitemap index: follow one of the sitemaps it lists, such as ${base}/sitemaps/news.xml`,
    });
    const elsewhere = await checkFeed(newSite(`${base}/elsewhere.rss`, NOW), options());
    expect(elsewhere.kind === 'failed' && elsewhere.reason).toMatch(
      /^its articles are on another site \(127\.0\.0\.1:\d+\)/,
    );
    const missing = await checkFeed(newSite(`${base}/gone.rss`, NOW), options());
    expect(missing).toMatchObject({ kind: 'failed', reason: 'the feed: HTTP 404 Not Found' });
    expect(articlePaths()).toEqual([]);
  });
});

describe('settings, host permission, suggestions and views', () => {
  it('asks for the feed host only, and takes whole-number settings within their ranges', () => {
    expect(feedHostPattern(' https://www.propublica.org/feeds/propublica/main ')).toBe('https://www.propublica.org/*');
    expect(feedHostPattern('http://127.0.0.1:8123/feed.rss')).toBe('http://127.0.0.1/*');
    expect(() => feedHostPattern('ftp://news.example/feed')).toThrow(/https:\/\//);
    expect(() => feedHostPattern('news.example/feed')).toThrow(/not an address/);
    expect(alarmPeriodMinutes(DEFAULT_FOLLOW_SETTINGS)).toBe(360);
    expect(DEFAULT_FOLLOW_SETTINGS.expiryDays).toBe(30);
    expect(validSettings({ intervalHours: 6, expiryDays: 30 })).toBe(true);
    expect(validSettings({ intervalHours: 0, expiryDays: 30 })).toBe(false);
    expect(validSettings({ intervalHours: 6, expiryDays: 400 })).toBe(false);
    expect(validSettings({ intervalHours: 2.5, expiryDays: 30 })).toBe(false);
  });

  it('suggests newsrooms by https feed addresses, each with its licence', () => {
    expect(SUGGESTED_NEWSROOMS.length).toBeGreaterThanOrEqual(7);
    for (const room of SUGGESTED_NEWSROOMS) {
      expect(feedHostPattern(room.feed)).toMatch(/^https:\/\/[a-z.]+\/\*$/);
      expect(room.licence).toMatch(/^CC BY/);
      // Kept as written once followed, so the options page can tell it is followed.
      expect(new URL(room.feed).href).toBe(room.feed);
    }
    expect(new Set(SUGGESTED_NEWSROOMS.map((r) => r.feed)).size).toBe(SUGGESTED_NEWSROOMS.length);
  });

  it("counts each site's articles for the options page", () => {
    const a = { ...newSite('https://a.example/feed', 2), checkedAt: 5, error: 'HTTP 500' };
    const b = newSite('https://b.example/feed', 1);
    const held = (site: string): FollowedArticle => ({
      site,
      fetchedAt: 0,
      record: { id: site, title: '', author: '', publisher: '', url: '', published: '', text: 'x' },
    });
    expect(
      followedViews([a, b], [held(a.url), held(a.url), held(b.url)], (url) => url === b.url).map((v) => [
        v.url,
        v.articles,
        v.checkedAt,
        v.error,
        v.updating,
      ]),
    ).toEqual([
      [b.url, 1, null, null, true],
      [a.url, 2, 5, 'HTTP 500', false],
    ]);
  });
});
