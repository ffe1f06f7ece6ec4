import { existsSync } from 'node:fs';
import puppeteer, { TimeoutError, type Browser, type Page } from 'puppeteer-core';
import type { TabReport } from '../../src/browser/protocol';
import { assertBuilt, extensionDir } from './pages';
import { byTab, waitForFinished } from './tab-reports';

/** The Firefox build's add-on id (wxt.config.ts). */
export const GECKO_ID = 'repost-radar@repost-radar.org';

/** Where Debian's language packs for Firefox ESR install (firefox-esr-l10n-fr, -de, -es-es). */
const LANGPACKS = '/usr/lib/firefox-esr/browser/extensions';
/** The language pack each interface language needs, and the locale Firefox is asked for. */
const FIREFOX_LOCALE: Readonly<Record<string, { locale: string; apt: string }>> = {
  fr: { locale: 'fr', apt: 'firefox-esr-l10n-fr' },
  de: { locale: 'de', apt: 'firefox-esr-l10n-de' },
  es: { locale: 'es-ES', apt: 'firefox-esr-l10n-es-es' },
};

/**
 * Debian's Firefox ESR with the Firefox build installed as a temporary add-on, over
 * WebDriver BiDi. The add-on's internal UUID is fixed by a preference (each test file
 * gives its own), so that a test can open its pages at moz-extension://UUID/. With a
 * `lang` other than English, Firefox runs in that language: its language pack must be
 * installed, or Firefox would quietly stay in English.
 */
export async function launchFirefoxWithExtension(uuid: string, lang = 'en'): Promise<Browser> {
  assertBuilt('firefox-mv2');
  const prefs: Record<string, string> = { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) };
  if (lang !== 'en') {
    const wanted = FIREFOX_LOCALE[lang];
    if (!wanted) throw new Error(`no Firefox language pack known for ${lang}`);
    if (!existsSync(`${LANGPACKS}/langpack-${wanted.locale}@firefox-esr.mozilla.org.xpi`)) {
      throw new Error(`Firefox ESR in ${lang} needs its language pack: apt-get install ${wanted.apt}`);
    }
    prefs['intl.locale.requested'] = wanted.locale;
  }
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env['FIREFOX_PATH'] ?? '/usr/bin/firefox-esr',
    headless: true,
    // Firefox 153+ lets WebDriver open moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs,
  });
  await firefox.installExtension(extensionDir('firefox-mv2'));
  return firefox;
}

/**
 * Opens an extension page in Firefox (puppeteer over WebDriver BiDi). Firefox does not
 * always report such a navigation as done, so this waits for the page's own content
 * instead. The wait polls with evaluates, which BiDi sometimes fails while the page
 * settles ("right-hand side of 'in' should be an object, got null"): such a failure is
 * waited past; a timeout is not.
 */
export async function openFirefoxExtensionPage(page: Page, url: string, selector: string): Promise<void> {
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: Math.max(1_000, deadline - Date.now()) });
      return;
    } catch (error) {
      if (error instanceof TimeoutError || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  }
}

/**
 * Waits for the finished report of the tab showing `url`, read from the stored reports by
 * `extensionPage` (any of the extension's pages).
 */
export function finishedFirefoxReport(
  extensionPage: Page,
  url: string,
  timeoutMs = 20_000,
): Promise<{ tabId: number; report: TabReport }> {
  const read = async (): Promise<Map<number, TabReport>> =>
    byTab(
      (await extensionPage.evaluate(() =>
        (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get(null),
      )) as Record<string, TabReport>,
    );
  return waitForFinished(read, url, timeoutMs, 200);
}
