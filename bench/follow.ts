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

export async function followedSiteUpdate(articles = 50): Promise<Record<string, string>> {
  const texts = brownHalves().second.slice(0, articles);
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
  try {
    const options = { fetch, delayMs: 0 };
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const start = performance.now();
    const first = await updateSite(newSite(`${origin}/feed.rss`, Date.now()), [], DEFAULT_FOLLOW_SETTINGS, options);
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
      'IndexedDB value (kB)': (stored / 1024).toFixed(0),
      'full-text index rebuild (ms)': indexMs.toFixed(0),
      'next update, feed unchanged (ms)': `${againMs.toFixed(0)} (${again.tally.added} fetched)`,
    };
  } finally {
    server.close();
  }
}
