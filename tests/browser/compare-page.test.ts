// The comparison page for a projector (issue 24), in Chromium: table semantics axe finds
// clean in every language, light and dark; the legend drawn like the marks; no empty cell;
// the comparison kept across a reload after the article's tab closed; a saved example
// opened by its id; every control reached by Tab with a visible focus; a two-column print.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TabReport } from '../../src/browser/protocol';
import { exampleId, type SavedExample } from '../../src/saved-examples/example';
import { axeViolations } from '../support/axe';
import {
  launchWithExtension,
  openChecked,
  SCREENSHOTS,
  storedReports,
  type ExtensionBrowser,
} from '../support/chromium';
import { servePages, type PageServer } from '../support/pages';
import { catalog, UI_LOCALES } from '../support/catalogs';

/** Every mark a cell may have (src/ui/comparison.ts). */
const MARKS = ['same', 'continues', 'reworded', 'missing', 'merged', 'added', 'chrome'];

let server: PageServer;
beforeAll(async () => {
  server = await servePages();
});
afterAll(async () => {
  await server?.close();
});

type Checked = Extract<TabReport, { status: 'checked' }>;
const checked = (report: TabReport): Checked => {
  if (report.status !== 'checked') throw new Error(`expected a checked page, got ${report.status}`);
  return report;
};

/** The article in a tab, checked: its tab, report and the tab itself. */
async function visit(ext: ExtensionBrowser, path: string): Promise<{ page: Page; tabId: number; report: Checked }> {
  const { page, tabId, report } = await openChecked(ext, `${server.origin}${path}`);
  return { page, tabId, report: checked(report) };
}

async function openCompare(ext: ExtensionBrowser, query: string, dark = false): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1024, height: 768 });
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`chrome-extension://${ext.extensionId}/compare.html?${query}`);
  await page.locator('.columns .row').first().waitFor();
  return page;
}

/** The comparison printed on A4 (its PDF kept with the screenshots): how many pages. */
async function printedPages(compare: Page, name: string): Promise<number> {
  const pdf = await compare.pdf({
    format: 'A4',
    path: `${SCREENSHOTS}chromium-compare-${name.replace(/\W+/g, '-')}.pdf`,
  });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  console.info(`${name}: the comparison printed on ${pages} A4 page(s), ${pdf.length} bytes`);
  expect(pages).toBeGreaterThanOrEqual(1);
  return pages;
}

for (const lang of UI_LOCALES) {
  describe(`the comparison page in ${lang}`, () => {
    let ext: ExtensionBrowser;
    beforeAll(async () => {
      ext = await launchWithExtension(lang);
    });
    afterAll(async () => {
      await ext?.close();
    });

    it('passes axe with 0 violations for a repost and a rewrite, light and dark, in its language', async () => {
      const messages = catalog(lang);
      for (const [path, title] of [
        ['/seed-000.html', 'compare_title_repost'],
        ['/rewritten.html', 'compare_title_rewritten'],
      ] as const) {
        const { page, tabId } = await visit(ext, path);
        for (const dark of [false, true]) {
          const compare = await openCompare(ext, `tabId=${tabId}`, dark);
          expect(await compare.evaluate(() => document.documentElement.lang)).toBe(lang);
          expect(await compare.locator('h1').innerText()).toBe(messages[title]!.message);
          expect(await compare.locator('thead th').first().innerText()).toContain(
            messages['compare_head_page']!.message,
          );
          const violations = await axeViolations(compare);
          expect(violations, `${path} ${dark ? 'dark' : 'light'}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
          if (path === '/seed-000.html')
            await compare.screenshot({ path: `${SCREENSHOTS}chromium-compare-${lang}${dark ? '-dark' : ''}.png` });
          await compare.close();
        }
        await page.close();
      }
    });
  });
}

describe('the comparison page', () => {
  let ext: ExtensionBrowser;
  let seed: { page: Page; tabId: number; report: Checked };
  beforeAll(async () => {
    ext = await launchWithExtension('en');
    seed = await visit(ext, '/seed-000.html');
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('draws each legend bar as the cells of its mark are drawn, and every mark shown has one', async () => {
    for (const dark of [false, true]) {
      const compare = await openCompare(ext, `tabId=${seed.tabId}`, dark);
      const bars = await compare.evaluate(() => {
        const markOf = (e: Element): string =>
          [...e.classList].find((c) => c.startsWith('mark-'))!.slice('mark-'.length);
        const bar = (e: Element) => {
          const style = getComputedStyle(e);
          return { color: style.borderLeftColor, style: style.borderLeftStyle, width: style.borderLeftWidth };
        };
        const legend = Object.fromEntries(
          [...document.querySelectorAll('.legend .swatch')].map((e) => [markOf(e), bar(e)]),
        );
        const cells = Object.fromEntries(
          [...document.querySelectorAll('td.cell:not(.empty)')].map((e) => [markOf(e), bar(e)]),
        );
        return { legend, cells };
      });
      // Seed 000: machine translated, missing and added paragraphs, and page text that is no article.
      expect(Object.keys(bars.cells)).toEqual(expect.arrayContaining(['added', 'chrome', 'missing', 'reworded']));
      expect(Object.keys(bars.legend).sort()).toEqual(Object.keys(bars.cells).sort());
      for (const [mark, cell] of Object.entries(bars.cells)) {
        expect(bars.legend[mark]!.color, mark).toBe(cell.color);
        expect(bars.legend[mark]!.style, mark).toBe(cell.style);
        expect(bars.legend[mark]!.width, mark).toBe('6px');
      }
      // Not one near-black bar for all: the marks are told apart.
      expect(new Set(Object.values(bars.legend).map((b) => b.color)).size).toBeGreaterThanOrEqual(4);
      // Every mark's bar (those seed 000 lacks too) stands out 3:1 from the page and from its own cell (WCAG 1.4.11).
      const contrasts = await compare.evaluate((marks) => {
        const rgb = (color: string): number[] =>
          color
            .match(/[\d.]+/g)!
            .slice(0, 3)
            .map(Number);
        const luminance = (color: string): number => {
          const [r, g, b] = rgb(color).map((c) => {
            const s = c / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const ratio = (a: string, b: string): number => {
          const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
          return (hi! + 0.05) / (lo! + 0.05);
        };
        const page = getComputedStyle(document.body).backgroundColor;
        const probe = document.createElement('td');
        document.querySelector('.columns tbody tr')!.append(probe);
        const found = marks.map((mark) => {
          probe.className = `cell page mark-${mark}`;
          const style = getComputedStyle(probe);
          const own = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? page : style.backgroundColor;
          const bar = style.borderLeftColor;
          return { mark, bar, page: ratio(bar, page), cell: ratio(bar, own) };
        });
        probe.remove();
        return found;
      }, MARKS);
      for (const c of contrasts) {
        expect(c.bar, c.mark).toMatch(/^rgb\(/);
        expect(c.page, `${c.mark} ${dark ? 'dark' : 'light'}`).toBeGreaterThanOrEqual(3);
        expect(c.cell, `${c.mark} ${dark ? 'dark' : 'light'}`).toBeGreaterThanOrEqual(3);
      }
      await compare.close();
    }
  });

  it('marks the changed words of every machine-translated pair, named for screen readers', async () => {
    const compare = await openCompare(ext, `tabId=${seed.tabId}`);
    const pairs = compare.locator('.columns .row:has(.cell.page.mark-reworded):has(.cell.original.mark-reworded)');
    expect(await pairs.count()).toBeGreaterThan(0);
    for (const row of await pairs.all()) {
      expect(await row.locator('.cell.page p ins').count()).toBeGreaterThan(0);
      expect(await row.locator('.cell.page .cell-label').innerText()).toMatch(/machine translated/i);
    }
    const label = await compare
      .locator('.cell.page ins')
      .first()
      .evaluate((e) => getComputedStyle(e, '::before').content);
    expect(label).toBe('" [the page\'s words: "');
    expect(await compare.locator('.legend').innerText()).toMatch(/Underlined: the page's own words/);
    await compare.close();
  });

  it('leaves no cell empty: an empty side and a paragraph of punctuation are said in words', async () => {
    const compare = await openCompare(ext, `tabId=${seed.tabId}`);
    const texts = await compare.locator('.columns td, .columns th').allInnerTexts();
    expect(texts.length).toBeGreaterThan(2);
    expect(texts.filter((text) => !/[\p{L}\p{N}]/u.test(text))).toEqual([]);
    // Seed 000 leaves original paragraphs out, and adds its own.
    expect(await compare.locator('td.cell.page.empty', { hasText: 'Not on this page' }).count()).toBeGreaterThan(0);
    expect(await compare.locator('td.cell.original.empty', { hasText: 'Not in the original' }).count()).toBeGreaterThan(
      0,
    );
    await compare.close();
  });

  it('still shows the comparison on a reload after the article’s tab was closed', async () => {
    const article = await visit(ext, '/seed-001.html');
    const compare = await openCompare(ext, `tabId=${article.tabId}`);
    const before = await compare.locator('.columns').innerText();
    expect(new URL(compare.url()).searchParams.get('id')).toBe(`${article.tabId}-${article.report.checkedAt}`);
    await article.page.close();
    await expect.poll(async () => (await storedReports(ext)).has(article.tabId)).toBe(false);
    await compare.reload();
    await compare.locator('.columns .row').first().waitFor();
    expect(await compare.locator('.columns').innerText()).toBe(before);
    // And in a new tab, from its address alone.
    const again = await openCompare(ext, new URL(compare.url()).search.slice(1));
    expect(await again.locator('.columns').innerText()).toBe(before);
    await again.close();
    await compare.close();
    // A comparison no longer kept says so.
    const gone = await ext.context.newPage();
    await gone.goto(`chrome-extension://${ext.extensionId}/compare.html?id=nothing-kept`);
    await expect.poll(() => gone.locator('.compare-message').innerText()).toMatch(/no longer kept: the latest 10/);
    await gone.close();
  });

  it('opens a saved example from its id: compare.html?saved=<id>', async () => {
    const { report } = seed;
    const { paragraphs } = report.analysis.article;
    const example: SavedExample = {
      id: exampleId(report.url, paragraphs),
      url: report.url,
      savedAt: '2026-12-06T09:00:00.000Z',
      title: 'Seed 000',
      verdict: report.analysis.report.verdict,
      match: report.analysis.report.match,
      findings: report.analysis.report.findings,
      paragraphs,
      tags: [],
    };
    const worker = await ext.worker();
    await worker.evaluate((examples) => chrome.storage.local.set({ examples }), [example]);
    // The seed's tab is closed first: the example alone is shown.
    await seed.page.close();
    const compare = await openCompare(ext, `saved=${example.id}`);
    expect(await compare.locator('.compare-when').innerText()).toMatch(/^Saved example, saved Dec 6, 2026/);
    const missing = report.analysis.report.findings.flatMap((f) =>
      f.kind === 'missing-paragraphs' ? f.paragraphs : [],
    );
    expect(await compare.locator('td.cell.original.mark-missing').count()).toBe(missing.length);
    // Every paragraph the example kept, in order (one of punctuation alone is said in words).
    expect(await compare.locator('td.cell.page:not(.empty) p:not(.no-words)').allInnerTexts()).toEqual(
      paragraphs.filter((p) => /[\p{L}\p{N}]/u.test(p)),
    );
    expect(await compare.locator('td.cell.page p.no-words').allInnerTexts()).toEqual(
      paragraphs.filter((p) => !/[\p{L}\p{N}]/u.test(p)).map((p) => `No words, only “${p}”`),
    );
    expect(await axeViolations(compare)).toEqual([]);
    await compare.close();
    const unknown = await ext.context.newPage();
    await unknown.goto(`chrome-extension://${ext.extensionId}/compare.html?saved=0000`);
    await expect
      .poll(() => unknown.locator('.compare-message').innerText())
      .toBe(catalog('en')['compare_saved_gone']!.message);
    await unknown.close();
  });

  it('reaches every control by Tab, each with a visible focus outline', async () => {
    const compare = await openCompare(ext, `tabId=${(await visit(ext, '/seed-000.html')).tabId}`);
    const controls = await compare.locator('a[href], button, input, select, textarea, [tabindex]').count();
    expect(controls).toBeGreaterThan(0);
    const reached: string[] = [];
    for (let k = 0; k < controls + 1; k++) {
      await compare.keyboard.press('Tab');
      const focus = await compare.evaluate(() => {
        const e = document.activeElement;
        if (!e || e === document.body) return null;
        const style = getComputedStyle(e);
        return { text: e.textContent ?? '', outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      if (!focus) continue;
      expect(focus.outline, focus.text).not.toBe('none');
      expect(focus.width, focus.text).toBeGreaterThanOrEqual(2);
      if (!reached.includes(focus.text)) reached.push(focus.text);
    }
    expect(reached.length).toBe(controls);
    await compare.close();
  });

  it('prints two columns, black on white, within two pages for seed 000 and for the rewrite', async () => {
    const compare = await openCompare(ext, `tabId=${(await visit(ext, '/seed-000.html')).tabId}`);
    await compare.emulateMedia({ media: 'print' });
    const print = await compare.evaluate(() => {
      const cell = getComputedStyle(document.querySelector('td.cell.mark-missing')!);
      const row = document.querySelector('.columns tbody tr')!.children;
      return {
        columns: row.length,
        side: [...row].map((td) => td.getBoundingClientRect().top),
        color: cell.color,
        background: cell.backgroundColor,
        bar: cell.borderLeftColor,
        breakInside: getComputedStyle(document.querySelector('.columns tbody tr')!).breakInside,
        header: document.querySelector('thead')!.innerText,
        underline: getComputedStyle(document.querySelector('td.cell.page ins')!).textDecorationLine,
      };
    });
    expect(print.columns).toBe(2);
    expect(print.side[0]).toBe(print.side[1]);
    expect([print.color, print.bar, print.background]).toEqual(['rgb(0, 0, 0)', 'rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    expect(print.breakInside).toBe('avoid');
    expect(print.underline).toBe('underline');
    expect(print.header).toContain(server.origin);
    expect(print.header).toMatch(/Original: .+/);
    await compare.setViewportSize({ width: 794, height: 1123 });
    // The print layout as seen on an A4 page's width, for people to look at.
    await compare.screenshot({ path: `${SCREENSHOTS}chromium-compare-print.png`, fullPage: true });
    expect(await printedPages(compare, 'seed 000')).toBeLessThanOrEqual(2);
    // The rewrite: ten long paragraphs beside the original's opening sentences.
    const rewritten = await openCompare(ext, `tabId=${(await visit(ext, '/rewritten.html')).tabId}`);
    expect(await printedPages(rewritten, 'the rewrite')).toBeLessThanOrEqual(2);
    await rewritten.close();
    await compare.close();
  });
});
