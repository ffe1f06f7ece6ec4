// "Compare with the credited source" and "Compare with another article…" in the background
// (src/browser/credited-background.ts): WXT's fake browser, the real fetch against two
// sites on 127.0.0.1 (tests/support/credited.ts), and the rules of src/browser/credited.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { analyzeArticle } from '../../src/report/analyze';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  autoCompareCredited,
  compareOnce,
  compareTab,
  expectGrant,
  onOriginsGranted,
  PENDING_MS,
  type CompareDeps,
} from '../../src/browser/credited-background';
import { readPage } from '../../src/browser/credited-page';
import {
  creditToOffer,
  keptOutside,
  originPattern,
  siteHost,
  targetFromInput,
  type CompareTarget,
} from '../../src/browser/credited';
import type { TabReport } from '../../src/browser/protocol';
import type { Report } from '../../src/report/report';
import { asOriginal, brownHalves } from '../support/brown';
import { BIO, CUT, ORIGINAL, PROMO, REPOSTS, serveCreditedSites, type CreditedSites } from '../support/credited';

vi.mock('wxt/browser', async () => ({ browser: (await import('wxt/testing/fake-browser')).fakeBrowser }));
// The automatic-check setting (storage.local): the sites the reader named.
const settings = vi.hoisted(() => ({ sites: [] as string[] }));
vi.mock('../../src/browser/credited-settings', () => ({ loadAutoCreditedSites: async () => settings.sites }));

let sites: CreditedSites;
beforeAll(async () => {
  sites = await serveCreditedSites();
});
afterAll(async () => {
  await sites?.close();
});

/** A tab showing one of the repost site's pages, checked as the background checks it (no corpus match). */
function tabWith(path: string): { deps: CompareDeps & { published: TabReport[] }; report: TabReport } {
  const url = `${sites.repost.origin}${path}`;
  const html = (sites.repost.routes.get(path) as { body: string }).body;
  const page = readPage(html, url);
  const other = buildCorpusIndex([asOriginal(brownHalves().second[300]!)]);
  const { article, ...analysis } = analyzeArticle(page.article, other);
  const report: TabReport = {
    status: 'checked',
    url,
    checkedAt: 1,
    analysis: { ...analysis, article },
    ...(page.credits.length ? { credits: page.credits.slice(0, 3) } : {}),
    ...(page.creditsSelf ? { creditsSelf: true as const } : {}),
  };
  const tabs = new Map<number, TabReport>([[1, report]]);
  const published: TabReport[] = [];
  return {
    report,
    deps: {
      published,
      timeoutMs: 1_000,
      getTabReport: async (tabId) => tabs.get(tabId) ?? null,
      publish: async (tabId, next) => {
        published.push(next);
        tabs.set(tabId, next);
      },
    },
  };
}

const credited = (report: TabReport): CompareTarget => {
  if (report.status !== 'checked' || !report.credits?.[0]) throw new Error('no credit');
  return { kind: 'credited', url: report.credits[0].url };
};

const missingIndexes = (report: Extract<TabReport, { status: 'checked' }>): number[] =>
  report.analysis.report.findings.flatMap((f) =>
    f.kind === 'missing-paragraphs' ? f.paragraphs.map((p) => p.index) : [],
  );

const checked = (report: TabReport | undefined): Extract<TabReport, { status: 'checked' }> => {
  if (report?.status !== 'checked') throw new Error(`expected a checked report, got ${report?.status}`);
  return report;
};

describe('comparing with the credited source', () => {
  it.each([
    ['a canonical link', REPOSTS.canonical, 'canonical'],
    ['an "originally published at" line', REPOSTS.creditLine, 'credit-line'],
  ])('via %s: a repost with exactly the missing paragraphs, in full', async (_what, path, how) => {
    const { deps, report } = tabWith(path);
    expect(checked(report).analysis.report.verdict).toBe('unrelated');
    expect(checked(report).credits?.[0]).toEqual({
      url: `${sites.original.origin}/story.html`,
      host: new URL(sites.original.origin).host,
      how,
    });
    expect(await compareTab(1, credited(report), deps)).toEqual({ ok: true });
    const stored = checked(deps.published[0]);
    const { verdict, match, findings } = stored.analysis.report;
    expect(verdict).toBe('repost');
    expect(match?.url).toBe(`${sites.original.origin}/story.html`);
    const missing = findings.find((f) => f.kind === 'missing-paragraphs');
    if (missing?.kind !== 'missing-paragraphs') throw new Error('no missing paragraphs');
    expect(missing.paragraphs.map((p) => p.index)).toEqual([...CUT]);
    // Whole paragraphs, not opening sentences: the original was fetched in full.
    expect(missing.paragraphs.map((p) => p.text)).toEqual(CUT.map((i) => ORIGINAL.paragraphs[i]));
    expect(stored.analysis.report.originalSource).toEqual({
      kind: 'credited',
      url: `${sites.original.origin}/story.html`,
      fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      how,
    });
    expect(stored.compared?.record.text).toBe(ORIGINAL.paragraphs.join('\n\n'));
    expect(stored.credits).toEqual(checked(report).credits);
  });

  it('calls a padded copy a repost with the bio and the promotion added', async () => {
    const { deps, report } = tabWith(REPOSTS.padded);
    expect(await compareTab(1, credited(report), deps)).toEqual({ ok: true });
    const { verdict, findings } = checked(deps.published[0]).analysis.report;
    expect(verdict).toBe('repost');
    expect(findings.map((f) => f.kind)).toEqual(['added-boilerplate']);
    const added = findings[0]!.kind === 'added-boilerplate' ? findings[0]!.paragraphs.map((p) => p.text) : [];
    expect(added).toEqual([BIO, PROMO]);
  });

  it.each([
    [REPOSTS.notFound, 'http-error', /404/],
    [REPOSTS.serverError, 'http-error', /500/],
    [REPOSTS.offSite, 'redirect-off-site', /redirects to another site \(127\.0\.0\.1:\d+\)/],
    [REPOSTS.notArticle, 'not-an-article', /does not hold an article/],
    [REPOSTS.tooLarge, 'too-large', /huge\.html is larger than the/],
    [REPOSTS.slow, 'timeout', /did not answer within/],
    [REPOSTS.loop, 'loop', /credits this page in turn/],
  ])('%s: fails with %s and leaves the report as it was', async (path, reason, message) => {
    const { deps, report } = tabWith(path);
    const reply = await compareTab(1, credited(report), deps);
    expect(reply).toMatchObject({ ok: false, reason });
    if (!reply.ok) expect(reply.message).toMatch(message);
    expect(deps.published).toEqual([]);
    expect(await deps.getTabReport(1)).toBe(report);
  });

  it('offers nothing on a page that credits nothing, and says when the credit is the page itself', async () => {
    expect(checked(tabWith(REPOSTS.noCredit).report).credits).toBeUndefined();
    expect(checked(tabWith(REPOSTS.noCredit).report).creditsSelf).toBeUndefined();
    const self = checked(tabWith(REPOSTS.selfCredit).report);
    expect(self.credits).toBeUndefined();
    expect(self.creditsSelf).toBe(true);
  });

  it('fetches nothing for an address that is the page itself, or a credit the page does not make', async () => {
    const before = sites.repost.requests.length + sites.original.requests.length;
    const { deps, report } = tabWith(REPOSTS.canonical);
    expect(await compareTab(1, { kind: 'address', url: `${report.url}#top` }, deps)).toMatchObject({
      ok: false,
      reason: 'same-page',
    });
    expect(await compareTab(1, { kind: 'credited', url: `${sites.original.origin}/other.html` }, deps)).toMatchObject({
      ok: false,
      reason: 'not-credited',
    });
    expect(sites.repost.requests.length + sites.original.requests.length).toBe(before);
    expect(deps.published).toEqual([]);
  });
});

describe('comparing with another article', () => {
  it('takes an address: the same report, the source "given"', async () => {
    const { deps } = tabWith(REPOSTS.noCredit);
    expect(await compareTab(1, { kind: 'address', url: `${sites.original.origin}/story.html` }, deps)).toEqual({
      ok: true,
    });
    const stored = checked(deps.published[0]);
    expect(stored.analysis.report.verdict).toBe('repost');
    expect(stored.analysis.report.originalSource).toMatchObject({
      kind: 'given',
      url: `${sites.original.origin}/story.html`,
    });
  });

  it('takes pasted text, paragraphs on blank lines, without any request', async () => {
    const before = sites.repost.requests.length + sites.original.requests.length;
    const { deps } = tabWith(REPOSTS.noCredit);
    const text = ORIGINAL.paragraphs.join('\n\n');
    expect(await compareTab(1, { kind: 'text', text }, deps)).toEqual({ ok: true });
    const stored = checked(deps.published[0]);
    const missing = stored.analysis.report.findings.find((f) => f.kind === 'missing-paragraphs');
    expect(missing?.kind === 'missing-paragraphs' && missing.paragraphs.map((p) => p.index)).toEqual([...CUT]);
    expect(stored.analysis.report.originalSource).toEqual({ kind: 'given' });
    expect(sites.repost.requests.length + sites.original.requests.length).toBe(before);
  });

  it('refuses text that does not carry the page, and keeps the report', async () => {
    const { deps, report } = tabWith(REPOSTS.noCredit);
    const other = brownHalves().second[301]!.paragraphs.join('\n\n');
    expect(await compareTab(1, { kind: 'text', text: other }, deps)).toMatchObject({
      ok: false,
      reason: 'no-common-text',
    });
    expect(await deps.getTabReport(1)).toBe(report);
  });

  it('drops the answer when the tab moved on to another page meanwhile', async () => {
    const { deps, report } = tabWith(REPOSTS.canonical);
    const moving: CompareDeps = {
      ...deps,
      getTabReport: vi
        .fn()
        .mockResolvedValueOnce(report)
        .mockResolvedValue({ ...report, url: `${sites.repost.origin}/next.html` }),
    };
    expect(await compareTab(1, credited(report), moving)).toMatchObject({ ok: false, reason: 'no-page' });
    expect(deps.published).toEqual([]);
  });
});

describe('checking credited sources automatically', () => {
  const run = async (sites: string[], granted: boolean) => {
    settings.sites = sites;
    const asked: unknown[] = [];
    Object.assign(fakeBrowser.permissions, {
      contains: async (details: unknown) => (asked.push(details), granted),
    });
    const before = sitesServed();
    const { deps, report } = tabWith(REPOSTS.canonical);
    const page = checked(report);
    await autoCompareCredited(1, page, page.credits![0]!, deps);
    return { asked, published: deps.published, fetched: sitesServed() - before };
  };
  const sitesServed = (): number => sites.original.requests.length;

  it('is off by default: nothing asked, nothing fetched', async () => {
    expect(await run([], true)).toEqual({ asked: [], published: [], fetched: 0 });
  });

  it('on a named site, fetches only a source whose site the reader already allowed', async () => {
    const refused = await run(['127.0.0.1'], false);
    expect(refused).toEqual({ asked: [{ origins: ['http://localhost/*'] }], published: [], fetched: 0 });
    const allowed = await run(['127.0.0.1'], true);
    expect(allowed.fetched).toBe(1);
    expect(missingIndexes(checked(allowed.published[0]))).toEqual([...CUT]);
    expect(checked(allowed.published[0]).analysis.report.originalSource?.kind).toBe('credited');
  });

  it('leaves pages on other sites alone', async () => {
    expect(await run(['news.example'], true)).toEqual({ asked: [], published: [], fetched: 0 });
  });
});

describe('a comparison waiting for a permission prompt', () => {
  const story = (): string => `${sites.original.origin}/story.html`;
  const fetchedStories = (): number => sites.original.requests.filter((p) => p === '/story.html').length;

  it('runs when the site is granted, though the popup that asked has closed', async () => {
    const { deps } = tabWith(REPOSTS.noCredit);
    const before = fetchedStories();
    expectGrant(1, { kind: 'address', url: story() });
    await onOriginsGranted(['https://elsewhere.example/*'], deps);
    expect(fetchedStories()).toBe(before);
    await onOriginsGranted(['http://localhost/*'], deps);
    expect(fetchedStories()).toBe(before + 1);
    expect(missingIndexes(checked(deps.published[0]))).toEqual([...CUT]);
    // Taken once: a second grant event runs nothing.
    await onOriginsGranted(['http://localhost/*'], deps);
    expect(fetchedStories()).toBe(before + 1);
  });

  it('runs once when the popup is still there to ask too', async () => {
    const { deps } = tabWith(REPOSTS.noCredit);
    const before = fetchedStories();
    expectGrant(1, { kind: 'address', url: story() });
    const [fromGrant, fromPopup] = await Promise.all([
      onOriginsGranted(['http://localhost/*'], deps),
      compareOnce(1, { kind: 'address', url: story() }, deps),
    ]);
    expect(fromGrant).toBeUndefined();
    expect(fromPopup).toEqual({ ok: true });
    expect(fetchedStories()).toBe(before + 1);
    expect(deps.published).toHaveLength(1);
  });

  it('is dropped when the prompt went unanswered for long, or the popup compared already', async () => {
    const { deps } = tabWith(REPOSTS.noCredit);
    const before = fetchedStories();
    expectGrant(1, { kind: 'address', url: story() }, 0);
    await onOriginsGranted(['http://localhost/*'], deps, PENDING_MS);
    expectGrant(1, { kind: 'text', text: ORIGINAL.paragraphs.join('\n\n') });
    await onOriginsGranted(['http://localhost/*'], deps);
    expect(fetchedStories()).toBe(before);
    expect(deps.published).toEqual([]);
  });
});

describe('the rules', () => {
  const report = (verdict: Report['verdict'], matchUrl?: string): Report => ({
    verdict,
    match: matchUrl
      ? { id: 'x', title: '', author: '', publisher: '', url: matchUrl, published: '', similarity: 1, coverage: 1 }
      : null,
    findings: [],
    message: '',
    said: { key: 'report_unrelated' },
  });
  const credit = { url: 'https://origin.example/story', host: 'origin.example', how: 'canonical' as const };

  it('offer the credited source when the corpus found nothing, or an original elsewhere', () => {
    expect(creditToOffer(report('unrelated'), [credit], undefined)).toBe(credit);
    expect(creditToOffer(report('repost', 'https://other.example/a'), [credit], undefined)).toBe(credit);
    expect(creditToOffer(report('repost', 'https://www.origin.example/story'), [credit], undefined)).toBeNull();
    expect(creditToOffer(report('unrelated'), [], undefined)).toBeNull();
    expect(creditToOffer(report('unrelated'), undefined, undefined)).toBeNull();
    expect(creditToOffer(report('not-an-article'), [credit], undefined)).toBeNull();
    const compared = { record: asOriginal(ORIGINAL) };
    expect(creditToOffer(report('repost', 'https://origin.example/story'), [credit], compared)).toBeNull();
  });

  it('read an address or text from the "another article" box', () => {
    expect(targetFromInput('  https://a.example/story?id=1 ')).toEqual({
      kind: 'address',
      url: 'https://a.example/story?id=1',
    });
    expect(targetFromInput('First paragraph.\n\nSecond.')).toEqual({
      kind: 'text',
      text: 'First paragraph.\n\nSecond.',
    });
    expect(targetFromInput('see https://a.example/ for more')).toMatchObject({ kind: 'text' });
    expect(targetFromInput('   ')).toBeNull();
  });

  it("ask for the source's host only, any port", () => {
    expect(originPattern('http://127.0.0.1:8123/story.html')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://news.example/a?b')).toBe('https://news.example/*');
    expect(originPattern('file:///etc/passwd')).toBeNull();
  });

  it('read a site the reader names for automatic checks', () => {
    expect(siteHost('www.News.example')).toBe('news.example');
    expect(siteHost('https://news.example/world/')).toBe('news.example');
    expect(siteHost('127.0.0.1')).toBe('127.0.0.1');
    expect(siteHost('not a site')).toBeNull();
    expect(siteHost('ftp://files.example')).toBeNull();
  });

  it('keep the text outside the article only when it is small', () => {
    expect(keptOutside(['a', 'b'])).toEqual({ outside: ['a', 'b'] });
    expect(keptOutside(['x'.repeat(30_000)])).toEqual({});
    expect(keptOutside(undefined)).toEqual({});
  });
});
