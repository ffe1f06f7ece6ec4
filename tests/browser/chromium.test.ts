import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabReport } from '../../src/browser/protocol';
import type { Report } from '../../src/report/report';
import {
  badgeText,
  finishedReport,
  launchWithExtension,
  openChecked,
  openPopup,
  popupText,
  stopServiceWorker,
  storedReports,
  type ExtensionBrowser,
} from '../support/chromium';
import { expectSeedReport } from '../support/expect-report';
import { realArticleIds, servePages, type PageServer } from '../support/pages';
import { SEED_EXPECTATIONS } from '../support/seeds';

let server: PageServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  server = await servePages();
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const checkedReport = (report: TabReport): Report => {
  if (report.status !== 'checked') throw new Error(`expected a checked page, got ${report.status}`);
  return report.analysis.report;
};

const visit = (path: string): Promise<{ page: Page; tabId: number; report: TabReport }> =>
  openChecked(ext, `${server.origin}${path}`);

const EXPECTED_POPUP: Record<string, { badge: string; shows: RegExp[]; hides: RegExp[] }> = {
  '000': {
    badge: '!3',
    shows: [
      /Repost — 3 problems found/,
      /Machine translated/,
      /Erika Marat/,
      /Paragraphs missing\s*3/,
      /Donald-43Westbrook/,
      /not the original's author \(Josh Rogin\)/,
      /Source: Washington Post, AMPE/,
      /Open the original at paragraph 3/,
    ],
    hides: [],
  },
  '001': {
    badge: '!1',
    shows: [
      /Repost — 1 problem found/,
      /Paragraphs missing\s*6/,
      /The page stops after paragraph 6 of 12/,
      /But Putin could not have known Almaty/,
    ],
    hides: [/Machine translated/, /Added boilerplate/],
  },
  '002': { badge: '✓', shows: [/Original text/, /The Washington Post/, /Open the original/], hides: [/Repost —/] },
  '003': { badge: '', shows: [/No known original/], hides: [/Repost —/] },
  '004': { badge: '', shows: [/No known original/], hides: [/Repost —/] },
};

// The README's pictures (docs/images/, committed): seed 000's popup and its comparison page,
// at a fixed size, made by this test so that they show what the extension really draws.
const DOCS_IMAGES = new URL('../../docs/images/', import.meta.url).pathname;
async function saveReadmePictures(tabId: number): Promise<void> {
  const popup = await openPopup(ext, tabId);
  await popup.screenshot({ path: `${DOCS_IMAGES}popup.png` });
  await popup.close();
  const compare = await ext.context.newPage();
  await compare.setViewportSize({ width: 1024, height: 640 });
  await compare.goto(`chrome-extension://${ext.extensionId}/compare.html?tabId=${tabId}`);
  await compare.waitForSelector('.columns .original.mark-missing');
  // The test server's port and the time of the check change from run to run: both are masked.
  await compare.screenshot({
    path: `${DOCS_IMAGES}compare.png`,
    mask: [compare.locator('.column-head .source').first(), compare.locator('.compare-when')],
    maskColor: '#ddd',
  });
  await compare.close();
}

describe('the extension in Chromium', () => {
  for (const e of SEED_EXPECTATIONS) {
    it(`seed ${e.seed}: stored report, badge and popup say what DESIGN.md says`, async () => {
      const { page, tabId, report } = await visit(`/seed-${e.seed}.html`);
      expectSeedReport(checkedReport(report), e);
      const expected = EXPECTED_POPUP[e.seed]!;
      expect(await badgeText(ext, tabId)).toBe(expected.badge);
      const popup = await openPopup(ext, tabId, `chromium-seed-${e.seed}`);
      const text = await popupText(popup);
      for (const pattern of expected.shows) expect(text).toMatch(pattern);
      for (const pattern of expected.hides) expect(text).not.toMatch(pattern);
      if (e.seed === '000') {
        await openPopup(ext, tabId, 'chromium-seed-000-dark', true).then((p) => p.close());
        await saveReadmePictures(tabId);
        // Keyboard: every finding can be reached and folded with the keyboard alone.
        await popup.keyboard.press('Tab');
        const focused = await popup.evaluate(() => document.activeElement?.textContent ?? '');
        expect(focused).toMatch(/Open the original/);
      }
      await popup.close();
      await page.close();
    });
  }

  it('says nothing on real articles that are not reposts', async () => {
    for (const id of realArticleIds()) {
      const { page, tabId, report } = await visit(`/real/${id}.html`);
      expect(checkedReport(report).verdict).toBe('unrelated');
      expect(await badgeText(ext, tabId)).toBe('');
      await page.close();
    }
  });

  it('skips a page that is not an article and says so in the popup', async () => {
    const { page, tabId, report } = await visit('/shop.html');
    expect(report.status === 'skipped' || checkedReport(report).verdict === 'not-an-article').toBe(true);
    expect(await badgeText(ext, tabId)).toBe('');
    const popup = await openPopup(ext, tabId, 'chromium-not-an-article');
    expect(await popup.locator('.verdict-title').innerText()).toBe('Not an article');
    await popup.close();
    await page.close();
  });

  it('checks a huge page (20,000 words, 2,000 widgets) without failing', async () => {
    const { page, tabId, report } = await visit('/huge.html');
    expect(checkedReport(report).verdict).toBe('unrelated');
    const popup = await openPopup(ext, tabId, 'chromium-no-match');
    expect(await popup.locator('.verdict-title').innerText()).toBe('No known original');
    await popup.close();
    await page.close();
  });

  it('answers hostile pages with "too large to check", and they do not hold up another tab', async () => {
    const hostile = await Promise.all(
      ['nested', 'paragraphs'].map(async (name) => {
        const page = await ext.context.newPage();
        const url = `${server.origin}/hostile/${name}.html`;
        void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
        return { page, url };
      }),
    );
    const started = Date.now();
    const seed = await visit('/seed-000.html');
    expect(checkedReport(seed.report).verdict).toBe('repost');
    expect(await badgeText(ext, seed.tabId)).toBe('!3');
    // The seed's badge comes on time: the hostile pages are refused cheaply, not worked through.
    expect(Date.now() - started).toBeLessThan(10_000);
    for (const { page, url } of hostile) {
      const { tabId, report } = await finishedReport(ext, url, 30_000);
      const tooLarge =
        (report.status === 'skipped' && report.reason === 'too-large') ||
        (report.status === 'checked' && report.analysis.report.verdict === 'too-large');
      expect(tooLarge, JSON.stringify(report).slice(0, 300)).toBe(true);
      const popup = await openPopup(ext, tabId);
      expect(await popup.locator('.verdict-title').innerText()).toBe('Too large to check');
      await popup.close();
      await page.close();
    }
    await seed.page.close();
  });

  it('checks again when a single-page site swaps its article', async () => {
    const { page } = await visit('/spa/start');
    await page.evaluate(() => (window as unknown as { swapArticle(): void }).swapArticle());
    const { report } = await finishedReport(ext, `${server.origin}/spa/next`);
    expect(checkedReport(report).verdict).toBe('repost');
    expect(checkedReport(report).match?.id).toBe('wapo-2022-01-06-rogin-putin-kazakhstan-ukraine');
    await page.close();
  });

  it('keeps reports across a service-worker restart, and checks pages after it', async () => {
    const { page, tabId } = await visit('/seed-001.html');
    const before = await storedReports(ext);
    await (await ext.worker()).evaluate(() => Object.assign(globalThis, { beforeRestart: true }));
    await stopServiceWorker(ext);

    const popup = await openPopup(ext, tabId, 'chromium-after-restart');
    expect(await popupText(popup)).toMatch(/Paragraphs missing\s*6/);
    // A new service worker, which has forgotten everything but what it stored.
    expect(await (await ext.worker()).evaluate(() => 'beforeRestart' in globalThis)).toBe(false);
    expect((await storedReports(ext)).get(tabId)).toEqual(before.get(tabId));
    await popup.close();
    const fresh = await visit('/seed-000.html');
    expect(checkedReport(fresh.report).verdict).toBe('repost');
    await fresh.page.close();
    await page.close();
  });

  it("refuses forged messages from a content script: no other tab's report, no originals, nothing malformed", async () => {
    const victim = await visit('/seed-001.html');
    const attacker = await visit('/seed-002.html');
    // The content script's own isolated world, where a compromised or hostile script would run.
    const cdp = await ext.context.newCDPSession(attacker.page);
    const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => worlds.push(context));
    await cdp.send('Runtime.enable');
    const isolated = worlds.find((w) => w.auxData?.type === 'isolated' && /Repost Radar/.test(w.name));
    expect(isolated, worlds.map((w) => w.name).join(', ')).toBeDefined();
    const send = async (message: unknown): Promise<unknown> => {
      const { result } = await cdp.send('Runtime.evaluate', {
        contextId: isolated!.id,
        awaitPromise: true,
        returnByValue: true,
        expression: `chrome.runtime.sendMessage(${JSON.stringify(message)}).then((r) => ({ reply: r ?? null }), (e) => ({ refused: String(e) }))`,
      });
      return result.value;
    };
    const before = await storedReports(ext);
    for (const forged of [
      { type: 'get-tab-report', tabId: victim.tabId },
      { type: 'get-original', id: 'wapo-2022-01-06-rogin-putin-kazakhstan-ukraine' },
      { type: 'page-ready', url: 'https://elsewhere.example/', html: 42 },
      { type: 'page-ready', url: 'x'.repeat(100_000), html: '<p>hi</p>' },
      { type: 'page-skipped', url: 'u', reason: 'because', tabId: victim.tabId },
      { type: 'resend-page' },
      { type: 'no-such-message' },
      'get-tab-report',
    ]) {
      const answer = (await send(forged)) as { reply?: unknown; refused?: string };
      expect(answer.reply ?? null, JSON.stringify(forged).slice(0, 80)).toBeNull();
    }
    // A page may speak of its own tab only: a "skipped" message it sends lands on its own tab.
    await send({ type: 'page-skipped', url: 'forged', reason: 'too-large', tabId: victim.tabId });
    await expect.poll(async () => (await storedReports(ext)).get(attacker.tabId)?.url).toBe('forged');
    const after = await storedReports(ext);
    expect(after.get(victim.tabId)).toEqual(before.get(victim.tabId));
    await cdp.detach();
    await attacker.page.close();
    await victim.page.close();
  });

  it('makes no network request of its own', async () => {
    const worker = await ext.worker();
    const resources = await worker.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    expect(resources.filter((url) => !url.startsWith(`chrome-extension://${ext.extensionId}/`))).toEqual([]);
    // Every request the test server saw was a page the test itself opened.
    expect(
      server.requests.filter(
        (path) =>
          !/^\/(seed-\d{3}\.html|real\/.+\.html|shop\.html|huge\.html|hostile\/\w+\.html|spa\/start|favicon\.ico|paratroopers\.jpg)$/.test(
            path,
          ),
      ),
    ).toEqual([]);
  });
});
