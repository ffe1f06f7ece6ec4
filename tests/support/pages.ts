// Pages the browser tests and the benchmark serve on 127.0.0.1: the seed pages, real
// articles from the Brown corpus in ordinary article markup, a page that is not an
// article, a huge article, a single-page site that swaps its article in place, and the
// rewritten page (tests/support/rewrites.ts) at /rewritten.html.
import { readFileSync } from 'node:fs';
import { brownHalves } from './brown';
import { listenLocally } from './local-server';
import { SERVED_REWRITE, servedRewriteParagraphs } from './rewrites';
import { SEED_EXPECTATIONS, seedPage, seedText } from './seeds';

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function articlePage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><header class="site-header"><a href="/">The Daily Example</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${escape(title)}</h1><p class="byline">By A. Reporter</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
</article></main><footer><p>© The Daily Example</p></footer></body></html>`;
}

const realArticles = (): { id: string; html: string }[] =>
  brownHalves()
    .second.filter((t) => t.genre === 'a' || t.genre === 'b')
    .slice(0, 3)
    .map((t) => ({ id: t.id, html: articlePage(`Report ${t.id}`, t.paragraphs) }));

const nonArticle = `<!doctype html><html><head><title>Shop</title></head><body><nav>${Array.from(
  { length: 40 },
  (_, i) => `<a href="/c/${i}">Category ${i}</a>`,
).join(
  ' ',
)}</nav><div class="grid">${Array.from({ length: 30 }, (_, i) => `<div class="card"><a href="/p/${i}">Product ${i}</a> $${i}.99</div>`).join('')}</div></body></html>`;

/** About 20,000 words of real text, with the markup weight of a real page. */
/**
 * Pages made to exhaust a checker: 200,000 nested divs (2.2 MB) and 100,000 tiny paragraphs (1 MB). (The
 * command line's tests use a million; a browser takes most of a minute just to lay out that page.)
 */
export function hostilePages(): Record<string, string> {
  const depth = 200_000;
  return {
    nested: `<!doctype html><html><head><title>Nested</title></head><body>${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}</body></html>`,
    paragraphs: `<!doctype html><html><head><title>Tiny</title></head><body><article>${'<p>a b</p>'.repeat(100_000)}</article></body></html>`,
  };
}

export function hugePage(): string {
  const paragraphs = brownHalves()
    .second.slice(10, 30)
    .flatMap((t) => t.paragraphs);
  return articlePage('A very long read', paragraphs).replace(
    '</body>',
    `<aside>${Array.from({ length: 2000 }, (_, i) => `<div class="widget"><span>item ${i}</span></div>`).join('')}</aside></body>`,
  );
}

/** A single-page site: shows one article, then swaps in the seed 001 repost at /spa/next. */
function spaPage(): string {
  const first = brownHalves().second[42]!.paragraphs;
  const next = seedText(SEED_EXPECTATIONS[1]!)
    .split(/\n+/)
    .filter((l) => l.trim() !== '');
  return `${articlePage('Single-page site', first).replace(
    '</body>',
    `<script>
const next = ${JSON.stringify(next)};
window.swapArticle = () => {
  history.pushState({}, '', '/spa/next');
  const article = document.querySelector('article');
  article.replaceChildren(...next.map((text) => { const p = document.createElement('p'); p.textContent = text; return p; }));
};
</script></body>`,
  )}`;
}

export interface PageServer {
  readonly origin: string;
  readonly requests: string[];
  /** Path → HTML; tests may add pages. */
  readonly routes: Map<string, string>;
  close(): Promise<void>;
}

export async function servePages(): Promise<PageServer> {
  const routes = new Map<string, string>();
  for (const e of SEED_EXPECTATIONS) routes.set(`/seed-${e.seed}.html`, seedPage(e));
  for (const a of realArticles()) routes.set(`/real/${a.id}.html`, a.html);
  routes.set('/shop.html', nonArticle);
  routes.set('/huge.html', hugePage());
  for (const [name, html] of Object.entries(hostilePages())) routes.set(`/hostile/${name}.html`, html);
  routes.set('/spa/start', spaPage());
  routes.set('/rewritten.html', articlePage(SERVED_REWRITE.title, servedRewriteParagraphs()));
  const requests: string[] = [];
  const { origin, close } = await listenLocally((req, res) => {
    requests.push(req.url ?? '');
    const body = routes.get((req.url ?? '').split('?')[0]!);
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return { origin, requests, routes, close };
}

export const realArticleIds = (): string[] => realArticles().map((a) => a.id);
export const extensionDir = (browser: 'chrome-mv3' | 'firefox-mv2'): string =>
  new URL(`../../.output/${browser}/`, import.meta.url).pathname;
export function assertBuilt(browser: 'chrome-mv3' | 'firefox-mv2'): void {
  try {
    readFileSync(`${extensionDir(browser)}manifest.json`);
  } catch {
    throw new Error(`.output/${browser} is missing: run \`npm run build\` first (npm test does)`);
  }
}
