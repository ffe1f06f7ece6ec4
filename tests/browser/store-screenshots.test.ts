import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedReport, launchWithExtension, openPopup, type ExtensionBrowser } from '../support/chromium';
import { SEED_EXPECTATIONS, seedPage } from '../support/seeds';

// The stores' screenshots (docs/store/, committed; listed in docs/store/listing.md), taken
// from the built extension at the 1280×800 the Chrome Web Store asks for. Seed 000's repost
// is served at a made-up address of its own (Playwright answers it; nothing reaches the
// network), so the pictures show a site's name rather than a test server's port.
const STORE = new URL('../../docs/store/', import.meta.url).pathname;
const SIZE = { width: 1280, height: 800 };
const REPOST_URL = 'https://worldstockmarket.example/world/putin-kazakhstan-ukraine.html';
const seed000 = SEED_EXPECTATIONS.find((e) => e.seed === '000')!;

let ext: ExtensionBrowser;
let tabId: number;
let article: Page;

beforeAll(async () => {
  ext = await launchWithExtension();
  await ext.context.route(REPOST_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: seedPage(seed000) }),
  );
  article = await ext.context.newPage();
  await article.setViewportSize(SIZE);
  await article.goto(REPOST_URL);
  const checked = await finishedReport(ext, REPOST_URL);
  tabId = checked.tabId;
  if (checked.report.status !== 'checked') throw new Error(`seed 000 was not checked: ${checked.report.status}`);
  expect(checked.report.analysis.report.verdict).toBe('repost');
});
afterAll(async () => {
  await ext?.close();
});

/** A PNG's width and height, from its header. */
function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

async function extensionPage(path: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(SIZE);
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  return page;
}

describe('the store screenshots, 1280×800', () => {
  it('the popup over the repost it reports on', async () => {
    // Playwright cannot open the toolbar's popup: the popup page, at a popup's size, is laid
    // over the article's page where Chrome draws it, under the toolbar's right end.
    const backdrop = await article.screenshot();
    const popup = await openPopup(ext, tabId); // 464×600: Chrome's popups are 600 high at most
    const panel = await popup.screenshot();
    await popup.close();

    const composite = await ext.context.newPage();
    await composite.setViewportSize(SIZE);
    const dataUrl = (png: Buffer): string => `data:image/png;base64,${png.toString('base64')}`;
    await composite.setContent(`<!doctype html><html><body style="margin:0;overflow:hidden">
      <img src="${dataUrl(backdrop)}" style="position:absolute;inset:0;filter:brightness(0.92)" alt="">
      <img src="${dataUrl(panel)}" style="position:absolute;top:8px;right:16px;border:1px solid #bbb;border-radius:8px;box-shadow:0 6px 24px rgb(0 0 0 / 35%)" alt="">
      </body></html>`);
    await composite.waitForFunction(() =>
      [...document.images].every((image) => image.complete && image.naturalWidth > 0),
    );
    const path = `${STORE}screenshot-popup.png`;
    await composite.screenshot({ path });
    await composite.close();
    expect(pngSize(path)).toEqual(SIZE);
  });

  it('the comparison page', async () => {
    const compare = await extensionPage(`compare.html?tabId=${tabId}`);
    // The page's own paragraphs in their column: the comparison is drawn.
    await compare.waitForFunction(() => document.body.innerText.includes('the Kazakh government has shut down'));
    const path = `${STORE}screenshot-compare.png`;
    await compare.screenshot({ path });
    await compare.close();
    expect(pngSize(path)).toEqual(SIZE);
  });

  it('the options page', async () => {
    const options = await extensionPage('options.html');
    // The bundled corpus's entry, with its count of originals: the page has loaded what it lists.
    await options.waitForFunction(() => /7\D?276/.test(document.body.innerText));
    const path = `${STORE}screenshot-options.png`;
    await options.screenshot({ path });
    await options.close();
    expect(pngSize(path)).toEqual(SIZE);
  });
});
