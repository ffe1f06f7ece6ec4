// The interface in the reader's language, end to end: Chromium switched to each language,
// a real repost (seed 000) and a real page in German, and what the popup, the comparison
// page and the options page then say. Every text the report gives people (verdict,
// findings, evidence) must be in that language, from the same catalog the test reads.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemFindings } from '../../src/browser/badge';
import type { TabReport } from '../../src/browser/protocol';
import type { Report } from '../../src/report/report';
import { evidenceSaid } from '../../src/report/wording';
import { catalog, translatorFor, UI_LOCALES } from '../support/catalogs';
import { launchWithExtension, openChecked, openPopup, type ExtensionBrowser } from '../support/chromium';
import { extractionPageHtml } from '../support/extraction';
import { servePages, type PageServer } from '../support/pages';

/** A real blog post in German whose template declares lang="en" (the extraction set). */
const GERMAN_POST = '57b4dafd18cf';
/** The name of German in each interface language, as the page must say it. */
const GERMAN: Record<(typeof UI_LOCALES)[number], string> = {
  en: 'German',
  fr: 'allemand',
  de: 'Deutsch',
  es: 'alemán',
};

let server: PageServer;
beforeAll(async () => {
  server = await servePages();
  server.routes.set('/german.html', extractionPageHtml(GERMAN_POST));
});
afterAll(async () => {
  await server?.close();
});

const reportOf = (stored: TabReport): Report => {
  if (stored.status !== 'checked') throw new Error(`not checked: ${stored.status}`);
  return stored.analysis.report;
};

const texts = (page: Page, selector: string): Promise<string[]> =>
  page.locator(selector).evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim()));

describe.each(UI_LOCALES)('the interface in %s', (lang) => {
  const say = translatorFor(lang);
  let ext: ExtensionBrowser;
  beforeAll(async () => {
    ext = await launchWithExtension(lang);
  }, 60_000);
  afterAll(async () => {
    await ext?.close();
  });

  it('says a repost’s verdict, findings and evidence in the language, on the popup and the comparison page', async () => {
    const { page, tabId, report: stored } = await openChecked(ext, `${server.origin}/seed-000.html`);
    const report = reportOf(stored);
    expect(report.verdict).toBe('repost');

    const popup = await openPopup(ext, tabId);
    await popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
    expect(await popup.getAttribute('html', 'lang')).toBe(lang);
    expect((await texts(popup, '.verdict-message')).join(' ')).toContain(say.say(report.said));
    const summaries = await texts(popup, '.finding-summary');
    // The findings as the popup lists them: an added-text finding without its credits, which are shown apart.
    for (const finding of problemFindings(report)) expect(summaries).toContain(`${say.say(finding.said)}.`);
    const whys = await texts(popup, '.pair-why');
    const evidence = report.findings.flatMap((f) => (f.kind === 'machine-translation' ? f.evidence : []));
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(whys).toContain(say.say(evidenceSaid(e.reason)));
    if (lang !== 'en') {
      // Nothing of the report is left in English.
      const shown = await popup.locator('main').innerText();
      expect(shown).not.toContain(report.message);
      for (const finding of report.findings) expect(shown).not.toContain(finding.summary);
    }

    const compare = await ext.context.newPage();
    await compare.goto(`chrome-extension://${ext.extensionId}/compare.html?tabId=${tabId}`);
    await compare.locator('.columns .row').first().waitFor();
    expect(await compare.getAttribute('html', 'lang')).toBe(lang);
    expect(await compare.locator('.compare-verdict').innerText()).toBe(say.say(report.said));
    await Promise.all([page.close(), popup.close(), compare.close()]);
  });

  it('tells a page in German that the originals here are in English, naming German in the language', async () => {
    const { page, tabId, report: stored } = await openChecked(ext, `${server.origin}/german.html`);
    const report = reportOf(stored);
    expect(report.verdict).toBe('unrelated');
    expect(report.pageLanguage).toBe('de');
    const popup = await openPopup(ext, tabId);
    const message = await popup.locator('.verdict-message').innerText();
    expect(message).toBe(say.t('report_otherLanguage', { language: 'de' }));
    expect(message).toContain(GERMAN[lang]);
    await Promise.all([page.close(), popup.close()]);
  });

  it('shows the options page in the language', async () => {
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.locator('h1').waitFor();
    expect(await options.getAttribute('html', 'lang')).toBe(lang);
    // The page's text is the language's own messages, with none of the English ones the language translates.
    await options.locator('#examples-title').waitFor();
    const shown = await options.locator('body').innerText();
    const [english, own] = [catalog('en'), catalog(lang)];
    const plain = Object.keys(english).filter(
      (key) => key.startsWith('options_') && !english[key]!.message.includes('$'),
    );
    expect(plain.filter((key) => shown.includes(own[key]!.message)).length).toBeGreaterThan(5);
    const leftInEnglish = plain.filter(
      (key) => own[key]!.message !== english[key]!.message && english[key]!.message.length >= 12,
    );
    expect(leftInEnglish.filter((key) => shown.includes(english[key]!.message))).toEqual([]);
    await options.close();
  });
});
