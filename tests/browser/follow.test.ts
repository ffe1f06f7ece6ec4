import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { Browser as Firefox, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OriginalView, TabReport } from '../../src/browser/protocol';
import type { FollowedReply } from '../../src/follow/view';
import { brownHalves } from '../support/brown';
import { badgeText, launchWithExtension, openChecked, SCREENSHOTS, type ExtensionBrowser } from '../support/chromium';
import { finishedFirefoxReport, launchFirefoxWithExtension, openFirefoxExtensionPage } from '../support/firefox';
import { answerPermissionRequests, permissionRequestsIn } from '../support/firefox-permissions';
import { listenLocally } from '../support/local-server';
import { articlePage, servePages, type PageServer } from '../support/pages';

// Following a newsroom in Chromium: a feed served on 127.0.0.1 by the test is followed from
// the options page; the newsroom then publishes a new article, the follow alarm fires, and
// a repost of that article on another port is flagged with no other step, its original's
// whole paragraphs at hand. The next alarm costs one 304 and no article; a shorter expiry
// drops an older article; "Remove" takes the site and its articles away.
//
// The permission prompt cannot be answered in headless Chromium (see lists.test.ts): the
// options page's `permissions.request` is replaced by one that records the call and answers
// true. Fetching works without the grant because Chromium counts the content script's
// http/https match patterns among the extension's hosts.

// Real press reportage (Brown corpus), none of it in the bundled corpus.
const press = brownHalves().first.filter((t) => t.genre === 'a');
const [older, recent, fresh] = [press[25]!, press[26]!, press[27]!];
const DAY = 86_400_000;

interface FeedRequest {
  readonly path: string;
  readonly status: number;
  readonly ifNoneMatch?: string;
  readonly cookie?: string;
  readonly referer?: string;
}

/** The newsroom: an RSS feed with an ETag and its article pages. `publish` adds an article to the feed. */
interface Newsroom {
  readonly origin: string;
  readonly requests: FeedRequest[];
  publish(id: string, published: number): void;
  close(): Promise<void>;
}

async function serveNewsroom(): Promise<Newsroom> {
  const requests: FeedRequest[] = [];
  const items: { id: string; published: number }[] = [];
  const texts = new Map([older, recent, fresh].map((t) => [t.id, t]));
  let origin = '';
  const server = await listenLocally((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const ifNoneMatch = req.headers['if-none-match'];
    const answer = (status: number, headers: Record<string, string>, body?: string): void => {
      requests.push({
        path,
        status,
        ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }),
        ...(req.headers.cookie === undefined ? {} : { cookie: req.headers.cookie }),
        ...(req.headers.referer === undefined ? {} : { referer: req.headers.referer }),
      });
      res.writeHead(status, { 'access-control-allow-origin': '*', ...headers }).end(body);
    };
    if (path === '/feed.rss') {
      const body = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Press Desk</title><link>${origin}/</link>${items
        .map(
          (i) =>
            `<item><title>Report ${i.id}</title><link>${origin}/news/${i.id}.html</link><pubDate>${new Date(i.published).toUTCString()}</pubDate></item>`,
        )
        .join('')}</channel></rss>`;
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      if (ifNoneMatch === etag) return answer(304, { etag });
      return answer(200, { 'content-type': 'application/rss+xml', etag }, body);
    }
    const text = texts.get(/^\/news\/(.+)\.html$/.exec(path)?.[1] ?? '');
    if (text === undefined) return answer(404, { 'content-type': 'text/plain' }, 'not found');
    answer(200, { 'content-type': 'text/html; charset=utf-8' }, articlePage(`Report ${text.id}`, text.paragraphs));
  });
  origin = server.origin;
  return {
    origin,
    requests,
    publish: (id, published) => void items.unshift({ id, published }),
    close: server.close,
  };
}

/** The new article with two paragraphs cut and a contributor bio appended, on another site. */
const repostOfFresh = articlePage('Copied report', [
  ...fresh.paragraphs.filter((_, i) => i !== 2 && i !== 5),
  'Jordan Ellison is a contributing writer for The Daily Example. Follow Jordan on Twitter @jellison.',
]);

let newsroom: Newsroom;
let pages: PageServer;
let ext: ExtensionBrowser;
let feedUrl: string;

beforeAll(async () => {
  [newsroom, pages] = await Promise.all([serveNewsroom(), servePages()]);
  feedUrl = `${newsroom.origin}/feed.rss`;
  newsroom.publish(older.id, Date.now() - 3 * DAY);
  newsroom.publish(recent.id, Date.now() - DAY);
  pages.routes.set('/repost-of-fresh.html', repostOfFresh);
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await Promise.all([newsroom?.close(), pages?.close()]);
});

/** The options page, its `permissions.request` recording calls and answering true (see above). */
async function openOptions(): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    Object.assign(globalThis, { permissionRequests: calls });
    for (const api of [
      (globalThis as { chrome?: typeof chrome }).chrome,
      (globalThis as { browser?: typeof chrome }).browser,
    ]) {
      const permissions = api?.permissions;
      if (permissions === undefined) continue;
      (permissions as { request: unknown }).request = (details: unknown, callback?: (granted: boolean) => void) => {
        calls.push(JSON.parse(JSON.stringify(details)));
        if (callback !== undefined) return void callback(true);
        return Promise.resolve(true);
      };
    }
  });
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.locator('#followed-title').waitFor();
  return page;
}

/** What the background says of the followed sites, asked from an extension page. */
const followed = (page: Page): Promise<FollowedReply> =>
  page.evaluate(() => chrome.runtime.sendMessage({ type: 'get-followed' }) as Promise<FollowedReply>);

/** Waits until no followed site is being updated; returns the sites. */
async function settled(page: Page): Promise<FollowedReply> {
  await expect.poll(async () => (await followed(page)).sites.some((s) => s.updating), { timeout: 30_000 }).toBe(false);
  return followed(page);
}

/** Fires the follow alarm now (an unpacked extension's alarm may be that soon), keeping its period. */
async function fireAlarm(): Promise<void> {
  const worker = await ext.worker();
  await worker.evaluate(() => chrome.alarms.create('follow-update', { when: Date.now() + 50, periodInMinutes: 360 }));
}

async function checkRepost(): Promise<{ report: TabReport; badge: string }> {
  // Another server, and another host name: a page on the original's own host is its original (verdict.ts).
  const url = `${pages.origin.replace('127.0.0.1', 'localhost')}/repost-of-fresh.html`;
  const { page, tabId, report } = await openChecked(ext, url, 30_000);
  const badge = await badgeText(ext, tabId);
  await page.close();
  return { report, badge };
}

const articleRequests = (): string[] => newsroom.requests.filter((r) => r.path !== '/feed.rss').map((r) => r.path);

describe('followed newsrooms in Chromium', () => {
  it('lists suggested newsrooms without contacting any, and sets the alarm every 6 hours', async () => {
    const options = await openOptions();
    const suggestions = options.locator('.suggestion');
    expect(await suggestions.count()).toBeGreaterThanOrEqual(7);
    expect(await suggestions.first().innerText()).toMatch(/^The Conversation \(US\)\s+CC BY-ND\s+Follow$/);
    expect(newsroom.requests).toEqual([]);
    expect(
      await options.evaluate(() => (globalThis as unknown as { permissionRequests: unknown[] }).permissionRequests),
    ).toEqual([]);
    // Set on install, after the settings are read: it may come a moment after the page.
    const worker = await ext.worker();
    await expect
      .poll(() => worker.evaluate(() => chrome.alarms.get('follow-update')), { timeout: 10_000 })
      .toMatchObject({ periodInMinutes: 360 });
    await options.close();
  });

  it('keeps nothing when the address is no feed it can read, and says why', async () => {
    const options = await openOptions();
    await options.getByTestId('feed-url').fill(`${newsroom.origin}/no-feed-here.rss`);
    await options.locator('form.follow-site button[type=submit]').click();
    await expect
      .poll(() => options.locator('.followed-status').innerText())
      .toBe('Not followed: the feed: HTTP 404 Not Found');
    expect((await followed(options)).sites).toEqual([]);
    expect(newsroom.requests.map((r) => `${r.path} ${r.status}`)).toEqual(['/no-feed-here.rss 404']);
    newsroom.requests.length = 0;
    await options.close();
  });

  it('follows a feed: asks for its host only, reads the feed and its articles, and shows them held', async () => {
    const options = await openOptions();
    await options.getByTestId('feed-url').fill(feedUrl);
    await options.locator('form.follow-site button[type=submit]').click();
    await expect
      .poll(() => options.locator('.followed-status').innerText())
      .toBe('Following. Its new articles are being read.');
    expect(
      await options.evaluate(() => (globalThis as unknown as { permissionRequests: unknown[] }).permissionRequests),
    ).toEqual([{ origins: ['http://127.0.0.1/*'] }]);
    const reply = await settled(options);
    expect(reply.sites).toHaveLength(1);
    expect(reply.sites[0]).toMatchObject({ url: feedUrl, name: 'Example Press Desk', articles: 2, error: null });
    const item = options.locator(`.followed[data-url="${feedUrl}"]`);
    await expect
      .poll(() => item.locator('.followed-meta').innerText())
      .toMatch(
        // A time in the reader's zone, named (en: "Dec 6, 2026, 9:00 AM UTC").
        /^2 articles held · updated \w{3} \d{1,2}, 20\d\d, \d{1,2}:\d\d\s[AP]M \S+ · checked /,
      );
    expect(await item.locator('.followed-state').innerText()).toBe('Up to date');
    expect(newsroom.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/feed.rss 200',
      `/news/${recent.id}.html 200`,
      `/news/${older.id}.html 200`,
    ]);
    expect(newsroom.requests.every((r) => r.cookie === undefined && r.referer === undefined)).toBe(true);
    await options.screenshot({ path: `${SCREENSHOTS}chromium-options-followed.png`, fullPage: true });
    await options.close();
  });

  it('flags a repost of an article the newsroom publishes next, once the alarm has fired, with no other step', async () => {
    expect((await checkRepost()).report).toMatchObject({
      status: 'checked',
      analysis: { report: { verdict: 'unrelated' } },
    });

    newsroom.publish(fresh.id, Date.now() - 60_000);
    newsroom.requests.length = 0;
    await fireAlarm();
    await expect.poll(() => articleRequests(), { timeout: 20_000 }).toEqual([`/news/${fresh.id}.html`]);
    const options = await openOptions();
    await expect.poll(async () => (await settled(options)).sites[0]?.articles, { timeout: 30_000 }).toBe(3);

    const { report, badge } = await checkRepost();
    if (report.status !== 'checked') throw new Error(`expected a checked page, got ${report.status}`);
    const { verdict, match, findings } = report.analysis.report;
    expect({ verdict, findings: findings.map((f) => f.kind), badge }).toEqual({
      verdict: 'repost',
      findings: ['missing-paragraphs', 'added-boilerplate'],
      badge: '!2',
    });
    expect(match?.url).toBe(`${newsroom.origin}/news/${fresh.id}.html`);
    // The comparison page gets the original's whole paragraphs, not opening sentences.
    const original = (await options.evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'get-original', id }),
      match!.id,
    )) as OriginalView;
    expect(original.paragraphs.map((p) => p.text)).toEqual(fresh.paragraphs);
    await options.close();
  });

  it('asks again with If-None-Match: an unchanged feed costs one 304, and no article is fetched again', async () => {
    newsroom.requests.length = 0;
    await fireAlarm();
    await expect.poll(() => newsroom.requests.length, { timeout: 20_000 }).toBe(1);
    const options = await openOptions();
    const reply = await settled(options);
    expect(newsroom.requests).toEqual([{ path: '/feed.rss', status: 304, ifNoneMatch: expect.stringMatching(/^"/) }]);
    expect(reply.sites[0]).toMatchObject({ articles: 3, error: null });
    await options.close();
  });

  it('drops articles older than the expiry the reader sets', async () => {
    const options = await openOptions();
    await options.getByTestId('follow-expiry').fill('2');
    await options.locator('form.follow-settings button[type=submit]').click();
    await expect.poll(() => options.locator('.followed-status').innerText()).toBe('Settings saved.');
    const reply = await followed(options);
    expect(reply.settings).toEqual({ intervalHours: 6, expiryDays: 2 });
    expect(reply.sites[0]).toMatchObject({ articles: 2 });
    await expect
      .poll(() => options.locator(`.followed[data-url="${feedUrl}"] .followed-meta`).innerText())
      .toMatch(/^2 articles held/);
    await options.close();
  });

  it('removes a site: it and its articles go, and pages are no longer checked against them', async () => {
    const options = await openOptions();
    const item = options.locator(`.followed[data-url="${feedUrl}"]`);
    await item.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => options.locator('.followed').count()).toBe(0);
    expect(await options.locator('.followed-status').innerText()).toBe('Site removed, with its articles.');
    expect((await followed(options)).sites).toEqual([]);
    expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);
    expect((await checkRepost()).report).toMatchObject({ analysis: { report: { verdict: 'unrelated' } } });
    await options.close();
  });
});

// The same main path in Firefox ESR (puppeteer-core over WebDriver BiDi, as in lists.test.ts),
// against a newsroom of its own. Its permission prompt cannot be answered either, so the
// options page's `browser.permissions.request` is replaced once the page has loaded; the
// alarm is fired from that page (the alarms API is the extension's, whichever page calls it).
describe('followed newsrooms in Firefox ESR', () => {
  const UUID = '6c1d2e3f-4a5b-4c6d-9e7f-8091a2b3c4d5';
  let firefox: Firefox;
  let desk: Newsroom;

  beforeAll(async () => {
    desk = await serveNewsroom();
    desk.publish(older.id, Date.now() - 3 * DAY);
    desk.publish(recent.id, Date.now() - DAY);
    firefox = await launchFirefoxWithExtension(UUID);
  });
  afterAll(async () => {
    await firefox?.close();
    await desk?.close();
  });

  type Api = { browser: typeof chrome };
  const followedIn = (page: FirefoxPage): Promise<FollowedReply> =>
    page.evaluate(
      () =>
        (globalThis as unknown as Api).browser.runtime.sendMessage({ type: 'get-followed' }) as Promise<FollowedReply>,
    );

  async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** Checks the repost in a new tab; its report, read from an extension page. */
  async function checkRepostIn(extensionPage: FirefoxPage): Promise<TabReport> {
    const tab = await firefox.newPage();
    const url = `${pages.origin.replace('127.0.0.1', 'localhost')}/repost-of-fresh.html`;
    await tab.goto(url);
    const { report } = await finishedFirefoxReport(extensionPage, url, 30_000);
    await tab.close();
    return report;
  }

  it('follows a feed, and flags a repost of the next article once the alarm fired; then one 304', async () => {
    const options = await firefox.newPage();
    await openFirefoxExtensionPage(options, `moz-extension://${UUID}/options.html`, '#followed-title');
    await answerPermissionRequests(options, true);
    const feed = `${desk.origin}/feed.rss`;
    await options.type('[data-testid=feed-url]', feed);
    await options.click('form.follow-site button[type=submit]');
    await waitFor('two articles held', async () => (await followedIn(options)).sites[0]?.articles === 2);
    expect(await permissionRequestsIn(options)).toEqual([{ origins: ['http://127.0.0.1/*'] }]);
    expect((await checkRepostIn(options)).status === 'checked').toBe(true);

    desk.publish(fresh.id, Date.now() - 60_000);
    desk.requests.length = 0;
    await options.evaluate(() =>
      (globalThis as unknown as Api).browser.alarms.create('follow-update', {
        when: Date.now() + 50,
        periodInMinutes: 360,
      }),
    );
    await waitFor('the new article held', async () => {
      const site = (await followedIn(options)).sites[0];
      return site?.articles === 3 && !site.updating;
    });
    expect(desk.requests.map((r) => `${r.path} ${r.status}`)).toEqual(['/feed.rss 200', `/news/${fresh.id}.html 200`]);
    const report = await checkRepostIn(options);
    if (report.status !== 'checked') throw new Error(`expected a checked page, got ${report.status}`);
    expect(report.analysis.report.verdict).toBe('repost');
    expect(report.analysis.report.match?.url).toBe(`${desk.origin}/news/${fresh.id}.html`);

    desk.requests.length = 0;
    await options.evaluate(() =>
      (globalThis as unknown as Api).browser.alarms.create('follow-update', {
        when: Date.now() + 50,
        periodInMinutes: 360,
      }),
    );
    await waitFor('the feed asked again', async () => desk.requests.length > 0);
    await waitFor('the update done', async () => !(await followedIn(options)).sites[0]?.updating);
    expect(desk.requests).toEqual([{ path: '/feed.rss', status: 304, ifNoneMatch: expect.stringMatching(/^"/) }]);
    await options.close();
  });
});
