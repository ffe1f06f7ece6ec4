// Debian's Chromium with the built extension loaded, driven by playwright-core.
import { mkdirSync } from 'node:fs';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { TabReport } from '../../src/browser/protocol';
import { assertBuilt, extensionDir } from './pages';
import { byTab, waitForFinished } from './tab-reports';

export const SCREENSHOTS = new URL('../../test-results/screenshots/', import.meta.url).pathname;

export interface ExtensionBrowser {
  readonly context: BrowserContext;
  readonly extensionId: string;
  worker(): Promise<Worker>;
  close(): Promise<void>;
}

/**
 * Chromium with the extension; `locale` sets the browser's interface language (and so the
 * catalog browser.i18n reads, and navigator.language).
 */
export async function launchWithExtension(locale = 'en-US'): Promise<ExtensionBrowser> {
  assertBuilt('chrome-mv3');
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dist = extensionDir('chrome-mv3');
  const context = await chromium.launchPersistentContext('', {
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    locale,
    args: [
      `--lang=${locale}`,
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const first = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(first.url()).host;
  return {
    context,
    extensionId,
    async worker() {
      const live = context.serviceWorkers().find((w) => w.url().includes(extensionId));
      if (live) return live;
      // Stopped: any extension page that messages the background starts it again.
      const waking = context.waitForEvent('serviceworker');
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html?tabId=1`);
      const worker = await waking;
      await page.close();
      return worker;
    },
    close: () => context.close(),
  };
}

/** All tab reports the background has stored, by tab id. */
export async function storedReports(ext: ExtensionBrowser): Promise<Map<number, TabReport>> {
  const worker = await ext.worker();
  const all = (await worker.evaluate(() => chrome.storage.session.get(null))) as Record<string, TabReport>;
  return byTab(all);
}

/** Waits for the finished report of the tab showing `url`. */
export const finishedReport = (
  ext: ExtensionBrowser,
  url: string,
  timeoutMs = 15_000,
): Promise<{ tabId: number; report: TabReport }> => waitForFinished(() => storedReports(ext), url, timeoutMs, 100);

/** Opens `url` in a new tab and waits for its finished report. */
export async function openChecked(
  ext: ExtensionBrowser,
  url: string,
  timeoutMs?: number,
): Promise<{ page: Page; tabId: number; report: TabReport }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  return { page, ...(await finishedReport(ext, url, timeoutMs)) };
}

export async function badgeText(ext: ExtensionBrowser, tabId: number): Promise<string> {
  const worker = await ext.worker();
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Opens the popup for a tab (as a page: Playwright cannot open the toolbar popup). */
export async function openPopup(
  ext: ExtensionBrowser,
  tabId: number,
  screenshot?: string,
  dark = false,
): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 464, height: 600 });
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
  // The verdict says the tab's state in an attribute: the same in every language.
  await page.waitForSelector('.verdict[data-status]:not([data-status="checking"])');
  if (screenshot) await page.screenshot({ path: `${SCREENSHOTS}${screenshot}.png`, fullPage: true });
  return page;
}

/** The popup's text with every folded section opened (a folded section's text is not rendered). */
export async function popupText(page: Page): Promise<string> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  return page.locator('body').innerText();
}

/** Stops the extension's service worker, as Chrome does when it has been idle. */
export async function stopServiceWorker(ext: ExtensionBrowser): Promise<void> {
  const page = await ext.context.newPage();
  await page.goto('chrome://serviceworker-internals/');
  const registration = page.locator('.serviceworker-registration', { hasText: ext.extensionId });
  await registration.locator('cr-button[data-command="stop"]').first().click();
  await registration.locator('.serviceworker-running-status .value', { hasText: 'STOPPED' }).first().waitFor();
  await page.close();
}
