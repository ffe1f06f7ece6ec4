import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Browser as Firefox, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabReport } from '../../src/browser/protocol';
import { summarizeIndex } from '../../src/corpus/index-file';
import { asOriginal, brownHalves } from '../support/brown';
import {
  badgeText,
  launchWithExtension,
  openChecked,
  openPopup,
  SCREENSHOTS,
  stopServiceWorker,
  type ExtensionBrowser,
} from '../support/chromium';
import { finishedFirefoxReport, launchFirefoxWithExtension, openFirefoxExtensionPage } from '../support/firefox';
import { answerPermissionRequests, permissionRequestsIn } from '../support/firefox-permissions';
import { listenLocally } from '../support/local-server';
import { articlePage, extensionDir, servePages, type PageServer } from '../support/pages';

// Corpus lists in Chromium: a list published with the real command line (`corpus keygen`,
// `corpus build`, `corpus publish`) and served on 127.0.0.1 is subscribed from the options
// page, then republished with a new article while the extension runs; after "Update now"
// a repost of that article is flagged, without reinstalling. A republished list with a bad
// signature, a 500 and a truncated index keep the old list, and the options page says why.
//
// The permission prompt. Adding a list calls `permissions.request` for the list's host in
// the click. Headless Chromium shows its prompt and nothing can answer it: Playwright has no
// API for extension permission prompts (microsoft/playwright#32755, "out of scope"), and
// Chromium's auto-confirm (ScopedTestDialogAutoConfirm) is a C++ test hook with no command
// line switch. So the first test clicks "Add list" with the real API and checks the request
// names the list's host only, stays unanswered, and that nothing was fetched or added. The
// later tests stand in for the user's "Allow": in the options page (only there) an init
// script replaces `permissions.request` with one that records the call and answers true.
// The download then works without the granted permission because Chromium counts the
// content script's http/https match patterns among the extension's hosts (the background's
// fetch is sent without an Origin header or preflight); the list server also sends
// `Access-Control-Allow-Origin: *` so the test does not rest on that.

const BIN = new URL('../../bin/repost-radar.cjs', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-lists-'));
const listDir = join(tmp, 'published');
const key = join(tmp, 'key.pem');
const LIST_NAME = 'Brown <b>press</b> list';

// Real press reportage (Brown corpus), none of it in the bundled corpus.
const press = brownHalves().first.filter((t) => t.genre === 'a');
const [first, second, added] = [press[20]!, press[21]!, press[22]!];
/** The new article with two paragraphs cut and a contributor bio appended. */
const repostOfAdded = articlePage('Oregon contract questioned', [
  ...added.paragraphs.filter((_, i) => i !== 3 && i !== 6),
  'Jordan Ellison is a contributing writer for The Daily Example. Follow Jordan on Twitter @jellison.',
]);

function cli(...args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`repost-radar ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Builds an index of these originals and publishes it into `listDir` (next version). */
function publish(texts: readonly (typeof first)[]): void {
  const jsonl = join(tmp, `originals-${texts.length}.jsonl`);
  writeFileSync(jsonl, texts.map((t) => JSON.stringify(asOriginal(t))).join('\n') + '\n');
  const index = join(tmp, `index-${texts.length}.rrx`);
  cli('corpus', 'build', jsonl, '-o', index);
  cli('corpus', 'publish', index, '-o', listDir, '--key', key, '--name', LIST_NAME, '--maintainer', 'Test Desk');
}

interface ListRequest {
  readonly path: string;
  readonly status: number;
  readonly ifNoneMatch?: string;
}

/** A static host for the list, with ETags (304 on If-None-Match), and switches for failures. */
interface ListServer {
  readonly origin: string;
  readonly requests: ListRequest[];
  mode: 'ok' | '500' | 'truncate-index';
  close(): Promise<void>;
}

async function serveList(): Promise<ListServer> {
  const requests: ListRequest[] = [];
  const state: { mode: ListServer['mode'] } = { mode: 'ok' };
  const { origin, close } = await listenLocally((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    const ifNoneMatch = req.headers['if-none-match'];
    const answer = (status: number, headers: Record<string, string> = {}, body?: Buffer | string): void => {
      requests.push({ path, status, ...(ifNoneMatch === undefined ? {} : { ifNoneMatch }) });
      res.writeHead(status, { 'access-control-allow-origin': '*', ...headers }).end(body);
    };
    const file = /^\/list\/(manifest\.json|corpus\.rrx)$/.exec(path)?.[1];
    if (file === undefined) return answer(404, { 'content-type': 'text/plain' }, 'not found');
    if (state.mode === '500') return answer(500, { 'content-type': 'text/plain' }, 'server error');
    const body = readFileSync(join(listDir, file));
    const type = file === 'manifest.json' ? 'application/json' : 'application/octet-stream';
    if (state.mode === 'truncate-index' && file === 'corpus.rrx') {
      // Half the file, and nothing the browser's cache could revalidate later.
      return answer(200, { 'content-type': type, 'cache-control': 'no-store' }, body.subarray(0, body.length >> 1));
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (ifNoneMatch === etag) return answer(304, { etag });
    answer(200, { 'content-type': type, etag }, body);
  });
  return {
    origin,
    requests,
    get mode() {
      return state.mode;
    },
    set mode(mode) {
      state.mode = mode;
    },
    close,
  };
}

let pages: PageServer;
let lists: ListServer;
let ext: ExtensionBrowser;
let manifestUrl: string;

beforeAll(async () => {
  cli('corpus', 'keygen', '-o', key);
  publish([first, second]);
  [pages, lists] = await Promise.all([servePages(), serveList()]);
  pages.routes.set('/repost-of-added.html', repostOfAdded);
  manifestUrl = `${lists.origin}/list/manifest.json`;
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await Promise.all([pages?.close(), lists?.close()]);
});

/**
 * Opens the options page. `permissions.request` is wrapped to record its calls; with
 * `allow` it answers true, standing in for the user's click on the prompt (see above).
 */
async function openOptions(permission: 'prompt' | 'allow'): Promise<Page> {
  const page = await ext.context.newPage();
  await page.addInitScript((allow: boolean) => {
    const calls: unknown[] = [];
    Object.assign(globalThis, { permissionRequests: calls });
    const wrapped = new WeakSet<object>();
    for (const api of [
      (globalThis as { chrome?: typeof chrome }).chrome,
      (globalThis as { browser?: typeof chrome }).browser,
    ]) {
      const permissions = api?.permissions;
      if (permissions === undefined || wrapped.has(permissions)) continue;
      wrapped.add(permissions);
      const real = permissions.request.bind(permissions) as (...args: unknown[]) => unknown;
      (permissions as { request: unknown }).request = (details: unknown, callback?: (granted: boolean) => void) => {
        calls.push(JSON.parse(JSON.stringify(details)));
        if (!allow) return callback === undefined ? real(details) : real(details, callback);
        if (callback !== undefined) return void callback(true);
        return Promise.resolve(true);
      };
    }
  }, permission === 'allow');
  await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await page.locator('.list').first().waitFor();
  return page;
}

const listItem = (options: Page) => options.locator(`.list[data-url="${manifestUrl}"]`);

const visit = (path: string): Promise<{ page: Page; tabId: number; report: TabReport }> =>
  openChecked(ext, `${pages.origin}${path}`);

/** Checks the repost page in a fresh tab and returns its verdict, matched original and badge. */
async function checkRepost(): Promise<{ verdict: string; match?: string; findings: string[]; badge: string }> {
  const { page, tabId, report } = await visit('/repost-of-added.html');
  if (report.status !== 'checked') throw new Error(`expected a checked page, got ${report.status}`);
  const badge = await badgeText(ext, tabId);
  await page.close(); // its report goes with the tab, so the next check finds only its own
  const { verdict, match, findings } = report.analysis.report;
  return { verdict, match: match?.id, findings: findings.map((f) => f.kind), badge };
}

async function updateNow(options: Page): Promise<void> {
  await listItem(options).getByRole('button', { name: 'Update now' }).click();
  await expect.poll(() => listItem(options).locator('.list-state').innerText()).not.toBe('Updating…');
}

describe('corpus lists in Chromium', () => {
  it('shows the bundled corpus first, and asks the browser for the list site only, in the click', async () => {
    const options = await openOptions('prompt');
    const bundled = summarizeIndex(new Uint8Array(readFileSync(`${extensionDir('chrome-mv3')}corpus.rrx`)));
    const first = options.locator('.list').first();
    expect(await first.locator('.list-name').innerText()).toBe('Repost Radar default corpus');
    expect(await first.locator('.list-meta').innerText()).toContain(
      `${bundled.originals.toLocaleString('en')} originals`,
    );
    expect(await first.locator('.list-state').innerText()).toBe(
      'Bundled with the extension, updated with each release',
    );
    expect(await first.getByRole('button', { name: 'Remove' }).count()).toBe(0);

    await options.getByTestId('list-url').fill(manifestUrl);
    await options.getByRole('button', { name: 'Add list' }).click();
    await expect
      .poll(() =>
        options.evaluate(() => (globalThis as unknown as { permissionRequests: unknown[] }).permissionRequests),
      )
      .toEqual([{ origins: ['http://127.0.0.1/*'] }]);
    // The browser's prompt is up and unanswered: nothing is granted, fetched or added.
    await options.waitForTimeout(1_000);
    expect(await options.locator('.lists-status').innerText()).toBe('Asking for access to http://127.0.0.1/*…');
    expect(await options.evaluate(() => chrome.permissions.contains({ origins: ['http://127.0.0.1/*'] }))).toBe(false);
    expect(lists.requests).toEqual([]);
    expect(await options.locator('.list').count()).toBe(1);
    await options.close();
  });

  it('subscribes once the user allows the site: downloads, verifies and shows the list, its text as text', async () => {
    const options = await openOptions('allow');
    await options.getByTestId('list-url').fill(manifestUrl);
    await options.getByRole('button', { name: 'Add list' }).click();
    await expect.poll(() => options.locator('.lists-status').innerText()).toBe('List added.');
    const item = listItem(options);
    expect(await item.locator('.list-name').innerText()).toBe(LIST_NAME);
    expect(await item.locator('.list-name b').count()).toBe(0);
    expect(await item.locator('.list-maintainer').innerText()).toBe('by Test Desk');
    expect(await item.locator('.list-meta').innerText()).toMatch(
      /^2 originals · \d+ kB · version 1 · updated \w{3} \d{1,2}, 20\d\d, \d{1,2}:\d\d\s[AP]M \S+ · checked /,
    );
    expect(await item.locator('.list-state').innerText()).toBe('Up to date');
    expect(await options.locator('.list').count()).toBe(2);
    expect(lists.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/list/manifest.json 200',
      '/list/corpus.rrx 200',
    ]);
    await options.close();
  });

  it('flags a repost of an article added to the list after "Update now", without reinstalling', async () => {
    // Not in the bundled corpus nor in version 1 of the list: nothing to say yet.
    expect(await checkRepost()).toEqual({ verdict: 'unrelated', findings: [], badge: '' });

    publish([first, second, added]);
    lists.requests.length = 0;
    const options = await openOptions('allow');
    await updateNow(options);
    expect(await listItem(options).locator('.list-meta').innerText()).toMatch(/^3 originals · \d+ kB · version 2 ·/);
    expect(await listItem(options).locator('.list-state').innerText()).toBe('Up to date');
    // A conditional request (the ETag of version 1), answered in full since the list changed.
    expect(lists.requests[0]).toEqual({ path: '/list/manifest.json', status: 200, ifNoneMatch: expect.any(String) });
    expect(lists.requests.map((r) => r.path)).toEqual(['/list/manifest.json', '/list/corpus.rrx']);

    expect(await checkRepost()).toEqual({
      verdict: 'repost',
      match: added.id,
      findings: ['missing-paragraphs', 'added-boilerplate'],
      badge: '!2',
    });
    const { page, tabId } = await visit('/repost-of-added.html');
    const popup = await openPopup(ext, tabId, 'chromium-list-repost');
    expect(await popup.locator('body').innerText()).toMatch(/Repost — 2 problems found/);
    await popup.close();
    await page.close();
    await options.screenshot({ path: `${SCREENSHOTS}chromium-options-lists.png`, fullPage: true });
    await options.close();
  });

  it('asks again with If-None-Match: an unchanged list costs one 304', async () => {
    lists.requests.length = 0;
    const options = await openOptions('allow');
    await updateNow(options);
    expect(lists.requests).toEqual([{ path: '/list/manifest.json', status: 304, ifNoneMatch: expect.any(String) }]);
    expect(await listItem(options).locator('.list-state').innerText()).toBe('Up to date');
    expect(await listItem(options).locator('.list-meta').innerText()).toMatch(/version 2/);
    await options.close();
  });

  it('keeps the old list when a new version has a bad signature, and says why', async () => {
    publish([first, second]);
    const manifest = JSON.parse(readFileSync(join(listDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(listDir, 'manifest.json'), JSON.stringify({ ...manifest, originals: 100_000 }));
    const options = await openOptions('allow');
    await updateNow(options);
    const state = listItem(options).locator('.list-state');
    expect(await state.innerText()).toMatch(
      /^Last update failed: the manifest's signature does not match its contents .* — keeping version 2 from [A-Z][a-z]+ \d{1,2}, \d{4}$/,
    );
    expect(await state.getAttribute('role')).toBe('alert');
    expect(await listItem(options).locator('.list-meta').innerText()).toMatch(/^3 originals · \d+ kB · version 2 ·/);
    await options.screenshot({ path: `${SCREENSHOTS}chromium-options-list-error.png`, fullPage: true });
    await options.close();
    // Version 2 is still what pages are checked against, also in a new service worker
    // (the lists live in IndexedDB).
    await stopServiceWorker(ext);
    expect((await checkRepost()).match).toBe(added.id);
  });

  it('keeps the old list when the server answers 500, or the index download is cut short, and says why', async () => {
    publish([first, second]); // a good version 4 over the tampered one
    lists.mode = '500';
    const options = await openOptions('allow');
    await updateNow(options);
    const state = listItem(options).locator('.list-state');
    expect(await state.innerText()).toMatch(
      /^Last update failed: the manifest: the server answered 500 Internal Server Error — keeping version 2 from /,
    );
    lists.mode = 'truncate-index';
    await updateNow(options);
    expect(await state.innerText()).toMatch(
      /^Last update failed: the index download is incomplete: \d+ of the \d+ bytes the manifest promises — keeping version 2 from /,
    );
    expect(await listItem(options).locator('.list-meta').innerText()).toMatch(/^3 originals · .* version 2 ·/);
    expect((await checkRepost()).match).toBe(added.id);

    // The server recovers: version 4 (without the added article) replaces version 2.
    lists.mode = 'ok';
    await updateNow(options);
    expect(await state.innerText()).toBe('Up to date');
    expect(await listItem(options).locator('.list-meta').innerText()).toMatch(/^2 originals · .* version 4 ·/);
    expect((await checkRepost()).verdict).toBe('unrelated');
    await options.close();
  });

  it('updates lists daily with an alarm', async () => {
    const worker = await ext.worker();
    const alarms = await worker.evaluate(() => chrome.alarms.getAll());
    expect(alarms.find((a) => a.name === 'lists-daily')).toMatchObject({ periodInMinutes: 24 * 60 });
  });

  it('removes a list: it is no longer shown or used', async () => {
    publish([first, second, added]);
    const options = await openOptions('allow');
    await updateNow(options);
    expect((await checkRepost()).verdict).toBe('repost');
    await listItem(options).getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => options.locator('.list').count()).toBe(1);
    expect(await options.locator('.lists-status').innerText()).toBe('List removed.');
    await options.reload();
    await options.locator('.list').first().waitFor();
    expect(await options.locator('.list').count()).toBe(1);
    expect((await checkRepost()).verdict).toBe('unrelated');
    await options.close();
  });
});

describe("the user's own originals", () => {
  it('move from storage.local to IndexedDB once, and are kept', async () => {
    const mine = asOriginal(brownHalves().first[30]!);
    const worker = await ext.worker();
    // As version 0.1 stored them (a WXT storage item, version 1).
    await worker.evaluate(
      (original) => chrome.storage.local.set({ userOriginals: [original], userOriginals$: { v: 1 } }),
      mine,
    );
    await stopServiceWorker(ext); // a fresh background, as after an update of the extension
    const options = await openOptions('prompt');
    await expect.poll(() => options.locator('#originals-title').innerText()).toBe('Your originals (1)');
    expect(await options.locator('section[aria-labelledby=originals-title] .item strong').innerText()).toBe(mine.title);
    const left = await (
      await ext.worker()
    ).evaluate(() => chrome.storage.local.get(['userOriginals', 'userOriginals$']));
    expect(left).toEqual({});
    await options.reload();
    await expect.poll(() => options.locator('#originals-title').innerText()).toBe('Your originals (1)');
    await options.close();
  });
});

// The same subscription in Firefox ESR (puppeteer-core over WebDriver BiDi, as in
// firefox.test.ts). Its permission prompt cannot be answered either, so the options page's
// `browser.permissions.request` is replaced once the page has loaded (Firefox's extension
// pages use the native `browser`, read at call time). Without the granted permission
// Firefox sends the download as a CORS request (with an Origin header): the list server's
// `Access-Control-Allow-Origin: *` lets it through; a reader who allowed the site needs none.
describe('corpus lists in Firefox ESR', () => {
  const UUID = '5b0c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4';
  let firefox: Firefox;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(UUID);
  });
  afterAll(async () => {
    await firefox?.close();
  });

  /** Opens one of the extension's pages in a new tab and waits for `selector` on it. */
  async function openExtensionPage(path: string, selector: string): Promise<FirefoxPage> {
    const page = await firefox.newPage();
    await openFirefoxExtensionPage(page, `moz-extension://${UUID}/${path}`, selector);
    return page;
  }

  /** Checks the repost page in a new tab; its verdict and matched original, read from an extension page. */
  async function checkRepostIn(extensionPage: FirefoxPage): Promise<{ verdict: string; match?: string }> {
    const tab = await firefox.newPage();
    const url = `${pages.origin}/repost-of-added.html`;
    await tab.goto(url);
    const { report } = await finishedFirefoxReport(extensionPage, url);
    await tab.close();
    if (report.status !== 'checked') throw new Error(`expected a checked page, got ${report.status}`);
    return { verdict: report.analysis.report.verdict, match: report.analysis.report.match?.id };
  }

  const listText = (options: FirefoxPage, selector: string): Promise<string> =>
    options.$eval(`.list[data-url="${manifestUrl}"] ${selector}`, (e) => (e as HTMLElement).innerText);

  it('subscribes from the options page, and flags a repost of an article added by "Update now"', async () => {
    publish([first, second]);
    const options = await openExtensionPage('options.html', '.list');
    await answerPermissionRequests(options, true);
    await options.type('[data-testid=list-url]', manifestUrl);
    await options.click('.add-list button[type=submit]');
    await options.waitForFunction(() => document.querySelector('.lists-status')?.textContent === 'List added.', {
      timeout: 20_000,
    });
    expect(await permissionRequestsIn(options)).toEqual([{ origins: ['http://127.0.0.1/*'] }]);
    expect(await listText(options, '.list-name')).toBe(LIST_NAME);
    expect(await listText(options, '.list-meta')).toMatch(/^2 originals ·/);
    expect(await checkRepostIn(options)).toEqual({ verdict: 'unrelated' });

    publish([first, second, added]);
    const version = (JSON.parse(readFileSync(join(listDir, 'manifest.json'), 'utf8')) as { version: number }).version;
    await options.click(`.list[data-url="${manifestUrl}"] button`); // "Update now"
    await options.waitForFunction(
      (url: string, v: number) =>
        document.querySelector(`.list[data-url="${url}"] .list-meta`)?.textContent?.includes(`version ${v} `) ?? false,
      { timeout: 20_000 },
      manifestUrl,
      version,
    );
    expect(await listText(options, '.list-meta')).toMatch(/^3 originals ·/);
    expect(await listText(options, '.list-state')).toBe('Up to date');
    expect(await checkRepostIn(options)).toEqual({ verdict: 'repost', match: added.id });
    await options.close();
  });
});
