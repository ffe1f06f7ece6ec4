import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchArticlePage, MAX_HOPS } from '../../src/net/fetch-article';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 that records the paths it was asked for. */
async function serve(handler: Handler): Promise<{ server: Server; base: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, base: `http://127.0.0.1:${port}`, asked };
}

const ARTICLE = '<!doctype html><html><head><title>A</title></head><body><p>Text.</p></body></html>';
let site: Awaited<ReturnType<typeof serve>>;
let other: Awaited<ReturnType<typeof serve>>;
const headersSeen: Record<string, string | undefined>[] = [];

beforeAll(async () => {
  other = await serve((_req, res) => res.end(ARTICLE));
  site = await serve((req, res) => {
    headersSeen.push({ cookie: req.headers.cookie, referer: req.headers.referer });
    const path = req.url ?? '';
    const hops = /^\/hops\/(\d+)$/.exec(path);
    if (hops) {
      const n = Number(hops[1]);
      res.writeHead(302, { location: n === 0 ? '/article' : `/hops/${n - 1}` }).end();
    } else if (path === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    } else if (path === '/cyrillic') {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      res.end(Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2])); // "Привет" in windows-1251
    } else if (path === '/off-site') {
      res.writeHead(301, { location: `${other.base}/article` }).end();
    } else if (path === '/broken') {
      res.writeHead(500, 'Internal Server Error').end('oops');
    } else if (path === '/pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4');
    } else if (path === '/untyped') {
      res.end('just some bytes');
    } else if (path === '/declared-large') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(10_000) }).end('x'.repeat(10_000));
    } else if (path === '/streamed-large') {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write('x'.repeat(1000));
      res.end();
    } else if (path === '/never') {
      // Never answers.
    } else {
      res.writeHead(404, 'Not Found').end();
    }
  });
});

afterAll(() => {
  for (const s of [site, other]) {
    s.server.closeAllConnections();
    s.server.close();
  }
});

const get = (url: string, options: { timeoutMs?: number; maxBytes?: number } = {}) =>
  fetchArticlePage(url, {
    fetch,
    timeoutMs: options.timeoutMs ?? 5000,
    maxBytes: options.maxBytes ?? 5000,
    now: () => 0,
  });

describe('fetchArticlePage', () => {
  it('follows redirects within the site and gives the final address, without cookies or referrer', async () => {
    const got = await get(`${site.base}/hops/2`);
    expect(got).toEqual({
      ok: true,
      url: `${site.base}/article`,
      html: ARTICLE,
      contentType: 'text/html; charset=utf-8',
      fetchedAt: '1970-01-01T00:00:00.000Z',
    });
    expect(headersSeen.at(-1)).toEqual({ cookie: undefined, referer: undefined });
  });

  it(`stops after ${MAX_HOPS} redirects`, async () => {
    // /hops/n redirects n + 1 times.
    expect(await get(`${site.base}/hops/${MAX_HOPS - 1}`)).toMatchObject({ ok: true });
    expect(await get(`${site.base}/hops/${MAX_HOPS}`)).toMatchObject({ ok: false, reason: 'http-error' });
  });

  it('refuses a redirect to another site (another port) without contacting it', async () => {
    const before = other.asked.length;
    const got = await get(`${site.base}/off-site`);
    expect(got).toMatchObject({ ok: false, reason: 'redirect-off-site' });
    expect(!got.ok && got.message).toContain(new URL(other.base).host);
    expect(other.asked.length).toBe(before);
  });

  it('says 404 and 500 with their status', async () => {
    expect(await get(`${site.base}/missing`)).toMatchObject({ ok: false, reason: 'http-error', status: 404 });
    const broken = await get(`${site.base}/broken`);
    expect(broken).toMatchObject({ ok: false, reason: 'http-error', status: 500 });
    expect(!broken.ok && broken.message).toMatch(/answered 500 Internal Server Error/);
  });

  it('refuses what is not a web page', async () => {
    expect(await get(`${site.base}/pdf`)).toMatchObject({ ok: false, reason: 'not-html' });
    expect(await get(`${site.base}/untyped`)).toMatchObject({ ok: false, reason: 'not-html' });
  });

  it('refuses a page over the cap, declared or streamed', async () => {
    expect(await get(`${site.base}/declared-large`)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await get(`${site.base}/streamed-large`)).toMatchObject({ ok: false, reason: 'too-large' });
    expect(await get(`${site.base}/streamed-large`, { maxBytes: 20_000 })).toMatchObject({ ok: true });
  });

  it('gives up when the server does not answer in time', async () => {
    const got = await get(`${site.base}/never`, { timeoutMs: 300 });
    expect(got).toEqual({
      ok: false,
      reason: 'timeout',
      message: `${new URL(site.base).host} did not answer within 0.3 s.`,
      // The same, for the popup to say in the reader's language.
      said: { key: 'net_timeout', params: [new URL(site.base).host, '0.3 s'] },
    });
  });

  it('decodes the charset the server names', async () => {
    expect(await get(`${site.base}/cyrillic`)).toMatchObject({ ok: true, html: 'Привет' });
  });

  it('refuses what is not an http(s) address, and says when nothing answers', async () => {
    expect(await get('file:///etc/passwd')).toMatchObject({ ok: false, reason: 'bad-url' });
    expect(await get('not a url')).toMatchObject({ ok: false, reason: 'bad-url' });
    expect(await get('http://127.0.0.1:1/')).toMatchObject({ ok: false, reason: 'network' });
  });

  it('in a browser, where a manual redirect is opaque, lets it follow and checks where it ended', async () => {
    // Browsers answer `redirect: 'manual'` with an opaque redirect: no status, no Location.
    const opaque = (): Response => Object.defineProperty(new Response(null), 'type', { value: 'opaqueredirect' });
    const landed = (url: string): Response =>
      Object.defineProperty(new Response(ARTICLE, { headers: { 'content-type': 'text/html' } }), 'url', { value: url });
    const calls: RequestInit[] = [];
    const browserFetch = (end: string): typeof fetch =>
      (async (_input: RequestInfo | URL, init?: RequestInit) => {
        calls.push(init!);
        return init?.redirect === 'manual' ? opaque() : landed(end);
      }) as typeof fetch;
    const same = await fetchArticlePage('https://news.example/a', {
      fetch: browserFetch('https://www.news.example/b'),
    });
    expect(same).toMatchObject({ ok: true, url: 'https://www.news.example/b' });
    expect(calls.map((c) => [c.redirect, c.credentials, c.referrerPolicy])).toEqual([
      ['manual', 'omit', 'no-referrer'],
      ['follow', 'omit', 'no-referrer'],
    ]);
    const off = await fetchArticlePage('https://news.example/a', {
      fetch: browserFetch('https://elsewhere.example/b'),
    });
    expect(off).toMatchObject({ ok: false, reason: 'redirect-off-site' });
  });
});
