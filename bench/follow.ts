// One followed-site update (src/follow/update.ts) of 50 new articles served on 127.0.0.1:
// the feed, 50 article pages of real text (Brown corpus, about 1,000 words each), each
// extracted, merged into the followed corpus (near-copy check included), then the full-text
// index the background rebuilds. The polite pause between pages (1 s in the extension) is
// left out: it would only add 50 s of waiting. Size: the corpus as IndexedDB stores it,
// structured-cloned (v8.serialize is the same serializer Chromium's IndexedDB uses, before
// its own compression on disk).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serialize } from 'node:v8';
import { buildCorpusIndex } from '../src/corpus/corpus-index';
import { DEFAULT_FOLLOW_SETTINGS } from '../src/follow/sites';
import { newSite, updateSite } from '../src/follow/update';
import { brownHalves } from '../tests/support/brown';
import { articlePage } from '../tests/support/pages';

type Row = Record<string, string>;

interface Desk {
  readonly feed: string;
  close(): void;
}

/** A newsroom on 127.0.0.1: an RSS feed (ETag "v1") of `count` real articles, newest first, and their pages. */
async function serveDesk(count: number): Promise<Desk> {
  const texts = brownHalves().second.slice(0, count);
  let origin = '';
  const feed = (): string =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Bench desk</title>${texts
      .map(
        (t, i) =>
          `<item><title>${t.id}</title><link>${origin}/news/${t.id}.html</link><pubDate>${new Date(Date.now() - i * 3_600_000).toUTCString()}</pubDate></item>`,
      )
      .join('')}</channel></rss>`;
  const pages = new Map(texts.map((t) => [`/news/${t.id}.html`, articlePage(`Report ${t.id}`, t.paragraphs)]));
  const server = createServer((req, res) => {
    if (req.url === '/feed.rss') {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      return void res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(feed());
    }
    const page = pages.get(req.url ?? '');
    if (page === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { feed: `${origin}/feed.rss`, close: () => void server.close() };
}

/** The update in Node, as the background runs it, the pauses left out. */
async function updateInNode(articles: number): Promise<Row> {
  const desk = await serveDesk(articles);
  try {
    const options = { fetch, delayMs: 0 };
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const start = performance.now();
    const first = await updateSite(newSite(desk.feed, Date.now()), [], DEFAULT_FOLLOW_SETTINGS, options);
    const updateMs = performance.now() - start;
    clearInterval(sampler);
    const indexStart = performance.now();
    buildCorpusIndex(
      first.articles.map((a) => a.record),
      { fullText: true },
    );
    const indexMs = performance.now() - indexStart;
    const againStart = performance.now();
    const again = await updateSite(first.site, first.articles, DEFAULT_FOLLOW_SETTINGS, options);
    const againMs = performance.now() - againStart;
    const stored = serialize(first.articles).length + serialize(first.site).length;
    const words = first.articles.reduce((sum, a) => sum + a.record.text.split(/\s+/).length, 0);
    return {
      articles: `${first.tally.added} of ${articles}`,
      words: words.toLocaleString('en'),
      'update (s, pauses left out)': (updateMs / 1000).toFixed(2),
      'ms per article': (updateMs / articles).toFixed(0),
      'heap peak over start (MB)': ((peak - heapBefore) / 1048576).toFixed(0),
      'stored value, structured clone (kB)': (stored / 1024).toFixed(0),
      'full-text index rebuild (ms)': indexMs.toFixed(0),
      'next update, feed unchanged (ms)': `${againMs.toFixed(0)} (${again.tally.added} fetched)`,
    };
  } finally {
    desk.close();
  }
}

/**
 * The same update in the built extension in Chromium: followed from an extension page, read
 * by the service worker with its 1 s pause before each page; the IndexedDB usage Chromium
 * reports for the extension before and after.
 */
async function updateInChromium(articles: number): Promise<Row> {
  const { launchWithExtension } = await import('../tests/support/chromium');
  const desk = await serveDesk(articles);
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const indexedDb = async (): Promise<number> =>
      page.evaluate(async () => {
        const estimate = (await navigator.storage.estimate()) as { usageDetails?: { indexedDB?: number } };
        return estimate.usageDetails?.indexedDB ?? 0;
      });
    const before = await indexedDb();
    const start = performance.now();
    await page.evaluate((url) => chrome.runtime.sendMessage({ type: 'follow-site', url }), desk.feed);
    let held = 0;
    for (;;) {
      const reply = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'get-followed' }))) as {
        sites: { articles: number; updating: boolean }[];
      };
      held = reply.sites[0]?.articles ?? 0;
      if (reply.sites[0] !== undefined && !reply.sites[0].updating) break;
      if (performance.now() - start > 300_000) throw new Error('the update did not finish in 5 minutes');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const seconds = (performance.now() - start) / 1000;
    const after = await indexedDb();
    return {
      articles: `${held} of ${articles}`,
      'follow to all held (s)': seconds.toFixed(1),
      'of which pauses (s)': String(articles),
      'work (s)': (seconds - articles).toFixed(1),
      'IndexedDB usage added (kB)': ((after - before) / 1024).toFixed(0),
    };
  } finally {
    await ext.close();
    desk.close();
  }
}

/** Rows for `npm run bench`, by table title; the Chromium row only where the extension is built. */
export async function followedSiteBench(articles = 50): Promise<[string, Row][]> {
  const rows: [string, Row][] = [
    [`Followed site: one update of ${articles} new articles served locally, in Node`, await updateInNode(articles)],
  ];
  try {
    rows.push([
      `Followed site: one update of ${articles} new articles served locally, in the extension (Chromium)`,
      await updateInChromium(articles),
    ]);
  } catch (error) {
    console.log(
      `(followed site figures in Chromium skipped: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return rows;
}
