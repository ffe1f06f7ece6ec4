import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabReport } from '../../src/browser/protocol';
import type { SavedExample } from '../../src/saved-examples/example';
import { axeViolations } from '../support/axe';
import {
  badgeText,
  launchWithExtension,
  openChecked,
  openPopup,
  SCREENSHOTS,
  storedReports,
  type ExtensionBrowser,
} from '../support/chromium';
import { servePages, type PageServer } from '../support/pages';

// The popup read in three seconds (issue 24): the verdict, then the actions, then the
// findings folded; accessible (axe, keyboard) in light and dark, in each interface
// language, with no sideways scroll at 360 px; the per-site off switch; "This verdict is
// wrong" kept with the saved example. One browser per language.

/** A page for each thing the popup can say, and what the stored report must be. */
const PAGES = [
  { name: 'repost', path: '/seed-000.html', verdict: 'repost' },
  { name: 'original', path: '/seed-002.html', verdict: 'original' },
  { name: 'unrelated', path: '/seed-003.html', verdict: 'unrelated' },
  { name: 'not an article', path: '/shop.html', verdict: 'not-an-article' },
  { name: 'rewritten', path: '/rewritten.html', verdict: 'rewritten' },
] as const;

const verdictOf = (report: TabReport): string =>
  report.status === 'checked'
    ? report.analysis.report.verdict
    : report.status === 'skipped'
      ? report.reason
      : report.status;

let server: PageServer;
beforeAll(async () => {
  server = await servePages();
});
afterAll(async () => {
  await server?.close();
});

/** Opens every folded section, so that axe and the width check see all the popup can show. */
const unfoldAll = (popup: Page): Promise<void> =>
  popup.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));

/** Sideways scroll at `width`: the document wider than its window. */
async function overflowAt(popup: Page, width: number): Promise<{ scrollWidth: number; clientWidth: number }> {
  await popup.setViewportSize({ width, height: 600 });
  return popup.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
}

/** axe in light and dark, and the width at 360 and 464 px: one list of what is wrong, empty when all is well. */
async function problemsOf(popup: Page, what: string): Promise<string[]> {
  await unfoldAll(popup);
  const problems: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await popup.emulateMedia({ colorScheme });
    for (const v of await axeViolations(popup)) {
      problems.push(`${what}, ${colorScheme}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.join(', ')}`);
    }
  }
  for (const width of [360, 464]) {
    const { scrollWidth, clientWidth } = await overflowAt(popup, width);
    if (scrollWidth > clientWidth) problems.push(`${what}: ${scrollWidth} px wide in a ${clientWidth} px window`);
  }
  return problems;
}

/** Waits for the tab's stored report to satisfy `ok` (a report is replaced when the page is checked again). */
async function reportWhen(ext: ExtensionBrowser, tabId: number, ok: (r: TabReport) => boolean): Promise<TabReport> {
  let last: TabReport | undefined;
  await expect
    .poll(
      async () => {
        last = (await storedReports(ext)).get(tabId);
        return last !== undefined && ok(last);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return last!;
}

for (const locale of ['en', 'fr', 'de', 'es']) {
  describe(`the popup in Chromium, interface in ${locale}`, () => {
    let ext: ExtensionBrowser;
    const tabs = new Map<string, { page: Page; tabId: number }>();
    beforeAll(async () => {
      ext = await launchWithExtension(locale);
      for (const { name, path, verdict } of PAGES) {
        const { page, tabId, report } = await openChecked(ext, `${server.origin}${path}`);
        expect(verdictOf(report), path).toBe(verdict);
        tabs.set(name, { page, tabId });
      }
    });
    afterAll(async () => {
      await ext?.close();
    });

    it('is in the language of the interface, and passes axe with no sideways scroll, for every verdict', async () => {
      const problems: string[] = [];
      for (const { name } of PAGES) {
        const popup = await openPopup(ext, tabs.get(name)!.tabId);
        expect(await popup.evaluate(() => document.documentElement.lang)).toBe(locale);
        problems.push(...(await problemsOf(popup, name)));
        if (name === 'repost') {
          await popup.setViewportSize({ width: 360, height: 600 });
          await popup.screenshot({ path: `${SCREENSHOTS}popup-${locale}-repost-360.png`, fullPage: true });
        }
        await popup.close();
      }
      expect(problems).toEqual([]);
    });

    it('turns a site off and on again; both states pass axe', async () => {
      const { page, tabId } = tabs.get('repost')!;
      const popup = await openPopup(ext, tabId);
      await popup.locator('.site-switch').click();
      await popup.waitForSelector('.verdict[data-status="skipped"]');
      expect(await popup.locator('.verdict-message').innerText()).toContain('127.0.0.1');
      expect(await popup.locator('.actions, .findings, .original').count()).toBe(0);
      expect(await problemsOf(popup, 'site off')).toEqual([]);
      // The page is not read: no report, and an empty badge, from the moment it is turned off and after a reload.
      await reportWhen(ext, tabId, (r) => r.status === 'skipped' && r.reason === 'site-off');
      expect(await badgeText(ext, tabId)).toBe('');
      await page.reload();
      await reportWhen(ext, tabId, (r) => r.status === 'skipped' && r.reason === 'site-off');
      expect(await badgeText(ext, tabId)).toBe('');

      await popup.locator('.site-switch').click();
      const back = await reportWhen(ext, tabId, (r) => r.status === 'checked');
      expect(verdictOf(back)).toBe('repost');
      expect(await badgeText(ext, tabId)).toBe('!3');
      await popup.waitForSelector('.verdict[data-verdict="repost"]');
      await popup.close();
    });
  });
}

describe('the popup on seed 000, by keyboard and at a glance (en)', () => {
  let ext: ExtensionBrowser;
  let tabId: number;
  let url: string;
  beforeAll(async () => {
    ext = await launchWithExtension('en');
    url = `${server.origin}/seed-000.html`;
    ({ tabId } = await openChecked(ext, url));
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('shows the verdict and its actions on the first screen, credits apart and uncounted', async () => {
    const popup = await openPopup(ext, tabId);
    const compare = popup.getByRole('button', { name: 'Compare side by side' });
    const box = (await compare.boundingBox())!;
    console.info(`"Compare side by side" at y = ${Math.round(box.y)} of a 600 px popup`);
    expect(box.y + box.height).toBeLessThanOrEqual(600);
    expect(await popup.locator('.verdict-title').innerText()).toBe('Repost — 3 problems found');
    expect(await popup.locator('.verdict-certainty').innerText()).toMatch(/^Certainty: high — /);
    expect(await popup.locator('.original-stats').innerText()).toMatch(/^Holds 9 of the original's 12 paragraphs, /);
    // The findings come folded, each with its disclosure marker shown.
    const summaries = popup.locator('details.finding > summary');
    expect(await summaries.count()).toBe(4);
    for (const display of await summaries.evaluateAll((s) => s.map((e) => getComputedStyle(e).display))) {
      expect(display).toBe('list-item');
    }
    expect(await popup.locator('details[open]').count()).toBe(0);
    // The credits are apart, in neutral colours: the "added text" finding holds only the other author's bio.
    await unfoldAll(popup);
    expect(await popup.locator('.findings .category').allInnerTexts()).toEqual(['Author bio']);
    const credits = popup.locator('.credits .category');
    expect(await credits.allInnerTexts()).toEqual(['Source credit', 'Source credit', 'Source credit']);
    const colours = await credits
      .first()
      .evaluate((el) => [getComputedStyle(el).color, getComputedStyle(document.body).color]);
    expect(colours[0]).toBe(colours[1]);
    await popup.close();
  });

  it('reaches every control by Tab, actions before findings, each with a visible focus outline', async () => {
    const popup = await openPopup(ext, tabId);
    // Every control shown as the popup opens (what folded sections hold shows when unfolded).
    const controls = await popup.evaluate(
      () =>
        [...document.querySelectorAll('a[href], button, summary, textarea, input, select')].filter((el) =>
          el.checkVisibility(),
        ).length,
    );
    const stops: { text: string; outline: string; kind: string }[] = [];
    for (let i = 0; i < controls + 1; i++) {
      await popup.keyboard.press('Tab');
      const stop = await popup.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        return {
          text: (el.textContent ?? '').trim(),
          outline: `${style.outlineStyle} ${style.outlineWidth}`,
          kind: el.closest('.findings, .credits') ? 'finding' : el.closest('.actions') ? 'action' : 'other',
        };
      });
      if (stop === null || stops.some((s) => s.text === stop.text && s.kind === stop.kind)) break;
      stops.push(stop);
    }
    const at = (text: string | RegExp) =>
      stops.findIndex((s) => (typeof text === 'string' ? s.text === text : text.test(s.text)));
    console.info(`"Compare side by side" is Tab stop ${at('Compare side by side') + 1} of ${stops.length}`);
    expect(stops.map((s) => s.text).slice(0, 4)).toEqual([
      'Open the original',
      'Compare side by side',
      'Save this example',
      'This verdict is wrong',
    ]);
    const lastAction = Math.max(...stops.map((s, i) => (s.kind === 'action' ? i : -1)));
    expect(lastAction).toBeLessThan(stops.findIndex((s) => s.kind === 'finding'));
    expect(stops).toHaveLength(controls);
    for (const stop of stops) expect(stop.outline, stop.text).toMatch(/^solid [2-9]/);
    await popup.close();
  });

  it('keeps "This verdict is wrong" with the saved example, with a comment, on this computer', async () => {
    const popup = await openPopup(ext, tabId);
    const before = Date.now();
    await popup.getByRole('button', { name: 'This verdict is wrong' }).click();
    await popup.getByText('Noted, and kept with this example').waitFor();
    const saved = async (): Promise<SavedExample[]> => {
      const worker = await ext.worker();
      const stored = (await worker.evaluate(() => chrome.storage.local.get('examples'))) as {
        examples?: SavedExample[];
      };
      return stored.examples ?? [];
    };
    const [example] = await saved();
    expect(example).toMatchObject({ url, verdict: 'repost', feedback: { verdictWrong: true } });
    expect(Date.parse(example!.feedback!.at)).toBeGreaterThanOrEqual(before - 1_000);
    expect(example!.feedback).not.toHaveProperty('comment');

    await popup.getByLabel('What is wrong? (optional)').fill('The byline is the author’s own.');
    await popup.getByRole('button', { name: 'Add the comment' }).click();
    await popup.getByText('Comment kept.').waitFor();
    expect(await saved()).toEqual([
      { ...example, feedback: { ...example!.feedback, comment: 'The byline is the author’s own.' } },
    ]);
    await popup.close();
  });
});
