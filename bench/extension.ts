// The extension in Debian's Chromium: main-thread work of the content script on the
// page, the longest task while a page loads and is checked, and load-to-badge time.
import { readFileSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';
import type { TabReport } from '../src/browser/protocol';
import { finishedReport, launchWithExtension } from '../tests/support/chromium';
import { articlePage, hugePage, servePages } from '../tests/support/pages';
import { SEED_EXPECTATIONS, seedText } from '../tests/support/seeds';
import { brownTexts } from '../tests/support/brown';
import { REPOSTS, serveCreditedSites } from '../tests/support/credited';

type Row = Record<string, string>;
const ms = (x: number): string => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A 5,000-word repost: seed 001's six paragraphs followed by real text, for a badge to appear. */
function repostOf5000Words(): string {
  const seed = seedText(SEED_EXPECTATIONS[1]!).split(/\n+/).slice(6, 12);
  const filler: string[] = [];
  for (const p of brownTexts()
    .slice(100)
    .flatMap((t) => t.paragraphs)) {
    if (filler.join(' ').split(' ').length > 4_300) break;
    filler.push(p);
  }
  return articlePage('Five thousand words', [...seed, ...filler]);
}

// What the content script runs on the page's thread, timed in the page itself.
const readerable = readFileSync(
  new URL('../node_modules/@mozilla/readability/Readability-readerable.js', import.meta.url),
  'utf8',
).replace(/if \(typeof module === "object"\) \{[\s\S]*$/, '');

async function contentScriptWork(
  context: BrowserContext,
  url: string,
  source: string = readerable,
): Promise<{ readerable: number; serialize: number }> {
  const page = await context.newPage();
  await page.goto(url);
  // Passed as source text: functions given to evaluate() would carry the bundler's helpers.
  const result = (await page.evaluate(`(() => {
    ${source}
    const times = { readerable: [], serialize: [] };
    for (let i = 0; i < 7; i++) {
      let start = performance.now();
      isProbablyReaderable(document);
      times.readerable.push(performance.now() - start);
      start = performance.now();
      structuredClone({ html: document.documentElement.outerHTML });
      times.serialize.push(performance.now() - start);
    }
    const mid = (xs) => xs.sort((a, b) => a - b)[3];
    return { readerable: mid(times.readerable), serialize: mid(times.serialize) };
  })()`)) as { readerable: number; serialize: number };
  await page.close();
  return result;
}

async function longestTask(context: BrowserContext, url: string, waitMs: number): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(`window.longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.longest = Math.max(window.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });`);
  await page.goto(url);
  await page.waitForTimeout(waitMs);
  const longest = (await page.evaluate('window.longest')) as number;
  await page.close();
  return longest;
}

export async function extensionBench(): Promise<Row[]> {
  const server = await servePages();
  const extra = new Map([
    ['/five-thousand.html', repostOf5000Words()],
    ['/huge.html', hugePage()],
  ]);
  // Serve the extra pages through a second tiny server on the same loopback.
  const { createServer } = await import('node:http');
  const side = createServer((req, res) => {
    const body = extra.get((req.url ?? '').split('?')[0]!);
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
  });
  await new Promise<void>((resolve) => side.listen(0, '127.0.0.1', resolve));
  const sideOrigin = `http://127.0.0.1:${(side.address() as { port: number }).port}`;

  const ext = await launchWithExtension();
  const plain = await chromium.launchPersistentContext('', {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const rows = await measure(ext, plain, server.origin, sideOrigin);
    return [...rows.map((row) => ({ ...row, [CLICK_COLUMN]: '' })), await clickToCompared(ext)];
  } finally {
    await ext.close();
    await plain.close();
    await server.close();
    side.close();
  }
}

async function measure(
  ext: Awaited<ReturnType<typeof launchWithExtension>>,
  plain: BrowserContext,
  origin: string,
  sideOrigin: string,
): Promise<Row[]> {
  const rows: Row[] = [];
  const pages: [string, string][] = [
    ['seed 000 page (630 words)', `${origin}/seed-000.html`],
    ['5,000-word repost', `${sideOrigin}/five-thousand.html`],
    ['20,000-word page, 2,000 widgets', `${sideOrigin}/huge.html`],
  ];
  for (const [name, url] of pages) {
    const work = await contentScriptWork(plain, url);
    const withExtension = await longestTask(ext.context, url, 1_500);
    const without = await longestTask(plain, url, 1_500);
    const badge: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await ext.context.newPage();
      await page.goto(`${url}?run=${i}`, { waitUntil: 'load' });
      const loadAt = Date.now();
      const { report } = await finishedReport(ext, `${url}?run=${i}`, 10_000);
      badge.push(Date.now() - loadAt);
      if ((report as TabReport).status !== 'checked') throw new Error(`${name}: ${report.status}`);
      await page.close();
    }
    rows.push({
      page: name,
      'readerable check (ms)': ms(work.readerable),
      'copy markup (ms)': ms(work.serialize),
      'longest task, with extension (ms)': ms(withExtension),
      'longest task, without (ms)': ms(without),
      'load → report stored (ms, median of 5)': ms(median(badge)),
    });
  }
  return rows;
}

const CLICK_COLUMN = 'click → compared report stored (ms, median of 5)';

/**
 * "Compare with the credited source" on a 5,000-word original served locally (target ≤ 1 s
 * from the click): the popup's click, the background's fetch, extraction with linkedom in
 * the service worker (no DOMParser there), indexing the original with its full text,
 * analysis, and the report stored. The reader's "Allow" is stood in for as in the tests
 * (tests/browser/credited.test.ts). Extraction alone is timed in the same service worker.
 */
async function clickToCompared(ext: Awaited<ReturnType<typeof launchWithExtension>>): Promise<Row> {
  const sites = await serveCreditedSites();
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const page = await ext.context.newPage();
      const url = `${sites.repost.origin}${REPOSTS.long}?run=${i}`;
      await page.goto(url);
      const { tabId } = await finishedReport(ext, url, 20_000);
      const popup = await ext.context.newPage();
      await popup.addInitScript(() => {
        const permissions = (globalThis as { chrome?: typeof chrome }).chrome?.permissions;
        if (permissions) (permissions as { request: unknown }).request = () => Promise.resolve(true);
      });
      await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tabId=${tabId}`);
      const button = popup.locator('.compare-credited');
      await button.waitFor();
      const start = Date.now();
      await button.click();
      await popup.waitForFunction(() => document.querySelector('.compare-status')?.textContent === 'Compared.', null, {
        timeout: 20_000,
        polling: 'raf',
      });
      times.push(Date.now() - start);
      await popup.close();
      await page.close();
    }
    return {
      page: `5,000-word original (${await extractionInWorker(ext, `${sites.original.origin}/long.html`)} ms of it: extraction in the service worker)`,
      [CLICK_COLUMN]: ms(median(times)),
    };
  } finally {
    await sites.close();
  }
}

/** Median time of the background's own page reading (linkedom parse, extraction, credits) in its service worker. */
async function extractionInWorker(ext: Awaited<ReturnType<typeof launchWithExtension>>, url: string): Promise<string> {
  const { build } = await import('esbuild');
  const bundle = await build({
    stdin: {
      contents: "import { readPage } from './src/browser/credited-page'; globalThis.__readPage = readPage;",
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  const worker = await ext.worker();
  await worker.evaluate(bundle.outputFiles[0]!.text);
  const times = (await worker.evaluate(async (at: string) => {
    const html = await (await fetch(at)).text();
    const read = (globalThis as unknown as { __readPage: (h: string, u: string) => unknown }).__readPage;
    const samples: number[] = [];
    for (let i = 0; i < 6; i++) {
      const start = performance.now();
      read(html, at);
      samples.push(performance.now() - start);
    }
    return samples;
  }, url)) as number[];
  return ms(median(times.slice(1)));
}

/**
 * Index load in the extension's service worker (Chromium): the loader, bundled for the
 * browser, runs there on each index file, fetched from 127.0.0.1. The first load is
 * what a reader waits for after the worker was stopped; the median of the next five is
 * the engine's warm figure.
 */
export async function serviceWorkerIndexLoads(files: readonly { name: string; path: string }[]): Promise<Row[]> {
  const { build } = await import('esbuild');
  const { createServer } = await import('node:http');
  const bundle = await build({
    stdin: {
      contents:
        "import { deserializeIndex } from './src/corpus/index-file'; globalThis.__loadIndex = deserializeIndex;",
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  const server = createServer((req, res) => {
    const file = files.find((f) => req.url === `/${encodeURIComponent(f.name)}`);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'access-control-allow-origin': '*' }).end(readFileSync(file.path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const ext = await launchWithExtension();
  try {
    const worker = await ext.worker();
    await worker.evaluate(bundle.outputFiles[0]!.text);
    const rows: Row[] = [];
    for (const file of files) {
      const times = (await worker.evaluate(
        async (url: string) => {
          const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
          const load = (globalThis as unknown as { __loadIndex: (b: Uint8Array) => unknown }).__loadIndex;
          const samples: number[] = [];
          for (let i = 0; i < 6; i++) {
            const start = performance.now();
            load(bytes);
            samples.push(performance.now() - start);
          }
          return samples;
        },
        `${origin}/${encodeURIComponent(file.name)}`,
      )) as number[];
      rows.push({
        index: file.name,
        'first load (ms)': ms(times[0]!),
        'warm load (ms, median of 5)': ms(median(times.slice(1))),
      });
    }
    return rows;
  } finally {
    await ext.close();
    server.close();
  }
}
