import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteUrl, parseFeed } from '../../src/ingest/feeds';
import { CorpusMerge, type MergeOutcome } from '../../src/ingest/merge';
import { NearCopyFinder } from '../../src/ingest/near-copy';
import { candidateFromArticle, idFromUrl, normalizeDate, type Candidate } from '../../src/ingest/originals';
import { articleFromHtml } from '../../src/extract/parse-html';
import { parseCorpusJsonl, type OriginalRecord } from '../../src/corpus/records';
import type { Report } from '../../src/report/report';
import { extractionPages, type ExtractionPage } from '../fixtures/extraction/pages';
import { syndicatedPage } from '../support/syndicated';
import { writeWarc } from '../support/warc';
import { ROOT, runCli as run } from '../support/cli';

// `corpus build|add` from real sources: the real saved pages of tests/fixtures/extraction
// and the seed pages, served on 127.0.0.1 behind an RSS feed, an Atom feed and a sitemap
// index with a Google News sitemap, beside pages that 404, fail with 500, time out, are
// not articles, or are not HTML. The command line runs as users run it (bin/).

const FIXTURES = join(ROOT, 'tests/fixtures/ingest');
const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-ingest-'));

const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
const readCorpus = (path: string): OriginalRecord[] => parseCorpusJsonl(readFileSync(path, 'utf8'));
const byUrl = (records: OriginalRecord[], url: string): OriginalRecord | undefined =>
  records.find((r) => r.url === url);

const pages = new Map<string, ExtractionPage>(extractionPages().map((p) => [p.id, p]));
const page = (id: string): ExtractionPage => pages.get(id)!;
const BILLBOARD = page('9cb8224b660f');
const ROLLING_STONE = page('ac1bfdd4c510');
const CLEVELAND = page('35b158918c67');
const MY6SENSE_HIRE = page('57e2e98887a1');
const MY6SENSE_RESEARCH = page('dfd43bc0d46e');
const CTPOST = page('05844573ca7e');
const WSJ_PAYWALLED = page('042bb7b5feda');
const seedPage = (n: string): string => readFileSync(join(ROOT, `tests/fixtures/pages/seed-${n}.html`), 'utf8');
const WAPO_URL = 'https://www.washingtonpost.com/opinions/2022/01/06/putin-cant-afford-crises-both-kazakhstan-ukraine/';

/** A real article's text republished on another site, in a plain template, with its own date and address. */
const syndicated = (source: ExtractionPage, site: string, date: string, canonical: string): string =>
  syndicatedPage(source, { site, date, canonical, after: '<p>This article originally appeared in Rolling Stone.</p>' });

// The updated version of the Connecticut Post's page: one sentence of its article changed, same canonical address.
const CTPOST_UPDATED = CTPOST.html.replaceAll(
  'Toyota is displaying a rechargeable hybrid version',
  'Toyota is displaying a rechargeable plug-in hybrid version',
);

let server: Server;
let base = '';
const hits = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = (status: number, type: string, body: string | Buffer): void => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    const html = (body: string): void => send(200, 'text/html; charset=utf-8', body);
    const xml = (file: string, type = 'application/xml'): void =>
      send(200, type, readFileSync(join(FIXTURES, file), 'utf8').replaceAll('{{base}}', base));
    const routes: Record<string, () => void> = {
      '/feed.rss': () => xml('feed.rss', 'application/rss+xml; charset=utf-8'),
      '/feed2.rss': () => xml('feed2.rss', 'application/rss+xml'),
      '/feed.atom': () => xml('feed.atom', 'application/atom+xml'),
      '/sitemap-index.xml': () => xml('sitemap-index.xml'),
      '/sitemaps/news.xml': () => xml('news-sitemap.xml', 'text/xml'),
      '/articles/billboard-doobie.html': () => html(BILLBOARD.html),
      '/articles/rollingstone-doobie.html': () => html(ROLLING_STONE.html),
      '/articles/cleveland-doobie.html': () => html(CLEVELAND.html),
      '/articles/wsj-stadia.html': () => html(WSJ_PAYWALLED.html),
      '/articles/broken.html': () => send(500, 'text/html', '<h1>Internal Server Error</h1>'),
      '/articles/slow.html': () => {
        // Answers long after the command's --timeout of 2 s.
        const timer = setTimeout(() => html(BILLBOARD.html), 8000);
        response.on('close', () => clearTimeout(timer));
      },
      '/images/photo.png': () => send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
      '/opinions/rogin-kazakhstan.html': () => html(seedPage('002')),
      '/world/kazakhstan-spiral.html': () => html(seedPage('003')),
      '/world/euroasian-dilemma.html': () => html(seedPage('004')),
      '/releases/my6sense-braiker.html': () => html(MY6SENSE_HIRE.html),
      '/releases/my6sense-research.html': () => html(MY6SENSE_RESEARCH.html),
      '/news/ctpost-suvs.html': () => html(CTPOST.html),
      '/news/ctpost-suvs-updated.html': () => html(CTPOST_UPDATED),
      '/syndicated/doobie-later.html': () =>
        html(
          syndicated(
            ROLLING_STONE,
            'Music Digest',
            '2019-11-20T09:00:00+00:00',
            `${base}/syndicated/doobie-later.html`,
          ),
        ),
      '/syndicated/doobie-earlier.html': () =>
        html(
          syndicated(
            ROLLING_STONE,
            'Wire Music Service',
            '2019-11-18T22:00:00+00:00',
            `${base}/syndicated/doobie-earlier.html`,
          ),
        ),
    };
    const route = routes[path];
    if (route) route();
    else send(404, 'text/html', '<h1>Not Found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('feeds and sitemaps, parsed', () => {
  const fixture = (file: string): string => readFileSync(join(FIXTURES, file), 'utf8').replaceAll('{{base}}', base);

  it('reads RSS items: link, title without markup, date, dc:creator; a guid that is not a permalink is no address', () => {
    const feed = parseFeed(fixture('feed.rss'), `${base}/feed.rss`);
    expect(feed.kind).toBe('feed');
    if (feed.kind !== 'feed') return;
    expect(feed.format).toBe('rss');
    expect(feed.entries).toHaveLength(9);
    expect(feed.entries[1]).toEqual({
      url: `${base}/articles/rollingstone-doobie.html`,
      title: 'The Doobie Brothers Unite With Michael McDonald',
      published: 'Tue, 19 Nov 2019 05:04:02 GMT',
      publisher: 'Music & Opinion Wire',
    });
    expect(feed.entries[3]?.author).toBe('Josh Rogin');
  });

  it('reads Atom entries: the alternate link resolved against the feed, published or else updated, authors', () => {
    const feed = parseFeed(fixture('feed.atom'), `${base}/feed.atom`);
    if (feed.kind !== 'feed') throw new Error(feed.kind);
    expect(feed.format).toBe('atom');
    expect(feed.entries.map((e) => e.url)).toEqual([
      `${base}/releases/my6sense-braiker.html`,
      `${base}/releases/my6sense-research.html`,
      `${base}/news/ctpost-suvs.html`,
    ]);
    expect(feed.entries[0]).toMatchObject({ published: '2018-07-02T07:42:00Z', author: 'Yoav Schumacher' });
    expect(feed.entries[1]?.published).toBe('2018-02-15T14:33:18Z');
  });

  it('reads a sitemap index, and a Google News sitemap with its publication, date and title', () => {
    const index = parseFeed(fixture('sitemap-index.xml'), `${base}/sitemap-index.xml`);
    expect(index).toEqual({
      kind: 'sitemap-index',
      sitemaps: [`${base}/sitemaps/news.xml`, `${base}/sitemaps/deleted.xml`],
    });
    const news = parseFeed(fixture('news-sitemap.xml'), `${base}/sitemaps/news.xml`);
    if (news.kind !== 'sitemap') throw new Error(news.kind);
    // <lastmod> is a modification time, not a publication date: the first entry has no date.
    expect(news.entries[0]).toEqual({ url: `${base}/world/kazakhstan-spiral.html` });
    expect(news.entries[1]).toEqual({
      url: `${base}/world/euroasian-dilemma.html`,
      title: 'Putin’s Euroasian Dilemma: Is Kazakhstan Russia’s Next Ukraine?',
      published: '2022-01-08T12:00:00+00:00',
      publisher: 'EU Reporter',
    });
  });

  it('says why a document is not a feed', () => {
    expect(parseFeed(fixture('not-a-feed.xml'), '').kind).toBe('not-a-feed');
    expect(parseFeed(seedPage('002'), '').kind).toBe('not-a-feed');
    expect(absoluteUrl('/a', '')).toBeNull();
    expect(absoluteUrl('javascript:alert(1)', 'https://example.com/')).toBeNull();
  });

  it('makes readable ids of addresses, and ISO dates of RSS dates', () => {
    expect(idFromUrl(ROLLING_STONE.url)).toBe(
      'rollingstone-com-music-music-news-doobie-brothers-michael-mcdonald-50th-anniversary-tour-914341',
    );
    expect(idFromUrl('https://www.example.com/article.php?id=123')).toBe('example-com-article-id-123');
    const long = idFromUrl(`https://news.example.org/${'section/'.repeat(20)}a-very-long-headline-slug-4711`)!;
    expect(long.length).toBeLessThanOrEqual(96);
    expect(long).toMatch(/^news-example-org-.*a-very-long-headline-slug-4711$/);
    expect(normalizeDate('Tue, 19 Nov 2019 05:04:02 GMT')).toBe('2019-11-19T05:04:02.000Z');
    expect(normalizeDate('2019-11-19T05:04:02+00:00')).toBe('2019-11-19T05:04:02+00:00');
  });
});

describe('repost-radar corpus add and build from real sources', () => {
  const corpusPath = join(tmp, 'originals.jsonl');
  const feeds = (): string[] => [`${base}/feed.rss`, `${base}/feed.atom`, `${base}/sitemap-index.xml`];

  it('adds the articles of an RSS feed, an Atom feed and a sitemap index, one stderr line per page that fails', async () => {
    const started = performance.now();
    const result = await run(['corpus', 'add', corpusPath, ...feeds(), '--timeout', '2']);
    const seconds = (performance.now() - started) / 1000;
    expect(result.status, result.stderr).toBe(0);
    const errors = lines(result.stderr);
    const skipped = errors.filter((line) => line.startsWith('skipped '));
    expect(skipped).toHaveLength(6);
    expect(skipped).toEqual(
      expect.arrayContaining([
        `skipped ${base}/articles/broken.html: HTTP 500 Internal Server Error`,
        `skipped ${base}/articles/missing.html: HTTP 404 Not Found`,
        `skipped ${base}/articles/slow.html: timed out after 2 s`,
        expect.stringMatching(
          new RegExp(`^skipped ${base}/articles/wsj-stadia\\.html: no article \\(\\d+ words of running text`),
        ),
        `skipped ${base}/images/photo.png: not an HTML page (image/png)`,
        `skipped ${base}/sitemaps/deleted.xml: HTTP 404 Not Found`,
      ]),
    );
    expect(errors.at(-1)).toBe('9 added, 0 replaced, 0 duplicates skipped, 0 expired, 6 failed');
    expect(errors).toHaveLength(7);

    const corpus = readCorpus(corpusPath);
    expect(corpus).toHaveLength(9);
    // Facts from the page's own JSON-LD / OpenGraph / meta tags, the address its canonical one.
    expect(byUrl(corpus, BILLBOARD.url)).toMatchObject({
      id: idFromUrl(BILLBOARD.url),
      author: 'Lars Brandle',
      publisher: 'Billboard',
      published: '2019-11-19T00:51:04-05:00',
    });
    expect(byUrl(corpus, BILLBOARD.url)?.title).toMatch(/^The Doobie Brothers Set 50th Anniversary/);
    expect(byUrl(corpus, ROLLING_STONE.url)).toMatchObject({ publisher: 'Rolling Stone', author: 'Ryan Reed' });
    expect(byUrl(corpus, MY6SENSE_RESEARCH.url)?.title).toBe(
      'Our BI Research Shows – A Mix of Native Ad Units Generate the Highest Engagement Metrics for Marketers and the Greatest Revenue for Publishers',
    );
    // The seed original's page has no date: the feed's pubDate and dc:creator fill the gap.
    expect(byUrl(corpus, WAPO_URL)).toMatchObject({
      author: 'Josh Rogin',
      publisher: 'Washington Post',
      published: '2022-01-06T17:34:00.000Z',
    });
    // The Google News sitemap gives the date and publisher of a page that has none.
    const eu = corpus.find((r) => r.title.startsWith('Putin’s Euroasian Dilemma'));
    expect(eu).toMatchObject({ published: '2022-01-08T12:00:00+00:00', publisher: 'EU Reporter' });
    // The extracted text is the article's: the page's own words, the marked text's opening.
    expect(byUrl(corpus, ROLLING_STONE.url)?.text).toContain(ROLLING_STONE.expected.split('\n')[0]!.slice(0, 80));
    // Three real articles on one band's tour, and two releases of one company, are different articles: all kept.
    for (const p of [BILLBOARD, ROLLING_STONE, CLEVELAND, MY6SENSE_HIRE, MY6SENSE_RESEARCH]) {
      expect(byUrl(corpus, p.url), p.id).toBeDefined();
    }
    // So are the two seed pages on the same events as the original (seeds 003 and 004).
    expect(corpus.filter((r) => /kazakhstan|euroasian/i.test(r.title))).toHaveLength(3);
    process.stdout.write(`ingest: 15 feed entries in ${seconds.toFixed(1)} s (2 s of it a timeout)\n`);
  }, 60_000);

  it('adds the same feeds again as nothing new, and leaves the file as it was', async () => {
    const before = readFileSync(corpusPath, 'utf8');
    const result = await run(['corpus', 'add', corpusPath, `${base}/feed.atom`]);
    expect(result.status, result.stderr).toBe(0);
    expect(lines(result.stderr)).toEqual(['0 added, 0 replaced, 3 duplicates skipped, 0 expired, 0 failed']);
    expect(readFileSync(corpusPath, 'utf8')).toBe(before);
  });

  it('replaces a page by its new version, skips a later syndicated copy, and lets an earlier copy replace the original', async () => {
    const before = readCorpus(corpusPath);
    const ctpostId = byUrl(before, CTPOST.url)!.id;
    const rollingStoneId = byUrl(before, ROLLING_STONE.url)!.id;
    const result = await run(['corpus', 'add', corpusPath, `${base}/feed2.rss`, '--verbose']);
    expect(result.status, result.stderr).toBe(0);
    const errors = lines(result.stderr);
    expect(errors.at(-1), result.stderr).toBe('0 added, 2 replaced, 2 duplicates skipped, 0 expired, 0 failed');
    expect(errors).toContainEqual(
      expect.stringMatching(
        new RegExp(`^duplicate ${base}/syndicated/doobie-later\\.html: a near-copy of ${rollingStoneId} `),
      ),
    );
    const after = readCorpus(corpusPath);
    expect(after).toHaveLength(before.length);
    // Same canonical address: the entry is the new version, under its old id.
    const ctpost = byUrl(after, CTPOST.url)!;
    expect(ctpost.id).toBe(ctpostId);
    expect(ctpost.text).toContain('rechargeable plug-in hybrid');
    expect(byUrl(before, CTPOST.url)!.text).not.toContain('plug-in hybrid');
    // The copy published a day before Rolling Stone's is now the original; the later copy was not added.
    expect(byUrl(after, ROLLING_STONE.url)).toBeUndefined();
    const earlier = byUrl(after, `${base}/syndicated/doobie-earlier.html`);
    expect(earlier).toMatchObject({ publisher: 'Wire Music Service', published: '2019-11-18T22:00:00+00:00' });
    expect(earlier?.id).toBe(idFromUrl(`${base}/syndicated/doobie-earlier.html`));
    expect(byUrl(after, `${base}/syndicated/doobie-later.html`)).toBeUndefined();
    // The other entries are untouched, in their places.
    expect(after.map((r) => r.id).filter((id) => id !== earlier?.id)).toEqual(
      before.map((r) => r.id).filter((id) => id !== rollingStoneId),
    );
  }, 60_000);

  it('expires originals older than --max-age, keeps undated ones and says so', async () => {
    const before = readCorpus(corpusPath);
    const result = await run(['corpus', 'add', corpusPath, '--max-age', '400', '--now', '2020-06-01T00:00:00Z']);
    expect(result.status, result.stderr).toBe(0);
    // The two my6sense releases are from 2018; the seed pages of 2022 are not old; one seed page has no date.
    expect(lines(result.stderr)).toEqual([
      '1 original has no published date: kept despite --max-age',
      '0 added, 0 replaced, 0 duplicates skipped, 2 expired, 0 failed',
    ]);
    const after = readCorpus(corpusPath);
    expect(after.map((r) => r.url)).toEqual(
      before.map((r) => r.url).filter((url) => url !== MY6SENSE_HIRE.url && url !== MY6SENSE_RESEARCH.url),
    );
    expect(after.find((r) => r.title === 'High stakes in Kazakhstan spiral')?.published).toBe('');
  });

  it('builds an index from the feeds that flags reposts of an ingested article', async () => {
    const index = join(tmp, 'feeds.rrx');
    const built = await run([
      'corpus',
      'build',
      `${base}/feed.rss`,
      `${base}/feed.atom`,
      '-o',
      index,
      '--timeout',
      '1',
    ]);
    expect(built.status, built.stderr).toBe(0);
    expect(lines(built.stderr).at(-2)).toBe('7 added, 0 replaced, 0 duplicates skipped, 0 expired, 5 failed');
    const info = JSON.parse((await run(['corpus', 'info', index, '--json'])).stdout) as {
      originals: number;
      publishers: Record<string, number>;
    };
    expect(info.originals).toBe(7);
    expect(info.publishers['Rolling Stone']).toBe(1);
    // Seed 001 cut the Washington Post column after its sixth paragraph; seed 000 machine-translated it.
    for (const seed of ['001', '000']) {
      const checked = await run([
        'check',
        join(ROOT, `tests/fixtures/pages/seed-${seed}.html`),
        '--corpus',
        index,
        '--json',
      ]);
      expect(checked.status, checked.stderr).toBe(0);
      const report = JSON.parse(checked.stdout) as Report;
      expect(report.verdict, seed).toBe('repost');
      expect(report.match).toMatchObject({
        url: WAPO_URL,
        author: 'Josh Rogin',
        published: '2022-01-06T17:34:00.000Z',
      });
    }
    // The same-topic seed page is not anything's repost.
    const unrelated = await run([
      'check',
      join(ROOT, 'tests/fixtures/pages/seed-004.html'),
      '--corpus',
      index,
      '--json',
    ]);
    expect((JSON.parse(unrelated.stdout) as Report).verdict).toBe('unrelated');
  }, 60_000);

  it('builds from a web archive, a broken record skipped with one line', async () => {
    const archive = join(tmp, 'crawl.warc.gz');
    const archived = [CTPOST, BILLBOARD, MY6SENSE_HIRE, WSJ_PAYWALLED];
    await writeWarc(
      archive,
      archived.map((p) => ({ url: p.url, html: p.html })),
    );
    // A last record cut off mid-way, as a crawl that died leaves it.
    const tail = gzipSync(`WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 90000\r\n\r\nHTTP/1.1 200 OK\r\n`);
    writeFileSync(archive, Buffer.concat([readFileSync(archive), tail.subarray(0, tail.length - 12)]));
    const index = join(tmp, 'crawl.rrx');
    const result = await run(['corpus', 'build', archive, '-o', index]);
    expect(result.status, result.stderr).toBe(0);
    const errors = lines(result.stderr);
    expect(errors.filter((line) => line.startsWith('skipped '))).toEqual([
      expect.stringMatching(/^skipped .*crawl\.warc\.gz#record-5: no article/),
      expect.stringMatching(/^skipped .*crawl\.warc\.gz: the rest of the archive is unreadable/),
    ]);
    expect(errors).toContain('3 added, 0 replaced, 0 duplicates skipped, 0 expired, 2 failed');
    const info = JSON.parse((await run(['corpus', 'info', index, '--json'])).stdout) as { originals: number };
    expect(info.originals).toBe(3);
  }, 60_000);

  it('reads a gzipped sitemap file whose addresses are on the web', async () => {
    const sitemap = join(tmp, 'news-sitemap.xml.gz');
    writeFileSync(
      sitemap,
      gzipSync(readFileSync(join(FIXTURES, 'news-sitemap.xml'), 'utf8').replaceAll('{{base}}', base)),
    );
    const index = join(tmp, 'sitemap.rrx');
    const result = await run(['corpus', 'build', sitemap, '-o', index]);
    expect(result.status, result.stderr).toBe(0);
    expect(lines(result.stderr)[0]).toBe('2 added, 0 replaced, 0 duplicates skipped, 0 expired, 0 failed');
    const info = JSON.parse((await run(['corpus', 'info', index, '--json'])).stdout) as {
      publishers: Record<string, number>;
    };
    expect(info.publishers).toEqual({ 'EU Reporter': 1, 'The Australian': 1 });
  }, 60_000);

  it('takes a first JSON Lines source as it stands and merges the rest into it', async () => {
    const index = join(tmp, 'merged.rrx');
    const seedOriginal = join(ROOT, 'tests/fixtures/seeds/original.jsonl');
    const pageDir = mkdtempSync(join(tmp, 'pages-'));
    writeFileSync(join(pageDir, 'rogin.html'), seedPage('002'));
    writeFileSync(join(pageDir, 'australian.html'), seedPage('003'));
    const result = await run(['corpus', 'build', seedOriginal, pageDir, '-o', index, '--verbose']);
    expect(result.status, result.stderr).toBe(0);
    // The saved page of the column has the same canonical address as the JSON Lines original: it replaces it, keeping its id.
    expect(lines(result.stderr)).toContain('1 added, 1 replaced, 0 duplicates skipped, 0 expired, 0 failed');
    expect(result.stderr).toContain('replaced wapo-2022-01-06-rogin-putin-kazakhstan-ukraine with a new version');
  }, 60_000);

  const badInputs: [string, () => string[], RegExp][] = [
    [
      'a missing file',
      () => ['corpus', 'add', corpusPath, join(tmp, 'nope.xml')],
      /cannot read .*nope\.xml: no such file/,
    ],
    [
      'an XML file that is not a feed',
      () => ['corpus', 'add', corpusPath, join(FIXTURES, 'not-a-feed.xml')],
      /not-a-feed\.xml is not an RSS or Atom feed or an XML sitemap/,
    ],
    [
      'a feed address that 404s',
      () => ['corpus', 'add', corpusPath, `${base}/gone.rss`],
      /cannot read .*gone\.rss: HTTP 404/,
    ],
    [
      'an address that is not a feed or a page',
      () => ['corpus', 'build', `${base}/images/photo.png`, '-o', join(tmp, 'x.rrx')],
      /photo\.png is not a feed, a sitemap or a web page \(image\/png\)/,
    ],
  ];
  for (const [what, args, message] of badInputs) {
    it(`refuses ${what} with one line, exit 2, the corpus unchanged`, async () => {
      const before = readFileSync(corpusPath, 'utf8');
      const result = await run(args());
      expect(result.status).toBe(2);
      expect(lines(result.stderr)).toHaveLength(1);
      expect(result.stderr).toMatch(message);
      expect(readFileSync(corpusPath, 'utf8')).toBe(before);
    });
  }

  it('refuses a corrupt corpus file with its line, and writes nothing', async () => {
    const corrupt = join(tmp, 'corrupt.jsonl');
    const text = `${readFileSync(corpusPath, 'utf8')}{"id": "half a line", "text": \n`;
    writeFileSync(corrupt, text);
    const fetched = hits.get('/feed.atom');
    const result = await run(['corpus', 'add', corrupt, `${base}/feed.atom`]);
    expect(result.status).toBe(2);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/bad corpus: .*corrupt\.jsonl: line \d+: not valid JSON/),
    ]);
    expect(readFileSync(corrupt, 'utf8')).toBe(text);
    expect(hits.get('/feed.atom')).toBe(fetched); // refused before anything was fetched
  });
});

describe('near-copies among real pages (the merge, in process)', () => {
  it('keeps 187 different real articles apart, and folds in their copies published elsewhere', () => {
    const merge = new CorpusMerge(new NearCopyFinder());
    const originals: { page: ExtractionPage; candidate: Candidate }[] = [];
    for (const p of pages.values()) {
      const outcome = candidateFromArticle(articleFromHtml(p.html, p.url), { source: p.url, fetchedFrom: p.url });
      if (outcome.kind === 'article') originals.push({ page: p, candidate: outcome.candidate });
    }
    const first = originals.map(({ candidate }) => merge.offer(candidate).kind);
    // Same-story pages (one band's tour on three sites, two releases of one company) are not copies.
    expect(first.filter((kind) => kind !== 'added')).toEqual([]);
    expect(first.length).toBeGreaterThanOrEqual(185);

    // Each article again, as a site republishing it would carry it: the text people marked on the
    // page (no captions, no credits) at another address, a day later; then one a day earlier.
    const copy = (page: ExtractionPage, at: string, published: string): Candidate => ({
      source: at,
      record: {
        id: 'pending',
        title: '',
        author: '',
        publisher: 'Mirror',
        url: at,
        published,
        license: '',
        text: page.expected,
      },
      keepId: false,
      idBase: idFromUrl(at)!,
    });
    const later: MergeOutcome[] = [];
    const earlier: MergeOutcome[] = [];
    for (const { page, candidate } of originals) {
      const date = Date.parse(candidate.record.published.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      if (Number.isNaN(date)) continue;
      later.push(
        merge.offer(copy(page, `https://mirror.example/later/${page.id}`, new Date(date + 86_400_000).toISOString())),
      );
      earlier.push(
        merge.offer(copy(page, `https://mirror.example/earlier/${page.id}`, new Date(date - 86_400_000).toISOString())),
      );
    }
    const share = (outcomes: MergeOutcome[], kind: MergeOutcome['kind']): number =>
      outcomes.filter((o) => o.kind === kind).length / outcomes.length;
    process.stdout.write(
      `near-copies: ${later.length} dated real articles; later copies skipped ${(share(later, 'duplicate') * 100).toFixed(0)}%, earlier copies replacing ${(share(earlier, 'replaced') * 100).toFixed(0)}%\n`,
    );
    expect(later.length).toBeGreaterThanOrEqual(130);
    expect(share(later, 'duplicate')).toBeGreaterThanOrEqual(0.9);
    expect(share(earlier, 'replaced')).toBeGreaterThanOrEqual(0.9);
    // Each earlier copy took one entry's place: the corpus grew only by the later copies not recognised.
    expect(merge.entries()).toHaveLength(originals.length + later.filter((o) => o.kind === 'added').length);
    expect(merge.entries().filter((e) => e.record.url.startsWith('https://mirror.example/earlier/'))).toHaveLength(
      earlier.length,
    );
  }, 300_000);
});
