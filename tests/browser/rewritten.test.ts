import type { Browser as Firefox, Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabReport } from '../../src/browser/protocol';
import type { Report } from '../../src/report/report';
import {
  badgeText,
  launchWithExtension,
  openChecked,
  openPopup,
  SCREENSHOTS,
  type ExtensionBrowser,
} from '../support/chromium';
import { finishedFirefoxReport, launchFirefoxWithExtension, openFirefoxExtensionPage } from '../support/firefox';
import { servePages, type PageServer } from '../support/pages';
import { SERVED_REWRITE, servedRewriteParagraphs } from '../support/rewrites';

// A rewritten page (issue 22): a close paraphrase from the development set
// (tests/fixtures/rewrites/close), served on 127.0.0.1 in ordinary article markup. The
// command line calls it rewritten from its original, 9 of its 10 paragraphs retold.
const ORIGINAL_ID = SERVED_REWRITE.id;
const PATH = '/rewritten.html'; // where servePages serves it
const paragraphs = servedRewriteParagraphs();

let server: PageServer;
beforeAll(async () => {
  server = await servePages();
});
afterAll(async () => {
  await server?.close();
});

/**
 * The checked report of the rewritten page, how much of it retells the original, and how
 * many of the alignment's pairs are reworded (the comparison page shows each side by side).
 */
function rewrittenReport(report: TabReport): {
  report: Report;
  retold: { paragraphs: number; of: number };
  rewordedPairs: number;
} {
  if (report.status !== 'checked') throw new Error(`expected a checked page, got ${report.status}`);
  const r = report.analysis.report;
  expect(r.verdict).toBe('rewritten');
  expect(r.match?.id).toBe(ORIGINAL_ID);
  const reworded = r.findings.find((f) => f.kind === 'reworded');
  if (reworded?.kind !== 'reworded' || !reworded.retold) throw new Error('no retold count on the reworded finding');
  expect(reworded.retold.paragraphs).toBeGreaterThanOrEqual(reworded.retold.of / 2);
  const rewordedPairs = (report.analysis.alignment?.pairs ?? []).filter(
    (p) => p.similarity?.kind === 'reworded',
  ).length;
  expect(rewordedPairs).toBeGreaterThan(0);
  return { report: r, retold: reworded.retold, rewordedPairs };
}

/** What the popup must say of a rewrite: the headline and how much of the page retells the original. */
function expectRewrittenPopup(text: string, retold: { paragraphs: number; of: number }): void {
  expect(text).toMatch(/Rewritten from Wikinews/);
  expect(text).toContain(`${retold.paragraphs} of its ${retold.of} paragraphs retell`);
  expect(text).not.toMatch(/Repost —|Original text/);
}

/** A reworded pair's marks: some of the page's words are its own, and some of the original's were replaced. */
function expectChangedWords(pair: { original: string; inserted: string[]; deleted: string[] }): void {
  expect(pair.inserted.length).toBeGreaterThan(0);
  expect(pair.deleted.length).toBeGreaterThan(0);
  const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const originalWords = new Set(words(pair.original));
  // A marked word of the page that the original's text does not hold at all: a real change.
  expect(
    pair.inserted.flatMap(words).some((w) => !originalWords.has(w)),
    pair.inserted.join(' | '),
  ).toBe(true);
  for (const deleted of pair.deleted) expect(pair.original).toContain(deleted.trim());
}

/** The comparison page's reworded pairs: page and original side by side, in one row. */
const PAIR_ROWS = '.columns .row:has(.cell.page.mark-reworded):has(.cell.original.mark-reworded)';

describe('a rewritten page in Chromium', () => {
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the "≈" badge, "Rewritten from" in the popup and the pairs on the comparison page', async () => {
    const { page, tabId, report } = await openChecked(ext, `${server.origin}${PATH}`);
    const { retold, rewordedPairs } = rewrittenReport(report);
    expect(await badgeText(ext, tabId)).toBe('≈');

    const popup = await openPopup(ext, tabId, 'chromium-rewritten');
    expectRewrittenPopup(await popup.locator('body').innerText(), retold);
    await popup.close();

    const compare = await ext.context.newPage();
    await compare.goto(`chrome-extension://${ext.extensionId}/compare.html?tabId=${tabId}`);
    await compare.waitForSelector(PAIR_ROWS);
    expect(await compare.locator('.compare-header h1').innerText()).toMatch(/Rewrite and original/);
    const pairs = compare.locator(PAIR_ROWS);
    expect(await pairs.count()).toBe(rewordedPairs);
    // The first pair: the page's first paragraph beside the original's opening sentence.
    const first = pairs.first();
    expect(await first.locator('.cell.page p').innerText()).toBe(paragraphs[0]);
    expect(await first.locator('.cell.original p').innerText()).toMatch(/George W\. Bush/);
    // The bundled corpus keeps an original's opening sentences only, and the page says so.
    expect(await first.locator('.cell.original .cell-note').innerText()).toMatch(/opening sentence only/);
    // The changed words are marked: the page's own underlined, the original's replaced ones struck through.
    expectChangedWords({
      original: await first.locator('.cell.original p').innerText(),
      inserted: await first.locator('.cell.page p ins').allInnerTexts(),
      deleted: await first.locator('.cell.original p del').allInnerTexts(),
    });
    expect(await compare.locator('.legend').innerText()).toMatch(/Underlined: the page's own words/);
    await compare.setViewportSize({ width: 1024, height: 900 });
    await compare.screenshot({ path: `${SCREENSHOTS}chromium-rewritten-compare.png` });
    await compare.close();
    await page.close();
  });
});

// The same in Firefox ESR (puppeteer-core over WebDriver BiDi, as in firefox.test.ts).
describe('a rewritten page in Firefox ESR', () => {
  const UUID = '8d2e4f6a-1b3c-4d5e-9f70-a1b2c3d4e5f6';
  let firefox: Firefox;

  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(UUID);
  });
  afterAll(async () => {
    await firefox?.close();
  });

  type ExtensionApi = { browser: typeof chrome & { browserAction: typeof chrome.action } };

  /** The page's text; BiDi sometimes fails an evaluate while an extension page settles (firefox.test.ts). */
  async function pageText(page: FirefoxPage): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await page.evaluate(() => document.body.innerText);
      } catch (error) {
        if (attempt === 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    }
  }

  it('shows the "≈" badge, "Rewritten from" in the popup and the pairs on the comparison page', async () => {
    const extensionPage = await firefox.newPage();
    await openFirefoxExtensionPage(extensionPage, `moz-extension://${UUID}/popup.html?tabId=1`, '.verdict-title');
    const page = await firefox.newPage();
    const url = `${server.origin}${PATH}`;
    await page.goto(url);
    const { tabId, report } = await finishedFirefoxReport(extensionPage, url);
    const { retold, rewordedPairs } = rewrittenReport(report);
    const badge = await extensionPage.evaluate(
      (id) => (globalThis as unknown as ExtensionApi).browser.browserAction.getBadgeText({ tabId: id }),
      tabId,
    );
    expect(badge).toBe('≈');

    const popup = await firefox.newPage();
    await popup.setViewport({ width: 464, height: 600 });
    await openFirefoxExtensionPage(popup, `moz-extension://${UUID}/popup.html?tabId=${tabId}`, '.verdict-title');
    expectRewrittenPopup(await pageText(popup), retold);
    await popup.close();

    const compare = await firefox.newPage();
    await openFirefoxExtensionPage(compare, `moz-extension://${UUID}/compare.html?tabId=${tabId}`, PAIR_ROWS);
    const pairs = await compare.$$eval(PAIR_ROWS, (rows) =>
      rows.map((row) => ({
        page: row.querySelector('.cell.page p')?.textContent ?? '',
        original: row.querySelector('.cell.original p')?.textContent ?? '',
        inserted: [...row.querySelectorAll('.cell.page p ins')].map((e) => e.textContent ?? ''),
        deleted: [...row.querySelectorAll('.cell.original p del')].map((e) => e.textContent ?? ''),
      })),
    );
    expect(pairs.length).toBe(rewordedPairs);
    expect(pairs[0]?.page).toBe(paragraphs[0]);
    expect(pairs[0]?.original).toMatch(/George W\. Bush/);
    expectChangedWords(pairs[0]!);
    await compare.close();
    await page.close();
    await extensionPage.close();
  });
});
