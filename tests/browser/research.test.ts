import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedExample } from '../../src/saved-examples/example';
import { asOriginal, brownHalves } from '../support/brown';
import { launchWithExtension, openChecked, openPopup, SCREENSHOTS, type ExtensionBrowser } from '../support/chromium';
import { articlePage, servePages, type PageServer } from '../support/pages';

// For workshops and researchers: the comparison page, saved examples and their export,
// and the user's own originals.
let server: PageServer;
let ext: ExtensionBrowser;
const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-research-'));

beforeAll(async () => {
  server = await servePages();
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

async function tabOf(path: string): Promise<number> {
  return (await openChecked(ext, `${server.origin}${path}`)).tabId;
}

async function storedExamples(): Promise<SavedExample[]> {
  const worker = await ext.worker();
  const stored = (await worker.evaluate(() => chrome.storage.local.get('examples'))) as { examples?: SavedExample[] };
  return stored.examples ?? [];
}

describe('the comparison page', () => {
  it('puts seed 000 and its original side by side and marks what was cut, added and reworded', async () => {
    const tabId = await tabOf('/seed-000.html');
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`chrome-extension://${ext.extensionId}/compare.html?tabId=${tabId}`);
    await page.waitForSelector('.columns .row');
    const missing = await page.locator('.columns .original.mark-missing .cell-label').allInnerTexts();
    expect(missing.map((l) => l.match(/¶(\d+)/)?.[1])).toEqual(['3', '10', '11']);
    const added = await page.locator('.columns .page.mark-added').allInnerTexts();
    expect(added).toHaveLength(4);
    expect(added.join('\n')).toMatch(/Author bio[\s\S]*Donald-43Westbrook/i);
    expect(added.join('\n')).toMatch(/Source credit[\s\S]*Source: Washington Post, AMPE/i);
    expect(await page.locator('.columns .page.mark-reworded').count()).toBe(9);
    expect(await page.locator('.columns .original.mark-reworded').count()).toBe(9);
    expect(await page.locator('.legend li').allInnerTexts()).toEqual(
      expect.arrayContaining(['Missing from the page', 'Added by the page', 'Machine translated']),
    );
    await page.screenshot({ path: `${SCREENSHOTS}chromium-compare-seed-000.png`, fullPage: true });
    // Printing: the two columns kept, side by side (compare-page.test.ts checks the print layout).
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.columns').isVisible()).toBe(true);
    const pdf = await page.pdf({ path: `${SCREENSHOTS}compare-seed-000.pdf`, format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    // Both articles on two pages.
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
    await page.close();
  });
});

describe('saved examples', () => {
  it('saves seeds 000 and 001 from the popup, exports them, and imports them back unchanged and once', async () => {
    for (const seed of ['000', '001']) {
      const popup = await openPopup(ext, await tabOf(`/seed-${seed}.html`));
      await popup.getByRole('button', { name: 'Save this example' }).click();
      await expect.poll(() => popup.locator('.saved').innerText()).toBe('Saved to your examples.');
      await popup.close();
    }
    const saved = await storedExamples();
    expect(saved.map((e) => [e.verdict, e.findings.map((f) => f.kind)])).toEqual([
      ['repost', ['machine-translation', 'missing-paragraphs', 'added-boilerplate']],
      ['repost', ['missing-paragraphs']],
    ]);
    expect(saved[0]!.paragraphs.at(-1)).toMatch(/^Donald-43Westbrook/);

    const options = await ext.context.newPage();
    options.on('dialog', (dialog) => void dialog.accept());
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await expect.poll(() => options.locator('#examples-title').innerText()).toBe('Saved examples (2)');
    // Tag one, then export both formats.
    await options.locator('.item').first().locator('input[type=text]').fill('workshop, translated');
    await options.locator('.item').first().locator('input[type=text]').press('Tab');
    await expect.poll(async () => (await storedExamples())[0]?.tags).toEqual(['workshop', 'translated']);
    const before = await storedExamples();
    const exported: Record<string, string> = {};
    for (const format of ['JSON Lines', 'CSV']) {
      const download = options.waitForEvent('download');
      await options.getByRole('button', { name: `Export ${format}` }).click();
      const file = join(tmp, (await download).suggestedFilename());
      await (await download).saveAs(file);
      exported[format] = file;
    }
    expect(readFileSync(exported['CSV']!, 'utf8').split('\n')[0]).toMatch(/^id,url,saved_at,title,verdict/);
    await options.screenshot({ path: `${SCREENSHOTS}chromium-options.png`, fullPage: true });

    for (const format of ['JSON Lines', 'CSV']) {
      await options.getByRole('button', { name: 'Delete all' }).click();
      await expect.poll(() => storedExamples()).toEqual([]);
      await options.getByTestId('import-examples').setInputFiles(exported[format]!);
      await expect.poll(() => options.locator('.status').innerText()).toMatch(/2 examples added, 0 already here/);
      expect(await storedExamples(), format).toEqual(before);
    }
    // Importing again adds nothing.
    await options.getByTestId('import-examples').setInputFiles(exported['JSON Lines']!);
    await expect.poll(() => options.locator('.status').innerText()).toMatch(/0 examples added, 2 already here/);
    expect(await storedExamples()).toEqual(before);
    await options.close();
  });
});

describe('your own originals', () => {
  it('loads a corpus, refuses a file with a bad line without losing anything, and checks pages against it', async () => {
    const [mine, other] = [brownHalves().first[12]!, brownHalves().first[40]!];
    const good = join(tmp, 'mine.jsonl');
    writeFileSync(good, `${JSON.stringify(asOriginal(mine))}\n`);
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(asOriginal(other))}\n{"id": "broken", "text": }\n`);

    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await options.getByTestId('import-originals').setInputFiles(good);
    await expect.poll(() => options.locator('#originals-title').innerText()).toBe('Your originals (1)');
    await options.getByTestId('import-originals').setInputFiles(bad);
    await expect
      .poll(() => options.locator('section[aria-labelledby=originals-title] .status').innerText())
      .toMatch(/bad\.jsonl: line 2: not valid JSON/);
    expect(await options.locator('#originals-title').innerText()).toBe('Your originals (1)');
    await options.reload();
    await expect.poll(() => options.locator('#originals-title').innerText()).toBe('Your originals (1)');
    await options.close();

    // A page that cut the last third of the user's original is a repost of it.
    server.routes.set(
      '/mine-cut.html',
      articlePage('Cut copy', mine.paragraphs.slice(0, Math.ceil((mine.paragraphs.length * 2) / 3))),
    );
    const tabId = await tabOf('/mine-cut.html');
    const reports = await (await ext.worker()).evaluate((id) => chrome.storage.session.get(`tab:${id}`), tabId);
    const report = Object.values(reports)[0] as { analysis: { report: { verdict: string; match: { id: string } } } };
    expect(report.analysis.report.verdict).toBe('repost');
    expect(report.analysis.report.match.id).toBe(mine.id);
  });
});
