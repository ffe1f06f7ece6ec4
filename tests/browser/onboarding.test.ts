// First run in Chromium: a fresh install opens the onboarding page; the onboarding and
// privacy pages are in the browser's language (en, fr, de, es), pass axe in light and dark,
// and say what the bundled corpus covers as the corpus and its shipped index do.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCoverage } from '../../src/corpus/coverage';
import { summarizeIndex } from '../../src/corpus/index-file';
import { parseCorpusFile } from '../../src/corpus/records';
import { axeViolations } from '../support/axe';
import { translatorFor, UI_LOCALES } from '../support/catalogs';
import { launchWithExtension, SCREENSHOTS, type ExtensionBrowser } from '../support/chromium';
import { extensionDir } from '../support/pages';

const corpus = corpusCoverage(
  parseCorpusFile('originals.jsonl', readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8')),
);
const shippedIndex = summarizeIndex(new Uint8Array(readFileSync(`${extensionDir('chrome-mv3')}corpus.rrx`)));

/** Opens one of the extension's pages, in light or dark, once its heading is drawn. */
async function openPage(ext: ExtensionBrowser, path: string, dark: boolean): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`);
  await page.locator('h1').waitFor();
  return page;
}

describe.each(UI_LOCALES)('first run in Chromium, in %s', (lang) => {
  const say = translatorFor(lang);
  let ext: ExtensionBrowser;
  /** The tab the extension opened by itself on install. */
  let opened: Promise<Page>;

  beforeAll(async () => {
    ext = await launchWithExtension(lang);
    const onboarding = (p: Page) => p.url().endsWith('/onboarding.html');
    opened = Promise.resolve(
      ext.context.pages().find(onboarding) ??
        ext.context.waitForEvent('page', { predicate: onboarding, timeout: 15_000 }),
    );
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('opens the onboarding page on install, in the browser’s language', async () => {
    const page = await opened;
    expect(page.url()).toBe(`chrome-extension://${ext.extensionId}/onboarding.html`);
    await page.locator('h1').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.locator('h1').innerText()).toBe(say.t('onboarding_title'));
    if (lang !== 'en') expect(say.t('onboarding_title')).not.toBe(translatorFor('en').t('onboarding_title'));
    expect(await page.title()).toBe(say.t('onboarding_page_title'));
  });

  it('says what the bundled corpus covers, by publisher and years, as the corpus and its index do', async () => {
    // The shipped index counts the same originals by the same publishers as the corpus file.
    expect(Object.fromEntries(corpus.publishers.map((p) => [p.publisher, p.originals]))).toEqual(
      shippedIndex.publishers,
    );
    const page = await openPage(ext, 'onboarding.html', false);
    const items = await page.getByTestId('coverage').locator('li').allInnerTexts();
    expect(items).toEqual(
      corpus.publishers.map((p) =>
        say.t(
          'onboarding_corpus_publisher_years',
          p.publisher,
          p.from === p.to ? String(p.from) : say.t('onboarding_years', String(p.from), String(p.to)),
          say.n('onboarding_articles', p.originals),
        ),
      ),
    );
    expect(await page.locator('#corpus-title + p').innerText()).toBe(
      say.t('onboarding_corpus_intro', say.number(shippedIndex.originals)),
    );
    if (lang === 'en') {
      expect(items[0]).toBe('Wikinews (2004–2021): 5,406 articles');
      expect(items).toContain('U.S. Department of Justice (2009–2018): 1,497 articles');
    }
    if (lang === 'de') expect(items[0]).toBe('Wikinews (2004–2021): 5.406 Artikel');
    await page.close();
  });

  it('links to the options page’s sections and to the privacy page', async () => {
    const page = await openPage(ext, 'onboarding.html', false);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual([
      'options.html#lists',
      'options.html#credited',
      'options.html#followed',
      'options.html#originals',
      'privacy.html',
      'options.html',
    ]);
    await page.locator('a[href="options.html#followed"]').click();
    await page.waitForURL(/options\.html#followed$/);
    await expect.poll(() => page.locator('#followed-title').isVisible()).toBe(true);
    await page.close();
  });

  for (const [path, heading] of [
    ['onboarding.html', 'onboarding_title'],
    ['privacy.html', 'privacy_title'],
  ] as const) {
    for (const dark of [false, true]) {
      it(`${path} has no axe violations in ${dark ? 'dark' : 'light'}, with <html lang> and its heading translated`, async () => {
        const page = await openPage(ext, path, dark);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        expect(await page.locator('h1').innerText()).toBe(say.t(heading));
        expect(await axeViolations(page)).toEqual([]);
        const name = path.replace('.html', '');
        if (lang === 'en' || lang === 'de')
          await page.screenshot({
            path: `${SCREENSHOTS}chromium-${name}-${lang}${dark ? '-dark' : ''}.png`,
            fullPage: true,
          });
        await page.close();
      });
    }
  }
});
