// Two sites on 127.0.0.1 (one reached as localhost) for "Compare with the credited source": an original site (its
// articles are real press reportage from the Brown corpus, none of it in the bundled
// corpus) and a repost site whose pages credit it in the ways real reposts do, plus every
// bad case of issue 21 item 6. Each server counts the requests it is sent, by path.
import { brownHalves, brownTexts } from './brown';
import { listenLocally } from './local-server';

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function creditedPage(
  title: string,
  paragraphs: readonly string[],
  { head = '', after = '' }: { head?: string; after?: string } = {},
): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>${head}</head>
<body><header class="site-header"><a href="/">Front page</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${escape(title)}</h1><p class="byline">By A. Reporter</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
${after}
</article></main><footer><p>© The site</p></footer></body></html>`;
}

const press = brownHalves().first.filter((t) => t.genre === 'a');
/** The original: 18 paragraphs of press reportage. */
export const ORIGINAL = press[25]!;
/** The paragraphs the cut reposts leave out (0-based in the original). */
export const CUT = [6, 7, 8, 9, 10, 11] as const;
const cut = ORIGINAL.paragraphs.filter((_, i) => !(CUT as readonly number[]).includes(i));
export const BIO = 'Jordan Ellison is a contributing writer for The Daily Example. Follow Jordan on Twitter @jellison.';
export const PROMO = 'Subscribe to our newsletter for the best stories of the week, delivered free to your inbox.';

/** 5,000 words of press reportage (Brown texts, whole paragraphs) for the benchmark. */
export const LONG_ORIGINAL = ((): string[] => {
  const paragraphs: string[] = [];
  let words = 0;
  for (const p of brownTexts()
    .filter((t) => t.genre === 'a')
    .slice(40)
    .flatMap((t) => t.paragraphs)) {
    if (words >= 5_000) break;
    paragraphs.push(p);
    words += p.split(/\s+/).length;
  }
  return paragraphs;
})();

export interface CreditedSites {
  /** The original site (the credited sources). */
  readonly original: SiteServer;
  /** The repost site (pages that credit the original site). */
  readonly repost: SiteServer;
  close(): Promise<void>;
}

export interface SiteServer {
  readonly origin: string;
  /** Every request's path, in order. */
  readonly requests: string[];
  readonly routes: Map<string, Route>;
}

type Route =
  | { readonly kind: 'page'; readonly body: string; readonly type?: string }
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'redirect'; readonly to: string }
  | { readonly kind: 'silent' };

async function serve(hostname: string): Promise<SiteServer & { close(): Promise<void> }> {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const hanging = new Set<import('node:http').ServerResponse>();
  const { server, port } = await listenLocally((req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    requests.push(path);
    const route = routes.get(path);
    // Firefox's background fetches without the granted permission are CORS requests.
    const cors = { 'access-control-allow-origin': '*' };
    if (route === undefined) return void res.writeHead(404, { ...cors, 'content-type': 'text/plain' }).end('not found');
    switch (route.kind) {
      case 'page':
        return void res
          .writeHead(200, { ...cors, 'content-type': route.type ?? 'text/html; charset=utf-8' })
          .end(route.body);
      case 'status':
        return void res.writeHead(route.status, { ...cors, 'content-type': 'text/html' }).end('<h1>error</h1>');
      case 'redirect':
        return void res.writeHead(302, { ...cors, location: route.to }).end();
      case 'silent':
        hanging.add(res); // never answered: the extension's timeout ends it
        return;
    }
  });
  return {
    origin: `http://${hostname}:${port}`,
    requests,
    routes,
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The repost site's pages, by path, and what each is for. */
export const REPOSTS = {
  canonical: '/canonical.html',
  creditLine: '/credit-line.html',
  padded: '/padded.html',
  noCredit: '/no-credit.html',
  selfCredit: '/self-credit.html',
  notFound: '/to-404.html',
  serverError: '/to-500.html',
  offSite: '/to-elsewhere.html',
  notArticle: '/to-shop.html',
  tooLarge: '/to-huge.html',
  slow: '/to-slow.html',
  loop: '/to-loop.html',
  long: '/long.html',
} as const;

export async function serveCreditedSites(): Promise<CreditedSites> {
  // Two sites, to the pipeline as to the browser: one named localhost, one 127.0.0.1 (a host
  // is one site whatever its port, for the verdict's "on the original's own site").
  const [original, repost] = await Promise.all([serve('localhost'), serve('127.0.0.1')]);
  const at = (path: string): string => `${original.origin}${path}`;
  const canonical = (path: string): string => `<link rel="canonical" href="${at(path)}">`;
  const page = (body: string, type?: string): Route => ({ kind: 'page', body, ...(type ? { type } : {}) });

  // The original site.
  original.routes.set('/story.html', page(creditedPage('Senate race questioned', ORIGINAL.paragraphs)));
  original.routes.set('/gone.html', { kind: 'status', status: 404 });
  original.routes.set('/broken.html', { kind: 'status', status: 500 });
  original.routes.set('/moved.html', { kind: 'redirect', to: `${repost.origin}/elsewhere.html` });
  original.routes.set(
    '/shop.html',
    page(creditedPage('Shop', ['Cart', 'Checkout', 'Sale: 20% off everything this week only.'])),
  );
  original.routes.set('/huge.html', page(creditedPage('Huge', ['x'.repeat(6 * 1024 * 1024)])));
  original.routes.set('/slow.html', { kind: 'silent' });
  // It credits the repost that credits it: a loop.
  original.routes.set(
    '/loop.html',
    page(
      creditedPage('Senate race questioned', ORIGINAL.paragraphs, {
        after: `<p>Originally published at <a href="${repost.origin}${REPOSTS.loop}">the Repost</a>.</p>`,
      }),
    ),
  );
  original.routes.set('/long.html', page(creditedPage('A long read', LONG_ORIGINAL)));

  // The repost site.
  const set = (path: string, html: string): void => void repost.routes.set(path, page(html));
  set(REPOSTS.canonical, creditedPage('Senate race questioned', cut, { head: canonical('/story.html') }));
  set(
    REPOSTS.creditLine,
    creditedPage('Senate race questioned', cut, {
      after: `<p>This article was originally published at <a href="${at('/story.html')}">The Original Times</a>.</p>`,
    }),
  );
  set(
    REPOSTS.padded,
    creditedPage('Senate race questioned', [...ORIGINAL.paragraphs, BIO, PROMO], { head: canonical('/story.html') }),
  );
  set(REPOSTS.noCredit, creditedPage('Senate race questioned', cut));
  set(
    REPOSTS.selfCredit,
    creditedPage('Senate race questioned', cut, {
      after: `<p>Originally published at <a href="${repost.origin}${REPOSTS.selfCredit}">this site</a>.</p>`,
    }),
  );
  set(REPOSTS.notFound, creditedPage('Senate race questioned', cut, { head: canonical('/gone.html') }));
  set(REPOSTS.serverError, creditedPage('Senate race questioned', cut, { head: canonical('/broken.html') }));
  set(REPOSTS.offSite, creditedPage('Senate race questioned', cut, { head: canonical('/moved.html') }));
  set(REPOSTS.notArticle, creditedPage('Senate race questioned', cut, { head: canonical('/shop.html') }));
  set(REPOSTS.tooLarge, creditedPage('Senate race questioned', cut, { head: canonical('/huge.html') }));
  set(REPOSTS.slow, creditedPage('Senate race questioned', cut, { head: canonical('/slow.html') }));
  set(REPOSTS.loop, creditedPage('Senate race questioned', cut, { head: canonical('/loop.html') }));
  set(
    REPOSTS.long,
    creditedPage(
      'A long read',
      LONG_ORIGINAL.filter((_, i) => i % 10 !== 5),
      { head: canonical('/long.html') },
    ),
  );
  return {
    original,
    repost,
    close: () => Promise.all([original.close(), repost.close()]).then(() => undefined),
  };
}
