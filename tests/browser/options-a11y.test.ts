// The options page for people, in Chromium: in the browser's language (en, fr, de, es),
// with words instead of identifiers, times with their zone, a "Compare" link and the reader's
// "this verdict is wrong" on saved examples; axe finds nothing in light or dark; and every
// control is reached by Tab with a visible focus outline.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report';
import type { SavedExample } from '../../src/saved-examples/example';
import { axeViolations } from '../support/axe';
import { translatorFor, UI_LOCALES } from '../support/catalogs';
import { launchWithExtension, SCREENSHOTS, type ExtensionBrowser } from '../support/chromium';
import { runCli } from '../support/cli';

let report: Report;
beforeAll(async () => {
  const run = await runCli(['check', 'tests/fixtures/pages/seed-000.html', '--json']);
  report = JSON.parse(run.stdout) as Report;
});

/** Two saved examples of the seed 000 repost as the popup saves them, the second marked wrong by the reader. */
function examples(): (SavedExample & { feedback?: { verdictWrong: boolean } })[] {
  const base = {
    url: 'https://example.org/news/putin-kazakhstan',
    title: 'Putin can’t afford crises',
    verdict: report.verdict,
    match: report.match,
    findings: report.findings,
    paragraphs: ['A paragraph of the page.'],
    tags: [],
  };
  return [
    { ...base, id: 'aaaaaaaa00000001', savedAt: '2026-12-01T08:30:00.000Z' },
    {
      ...base,
      id: 'aaaaaaaa00000002',
      savedAt: '2026-12-02T17:05:00.000Z',
      feedback: { verdictWrong: true, at: '2026-12-02T17:06:00.000Z' },
    },
  ];
}

describe.each(UI_LOCALES)('the options page in Chromium, in %s', (lang) => {
  const say = translatorFor(lang);
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    ext = await launchWithExtension(lang);
    const worker = await ext.worker();
    await worker.evaluate(
      (list) => chrome.storage.local.set({ examples: list, examples$: { v: 1 } }),
      examples() as unknown[],
    );
  });
  afterAll(async () => {
    await ext?.close();
  });

  async function openOptions(dark = false): Promise<Page> {
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect.poll(() => page.locator('#examples-title').innerText()).toBe(say.t('options_examples_title', 2));
    await page.locator('.list').first().waitFor();
    return page;
  }

  it('is in the browser’s language, with words for verdicts and findings and times with their zone', async () => {
    expect(report.verdict).toBe('repost');
    const page = await openOptions();
    expect(await page.locator('html').getAttribute('lang')).toBe(lang);
    expect(await page.title()).toBe(say.t('options_page_title'));
    expect(await page.locator('#lists-title').innerText()).toBe(say.t('options_lists_title', 1));
    if (lang !== 'en')
      expect(say.t('options_lists_title', 1)).not.toBe(translatorFor('en').t('options_lists_title', 1));
    expect(await page.locator('.list').first().locator('.list-name').innerText()).toBe(
      say.t('options_list_bundled_name'),
    );

    const items = page.locator('section#examples .item');
    expect(await items.locator('.pill').allInnerTexts()).toEqual([
      say.t('options_verdict_repost'),
      say.t('options_verdict_repost'),
    ]);
    const kinds = report.findings.map((f) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(['machine-translation', 'missing-paragraphs']));
    const meta = await items.first().locator('.item-meta').innerText();
    expect(meta).toContain(say.t('options_saved_at', say.dateTime('2026-12-01T08:30:00.000Z')));
    expect(meta).toContain(say.t('options_saved_original', report.match!.title));
    expect(meta).toContain(say.t('options_finding_machine_translation'));
    expect(meta).toContain(say.t('options_finding_missing_paragraphs'));
    // No identifier is shown raw.
    const text = await page.locator('main').innerText();
    for (const raw of kinds) expect(text).not.toContain(raw);

    // "Compare" opens the comparison page on the saved example.
    expect(await items.locator('a.compare-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'compare.html?saved=aaaaaaaa00000001',
      'compare.html?saved=aaaaaaaa00000002',
    ]);
    expect(await items.locator('a.compare-link').first().innerText()).toBe(say.t('options_compare'));
    // Only the example the reader marked says so.
    expect(await items.nth(0).locator('.item-feedback').count()).toBe(0);
    expect(await items.nth(1).locator('.item-feedback').innerText()).toBe(
      say.t('options_verdict_marked_wrong_at', say.dateTime('2026-12-02T17:06:00.000Z')),
    );
    // The way back to the first-run and privacy pages.
    expect(await page.locator('nav.page-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([
      'onboarding.html',
      'privacy.html',
    ]);
    await page.close();
  });

  for (const dark of [false, true]) {
    it(`has no axe violations in ${dark ? 'dark' : 'light'}`, async () => {
      const page = await openOptions(dark);
      expect(await axeViolations(page)).toEqual([]);
      if (lang === 'en' || lang === 'fr')
        await page.screenshot({
          path: `${SCREENSHOTS}chromium-options-${lang}${dark ? '-dark' : ''}.png`,
          fullPage: true,
        });
      await page.close();
    });
  }

  if (lang === 'en') {
    it('reaches every control by Tab, each with a visible focus outline', async () => {
      const page = await openOptions();
      const controls = await page.evaluate(() => {
        const all = document.querySelectorAll<HTMLElement>(
          'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])',
        );
        all.forEach((el, i) => el.setAttribute('data-control', String(i)));
        return all.length;
      });
      expect(controls).toBeGreaterThan(20);
      const reached = new Map<string, string>();
      for (let presses = 0; presses < controls + 5 && reached.size < controls; presses++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (el === null || el === document.body) return null;
          const style = getComputedStyle(el);
          return {
            control: el.getAttribute('data-control') ?? `uncounted ${el.outerHTML.slice(0, 80)}`,
            outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
          };
        });
        if (focused === null) continue;
        expect(focused.visible, `${focused.control}: ${focused.outline}`).toBe(true);
        reached.set(focused.control, focused.outline);
      }
      expect(reached.size).toBe(controls);
      await page.close();
    });
  }
});
