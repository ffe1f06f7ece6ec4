// The interface in the reader's language in Firefox ESR too (locales.test.ts does it in
// Chromium): Firefox run in French, German and Spanish with Debian's language packs, a real
// repost (seed 000), and what the toolbar button's tooltip and the popup then say.
import type { Browser as Firefox } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeFor, problemFindings } from '../../src/browser/badge';
import { translatorFor } from '../support/catalogs';
import { finishedFirefoxReport, launchFirefoxWithExtension, openFirefoxExtensionPage } from '../support/firefox';
import { servePages, type PageServer } from '../support/pages';

let server: PageServer;
beforeAll(async () => {
  server = await servePages();
});
afterAll(async () => {
  await server?.close();
});

type ExtensionApi = { browser: typeof chrome & { browserAction: typeof chrome.action } };

describe.each([
  ['fr', '3c1f0e2a-5b6d-4e7f-8a90-b1c2d3e4f5a6'],
  ['de', '4d2a1f3b-6c7e-4f80-9ba1-c2d3e4f5a6b7'],
  ['es', '5e3b2a4c-7d8f-4091-acb2-d3e4f5a6b7c8'],
] as const)('Firefox ESR in %s', (lang, uuid) => {
  const say = translatorFor(lang);
  let firefox: Firefox;
  beforeAll(async () => {
    firefox = await launchFirefoxWithExtension(uuid, lang);
  }, 60_000);
  afterAll(async () => {
    await firefox?.close();
  });

  it('says a repost’s verdict and findings in the language, in the tooltip and the popup', async () => {
    const extensionPage = await firefox.newPage();
    await openFirefoxExtensionPage(extensionPage, `moz-extension://${uuid}/popup.html?tabId=1`, '.verdict-title');
    const page = await firefox.newPage();
    const url = `${server.origin}/seed-000.html`;
    await page.goto(url);
    const { tabId, report: stored } = await finishedFirefoxReport(extensionPage, url);
    if (stored.status !== 'checked') throw new Error(`not checked: ${stored.status}`);
    const report = stored.analysis.report;
    expect(report.verdict).toBe('repost');

    const title = await extensionPage.evaluate(
      (id) => (globalThis as unknown as ExtensionApi).browser.browserAction.getTitle({ tabId: id }),
      tabId,
    );
    expect(title).toBe(badgeFor(stored, say).title);
    expect(title).not.toContain(report.message);

    const popup = await firefox.newPage();
    await openFirefoxExtensionPage(popup, `moz-extension://${uuid}/popup.html?tabId=${tabId}`, '.finding-summary');
    const shown = await popup.evaluate(() => ({
      lang: document.documentElement.lang,
      verdict: document.querySelector('.verdict-message')?.textContent ?? '',
      summaries: [...document.querySelectorAll('.finding-summary')].map((e) => (e.textContent ?? '').trim()),
      text: document.querySelector('main')?.textContent ?? '',
    }));
    expect(shown.lang).toBe(lang);
    expect(shown.verdict).toContain(say.say(report.said));
    // The findings as the popup lists them: an added-text finding without its credits, which are shown apart.
    const listed = problemFindings(report);
    for (const finding of listed) expect(shown.summaries).toContain(`${say.say(finding.said)}.`);
    // Nothing of the report is left in English.
    expect(shown.text).not.toContain(report.message);
    for (const finding of [...report.findings, ...listed]) expect(shown.text).not.toContain(finding.summary);
    await Promise.all([page.close(), popup.close(), extensionPage.close()]);
  });
});
