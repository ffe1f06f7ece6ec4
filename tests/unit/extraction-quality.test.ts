// Extraction on real saved pages (tests/fixtures/extraction, provenance in SOURCES.md):
// word F1 against the article text people marked, ours against Readability's own.
import { beforeAll, describe, expect, it } from 'vitest';
import { articleFromHtml } from '../../src/extract/parse-html';
import { wordF1 } from '../../src/extract/word-f1';
import { type ExtractionPage, extractionPages, readabilityText } from '../fixtures/extraction/pages';

interface Scored {
  readonly page: ExtractionPage;
  readonly ours: number;
  readonly readability: number;
}

const pages = extractionPages();
/** Pages whose expected text people marked; the comparison with Readability is on these. */
const HUMAN = 'scrapinghub/article-extraction-benchmark';
let scored: Scored[] = [];
beforeAll(() => {
  scored = pages.map((page) => ({
    page,
    ours: wordF1(articleFromHtml(page.html, page.url).paragraphs.join('\n'), page.expected).f1,
    readability: wordF1(readabilityText(page.html), page.expected).f1,
  }));
}, 600_000);

const mean = (values: number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const byId = (id: string): ExtractionPage => pages.find((page) => page.id === id)!;

describe('word F1', () => {
  it('counts each word as often as it occurs, after normalising', () => {
    expect(wordF1('The cat, the CAT.', 'the cat').f1).toBeCloseTo(2 / 3);
    expect(wordF1('“Don’t” — U.S.', '"don\'t" - US').f1).toBe(1);
    expect(wordF1('', 'text').f1).toBe(0);
  });
});

describe('extraction on real saved pages', () => {
  it('has at least 100 pages from varied systems, each with expected text', () => {
    expect(pages.filter((page) => page.dataset === HUMAN).length).toBeGreaterThanOrEqual(100);
    const systems = new Set(pages.map((page) => page.system));
    for (const system of ['WordPress', 'Drupal', 'Blogger', 'Medium', 'Tumblr', 'news/other']) {
      expect(systems).toContain(system);
    }
    for (const page of pages) expect(page.expected.trim().length).toBeGreaterThan(0);
  });

  it("scores a mean word F1 at least Readability's own (on text people marked)", () => {
    const human = scored.filter((s) => s.page.dataset === HUMAN);
    const ours = mean(human.map((s) => s.ours));
    const readability = mean(human.map((s) => s.readability));
    expect(ours).toBeGreaterThanOrEqual(readability);
    expect(ours).toBeGreaterThan(0.95);
  });

  it('loses most of the article on no page where Readability finds it', () => {
    const lost = scored.filter((s) => s.readability >= 0.8 && s.ours < 0.5).map((s) => s.page.id);
    expect(lost).toEqual([]);
  });

  it('keeps articles whose containers carry chrome-like names (tag-…, share ids)', () => {
    // WordPress <article class="post … tag-jobs">-style classes once dropped these whole.
    for (const id of ['06e5123e4ef7', '20b2b64916b0', '612cd2982662', 'e7d77f186980', '30b771a40a4e']) {
      const s = scored.find((row) => row.page.id === id)!;
      expect(s.ours, id).toBeGreaterThan(0.8);
    }
  });
});

describe('metadata from JSON-LD and OpenGraph on real pages', () => {
  const meta = (id: string) => articleFromHtml(byId(id).html, byId(id).url).metadata!;

  it('reads a NewsArticle (TechCrunch, WordPress)', () => {
    expect(meta('1ace8c85aaee')).toMatchObject({
      title: 'New York State Attorney General reportedly investigating WeWork',
      authors: ['Catherine Shu'],
      datePublished: '2019-11-19T04:58:46Z',
      publisher: 'TechCrunch',
      canonicalUrl:
        'https://techcrunch.com/2019/11/18/new-york-state-attorney-general-reportedly-investigating-wework/',
    });
  });

  it('reads a Drupal page (The Hill)', () => {
    expect(meta('156770d676ce')).toMatchObject({
      authors: ['Tess Bonn'],
      datePublished: '2019-11-19T06:56:43-05:00',
      publisher: 'The Hill',
    });
  });

  it('follows @graph references to the author (Yoast on WordPress)', () => {
    const cityam = meta('360c732d1fdb');
    expect(cityam.authors).toEqual(['Anna Menin']);
    expect(cityam.datePublished).toBe('2019-11-20T09:22:35+00:00');
    expect(cityam.sources).toContain('json-ld');
    expect(meta('d1c57d7821e5')).toMatchObject({ authors: ['Jeff Foust'], publisher: 'SpaceNews' });
  });

  it('falls back to OpenGraph and meta tags (NYT byline, Guardian)', () => {
    expect(meta('04a6711caa7c')).toMatchObject({
      title: 'Opinion | Republicans Are Following Trump to Nowhere',
      authors: ['Jamelle Bouie'],
      canonicalUrl: 'https://www.nytimes.com/2019/11/19/opinion/republicans-elections-impeachment.html',
    });
    expect(meta('04a6711caa7c').sources).not.toContain('json-ld'); // its JSON-LD is an empty list
    expect(meta('5fa3154ec031')).toMatchObject({
      publisher: 'the Guardian',
      datePublished: '2019-11-18T18:54:53.000Z',
    });
  });
});
