// `repost-radar check <page> --original <file|url>` and `--credited` against servers on
// 127.0.0.1 started here: the original's site and the repost's are two ports, two sites.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCorpusJsonl } from '../../src/corpus/records';
import type { Finding, Report } from '../../src/report/report';
import { splitParagraphs } from '../../src/text/paragraphs';
import { originalPage } from '../support/corpus';
import { SEED_EXPECTATIONS, seedPage } from '../support/seeds';
import { ROOT, runCli as run } from '../support/cli';

const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-original-'));

// The seed original (The Washington Post) and its cut copy (seed 001: paragraphs 6-11 cut).
const ORIGINAL = parseCorpusJsonl(readFileSync(join(ROOT, 'tests/fixtures/seeds/original.jsonl'), 'utf8'))[0]!;
const CUT = SEED_EXPECTATIONS.find((e) => e.seed === '001')!;
const ORIGINAL_PARAGRAPHS = splitParagraphs(ORIGINAL.text);

type Routes = Record<string, (res: ServerResponse) => void>;

async function serve(routes: () => Routes): Promise<{ server: Server; base: string; asked: string[] }> {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const route = routes()[req.url ?? ''];
    if (route) route(res);
    else res.writeHead(404, 'Not Found').end('<html><body>Not found</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}`, asked };
}

const html = (body: string) => (res: ServerResponse) =>
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);

let news: Awaited<ReturnType<typeof serve>>; // the original's site
let elsewhere: Awaited<ReturnType<typeof serve>>; // a third site
const REPOST_URL = 'http://127.0.0.1:9/aggregator/repost.html'; // the page's address (never fetched)

/** The original's page, with `extra` after its paragraphs. */
const originalHtml = (extra = ''): string => originalPage(ORIGINAL).replace('</article>', `${extra}</article>`);

beforeAll(async () => {
  elsewhere = await serve(() => ({ '/landing': html(originalHtml()) }));
  news = await serve(() => ({
    '/original': html(originalHtml()),
    '/signed': html(
      originalHtml().replace(
        '"headline"',
        `"author":{"@type":"Person","name":${JSON.stringify(ORIGINAL.author)}},"headline"`,
      ),
    ),
    '/moved': (res) => res.writeHead(301, { location: `${news.base}/original` }).end(),
    '/off-site': (res) => res.writeHead(302, { location: `${elsewhere.base}/landing` }).end(),
    '/broken': (res) => res.writeHead(500, 'Internal Server Error').end('oops'),
    '/slow': () => undefined, // never answers
    '/huge': (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'word '.repeat(20_000)}</p>`;
      for (let i = 0; i < 60; i++) res.write(chunk); // 6 MB, over the 5 MB cap
      res.end();
    },
    '/front': html('<!doctype html><html><body><h1>News</h1><ul><li><a href="/a">A story</a></li></ul></body></html>'),
    '/loop': html(originalHtml(`<p>Originally published at <a href="${REPOST_URL}">the aggregator</a>.</p>`)),
    '/back': (res) => res.writeHead(302, { location: REPOST_URL }).end(),
  }));
});

afterAll(() => {
  for (const s of [news, elsewhere]) {
    s.server.closeAllConnections();
    s.server.close();
  }
});

/** The cut copy as a page whose `<head>` gets `head` and whose text ends with `tail`. */
function repostFile(name: string, head: string, tail = ''): string {
  const path = join(tmp, name);
  writeFileSync(path, seedPage(CUT).replace('</head>', `${head}</head>`).replace('</body>', `${tail}</body>`));
  return path;
}
const canonical = (href: string): string => `<link rel="canonical" href="${href}">`;

function expectCutRepost(report: Report): void {
  expect(report.verdict).toBe('repost');
  const missing = report.findings.find((f) => f.kind === 'missing-paragraphs') as Extract<
    Finding,
    { kind: 'missing-paragraphs' }
  >;
  expect(missing.paragraphs.map((p) => p.index)).toEqual(CUT.missing);
  // Whole paragraphs of the original, not their opening sentences.
  expect(missing.paragraphs.map((p) => p.text)).toEqual(CUT.missing.map((i) => ORIGINAL_PARAGRAPHS[i]));
  expect(missing.paragraphs.some((p) => p.text.split(/[.!?]\s/).length > 1)).toBe(true);
}

describe('check --credited', () => {
  it('fetches the original the canonical link names (on another port) and finds the cut paragraphs', async () => {
    const page = repostFile('canonical.html', canonical(`${news.base}/original`));
    const { status, stdout, stderr } = await run(['check', page, '--credited', '--url', REPOST_URL, '--json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expectCutRepost(report);
    expect(report.originalSource).toEqual({
      kind: 'credited',
      url: `${news.base}/original`,
      fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      how: 'canonical',
    });
  });

  it('reads the page\'s address from a browser\'s "saved from url" comment when --url is not given', async () => {
    const page = join(tmp, 'saved.html');
    const saved = `<!-- saved from url=(${String(REPOST_URL.length).padStart(4, '0')})${REPOST_URL} -->\n`;
    writeFileSync(page, saved + readFileSync(repostFile('unsaved.html', canonical(`${news.base}/original`)), 'utf8'));
    const { status, stdout } = await run(['check', page, '--credited', '--json']);
    expect(status).toBe(0);
    expectCutRepost(JSON.parse(stdout) as Report);
    // Without an address, a canonical link cannot be told from the page's own.
    const unsaved = await run(['check', join(tmp, 'unsaved.html'), '--credited']);
    expect(unsaved.status).toBe(2);
    expect(unsaved.stderr).toMatch(/credits no source \(give its address with --url/);
  });

  it('follows an "Originally published at" line through a same-site redirect, and prints for people', async () => {
    const page = repostFile(
      'line.html',
      '',
      `<p>Originally published at <a href="${news.base}/moved">The Post</a>.</p>`,
    );
    const { status, stdout } = await run(['check', page, '--credited']);
    expect(status).toBe(0);
    expect(stdout).toContain('REPOST');
    expect(stdout).toContain(`#${CUT.missing[0]! + 1}`);
  });

  it("flags a whole copy padded with another writer's bio and a promotion, credited by a line", async () => {
    const path = join(tmp, 'padded.html');
    const padding =
      '<p>Mark Ellison is a staff writer at The Daily Aggregator, where he covers world affairs. He lives in Ohio with his wife and two dogs.</p>' +
      '<p>Subscribe to our newsletter to get the best stories of the week delivered to your inbox every Friday. Sign up now and never miss a story!</p>' +
      `<p>Originally published at <a href="${news.base}/signed">The Washington Post</a>.</p>`;
    writeFileSync(path, originalHtml(padding));
    const { status, stdout } = await run(['check', path, '--credited', '--url', REPOST_URL, '--json']);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expect(report.verdict).toBe('repost');
    expect(report.findings.map((f) => f.kind)).toEqual(['added-boilerplate']);
    const added = report.findings[0] as Extract<Finding, { kind: 'added-boilerplate' }>;
    expect(added.paragraphs.map((p) => p.category)).toEqual(['author-bio', 'promo', 'source-credit']);
    expect(report.originalSource).toMatchObject({ kind: 'credited', how: 'credit-line', url: `${news.base}/signed` });
  });

  const failures: [string, () => string[], RegExp][] = [
    ['the page credits nothing', () => [repostFile('none.html', ''), '--url', REPOST_URL], /credits no source$/],
    [
      'the credit is a 404',
      () => [repostFile('404.html', canonical(`${news.base}/gone`)), '--url', REPOST_URL],
      /answered 404 Not Found/,
    ],
    [
      'the credit is a 500',
      () => [repostFile('500.html', canonical(`${news.base}/broken`)), '--url', REPOST_URL],
      /answered 500 Internal Server Error/,
    ],
    [
      'the credit redirects to another site',
      () => [repostFile('off.html', canonical(`${news.base}/off-site`)), '--url', REPOST_URL],
      /redirects to another site \(127\.0\.0\.1:\d+\)/,
    ],
    [
      'the credit does not answer in time',
      () => [repostFile('slow.html', canonical(`${news.base}/slow`)), '--url', REPOST_URL, '--timeout', '500'],
      /did not answer within 0\.5 s/,
    ],
    [
      'the credited page is too large',
      () => [repostFile('huge.html', canonical(`${news.base}/huge`)), '--url', REPOST_URL],
      /larger than the 5\.0 MB read/,
    ],
    [
      'the credited page is not an article',
      () => [repostFile('front.html', canonical(`${news.base}/front`)), '--url', REPOST_URL],
      /cannot use the credited source \(canonical link\): http:\S+\/front is not an article \(\d+ words? of text\)/,
    ],
    [
      'the credit points back at the page',
      () => [
        repostFile('self.html', '', `<p>Originally published at <a href="${REPOST_URL}">us</a>.</p>`),
        '--url',
        REPOST_URL,
      ],
      /points back at the page itself/,
    ],
    [
      'the credit redirects back to the page',
      () => [
        repostFile('back.html', '', `<p>Source: <a href="${news.base}/back">The Post</a></p>`),
        '--url',
        REPOST_URL,
      ],
      /redirects to another site \(127\.0\.0\.1:9\)/,
    ],
    [
      'the credited page credits the page (a loop)',
      () => [repostFile('loop.html', canonical(`${news.base}/loop`)), '--url', REPOST_URL],
      /http:\S+\/loop credits the page in turn \(a loop\)/,
    ],
  ];
  for (const [name, args, message] of failures) {
    it(`exits 2 with one line when ${name}`, async () => {
      const { status, stdout, stderr } = await run(['check', ...args(), '--credited', '--json']);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(stderr.trimEnd()).toMatch(message);
    });
  }
});

describe('check --original', () => {
  it('compares with an original given as a .txt, .json or .html file', async () => {
    const txt = join(tmp, 'original.txt');
    writeFileSync(txt, `${ORIGINAL.title}\n\n${ORIGINAL.text}`);
    const json = join(tmp, 'original.json');
    writeFileSync(json, JSON.stringify(ORIGINAL, null, 2));
    const page = join(tmp, 'original.html');
    writeFileSync(page, originalHtml());
    for (const original of [txt, json, page]) {
      const { status, stdout } = await run(['check', repostFile('given.html', ''), '--original', original, '--json']);
      expect(status, original).toBe(0);
      const report = JSON.parse(stdout) as Report;
      expectCutRepost(report);
      expect(report.originalSource).toEqual({ kind: 'given' });
    }
  });

  it('compares with an original at an address, and with the repost as text', async () => {
    const { status, stdout } = await run([
      'check',
      join(ROOT, 'tests/fixtures/seeds', CUT.file),
      '--original',
      `${news.base}/original`,
      '--json',
    ]);
    expect(status).toBe(0);
    const report = JSON.parse(stdout) as Report;
    expectCutRepost(report);
    expect(report.originalSource).toMatchObject({ kind: 'given', url: `${news.base}/original` });
  });

  it("says when the page is not that original's copy, and exits 2 when the original cannot be had", async () => {
    const other = join(tmp, 'other.txt');
    writeFileSync(
      other,
      splitParagraphs(readFileSync(join(ROOT, 'tests/fixtures/seeds', SEED_EXPECTATIONS[4]!.file), 'utf8')).join(
        '\n\n',
      ),
    );
    const unrelated = await run(['check', repostFile('u.html', ''), '--original', other, '--json']);
    expect(unrelated.status).toBe(0);
    expect((JSON.parse(unrelated.stdout) as Report).verdict).toBe('unrelated');

    const missing = await run(['check', repostFile('m.html', ''), '--original', `${news.base}/gone`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trimEnd()).toMatch(/^repost-radar: cannot use the original at .*answered 404 Not Found/);
    const both = await run(['check', repostFile('b.html', ''), '--original', other, '--credited']);
    expect(both.status).toBe(2);
    const text = await run(['check', join(ROOT, 'tests/fixtures/seeds', CUT.file), '--credited']);
    expect(text.status).toBe(2);
    expect(text.stderr.trimEnd()).toBe('repost-radar: --credited needs the page as HTML: a text credits no source');
  });
});
