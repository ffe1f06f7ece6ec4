import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { deserializeIndex } from '../../src/corpus/index-file';
import type { Article } from '../../src/extract/article';
import { extractArticle } from '../../src/extract/extract';
import { articleFromHtml } from '../../src/extract/parse-html';
import { analyzeArticle } from '../../src/check/analyze';
import { brownTexts } from '../support/brown';
import { expectSeedReport } from '../support/expect-report';
import { SEED_EXPECTATIONS, seedPage, seedText } from '../support/seeds';

const index = deserializeIndex(readFileSync(new URL('../../public/corpus.rrx', import.meta.url)));
const [s000, s001, s002, s003, s004] = SEED_EXPECTATIONS.map((e) => articleFromHtml(seedPage(e)));

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const articlePage = (paragraphs: string[], extra = ''): string =>
  `<!doctype html><html><head><title>T</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Headline</h1>${paragraphs
    .map((p) => `<p>${escape(p)}</p>`)
    .join('')}</article>${extra}</body></html>`;

describe('extraction', () => {
  it('keeps the article and leaves the site chrome out (seed pages)', () => {
    const chrome =
      /Follow Josh|Global Opinions:|Max Boot:|Democracy Dies|Share on Facebook|No comments|Post a Comment|Leave a Comment|Related posts|Trending|All rights reserved/;
    for (const article of [s000, s001, s002, s003, s004]) {
      expect(article!.paragraphs.filter((p) => chrome.test(p))).toEqual([]);
    }
    expect(s002!.paragraphs).toHaveLength(12);
    expect(s002!.url).toBe(
      'https://www.washingtonpost.com/opinions/2022/01/06/putin-cant-afford-crises-both-kazakhstan-ukraine/',
    );
    expect(s000!.paragraphs.at(-1)).toMatch(/^Donald-43Westbrook/);
  });

  it('leaves out a comment section with long comments', () => {
    const body = brownTexts()[3]!.paragraphs.slice(0, 8);
    const comments = `<section id="comments" class="comments"><h2>12 Comments</h2>${[1, 2, 3]
      .map(
        (i) =>
          `<div class="comment"><p>Commenter ${i} says: I have read this twice and I still think the author misses the point about the budget entirely, as usual for this paper.</p></div>`,
      )
      .join('')}</section>`;
    const article = articleFromHtml(articlePage(body, comments));
    expect(article.paragraphs.join(' ')).not.toContain('Commenter');
    expect(article.paragraphs.length).toBeGreaterThanOrEqual(8);
  });

  it('survives malformed HTML and keeps its text as text', () => {
    const broken =
      '<html><body><div><p>Unclosed <b>bold <i>and</p> italic <p>&lt;script&gt;alert(1)&lt;/script&gt; is text here.<div></span></table>';
    const article = articleFromHtml(broken);
    expect(article.paragraphs.join(' ')).toContain('<script>alert(1)</script> is text here.');
    expect(analyzeArticle(article, index).report.verdict).toBe('not-an-article');
  });

  it('says not-an-article for an empty page and for a menu page', () => {
    expect(analyzeArticle(articleFromHtml(''), index).report.verdict).toBe('not-an-article');
    const menu = `<html><body><ul>${Array.from({ length: 80 }, (_, i) => `<li><a href="/${i}">Section ${i}</a></li>`).join('')}</ul></body></html>`;
    expect(analyzeArticle(articleFromHtml(menu), index).report.verdict).toBe('not-an-article');
  });

  it('reads articles in other languages and scripts without matching them', () => {
    const russian = Array.from(
      { length: 6 },
      () =>
        'Несмотря на то что правительство Казахстана отключило в стране интернет, продолжают поступать шокирующие новости о жестоких протестах.',
    );
    const chinese = Array.from(
      { length: 6 },
      () =>
        '尽管哈萨克斯坦政府关闭了该国的互联网，但关于暴力抗议的令人震惊的消息仍不断传出，这些抗议在全国范围内引发了警方的严厉报复。',
    );
    for (const paragraphs of [russian, chinese]) {
      const article = articleFromHtml(articlePage(paragraphs));
      expect(article.paragraphs.length).toBeGreaterThanOrEqual(6);
      expect(analyzeArticle(article, index).report.verdict).toBe('unrelated');
    }
  });

  it('handles a huge page (20,000 words)', () => {
    const paragraphs = brownTexts()
      .slice(0, 10)
      .flatMap((t) => t.paragraphs);
    const article = articleFromHtml(articlePage(paragraphs));
    expect(article.paragraphs.filter((p) => p !== 'Headline')).toEqual(paragraphs);
    expect(analyzeArticle(article, index).report.verdict).toBe('unrelated');
  });
});

describe('before calling a paragraph missing', () => {
  // The first record is the seeds' original; the corpus may hold more lines after it.
  const firstLine = readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8').split('\n')[0]!;
  const original = JSON.parse(firstLine) as { text: string };
  const paragraphs = original.text.split('\n\n');

  it('extraction keeps the text of the blocks it left out', () => {
    const article = articleFromHtml(
      articlePage(paragraphs.slice(0, 4), '<aside class="related"><p>Also on the page.</p></aside>'),
    );
    expect(article.outside).toEqual(expect.arrayContaining(['Home', 'Also on the page.']));
    expect(article.outside).not.toContain(paragraphs[0]);
  });

  it('looks for it in those blocks: a paragraph on the page is not missing', () => {
    const withoutFifth = paragraphs.filter((_, i) => i !== 5);
    const page = { title: '', byline: '', siteName: '', url: '', paragraphs: withoutFifth };
    expect(analyzeArticle(page, index).report.verdict).toBe('repost');
    const { report } = analyzeArticle({ ...page, outside: ['Newsletter', paragraphs[5]!] }, index);
    expect(report.verdict).toBe('original');
    expect(report.findings).toEqual([]);
  });
});

describe('pages that set their text as lines rather than paragraphs', () => {
  const layouts: Record<string, (text: string) => string> = {
    'one <pre>': (text) => `<html><body><pre>${escape(text)}</pre></body></html>`,
    'lines split by <br>': (text) =>
      `<html><body><div class="content">${text.split('\n').map(escape).join('<br>\n')}</div></body></html>`,
    'a <div> per line': (text) =>
      `<html><body>${text
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => `<div>${escape(l)}</div>`)
        .join('\n')}</body></html>`,
  };
  for (const [layout, toHtml] of Object.entries(layouts)) {
    it(`gives every seed its verdict and findings as ${layout}`, () => {
      for (const e of SEED_EXPECTATIONS) {
        expectSeedReport(analyzeArticle(articleFromHtml(toHtml(seedText(e))), index).report, e);
      }
    });
  }
});

describe('chrome removal is a scored decision, not a name match', () => {
  const body = brownTexts()[5]!.paragraphs.slice(0, 8);
  const text = body.map((p) => `<p>${escape(p)}</p>`).join('');
  const page = (inner: string): string =>
    `<!doctype html><html><head><title>T</title></head><body><header><nav><a href="/">Home</a></nav></header>${inner}</body></html>`;
  const shareBar =
    '<div class="share-bar"><a href="/fb">Share on Facebook</a> <a href="/tw">Tweet</a> <a href="/mail">Email</a></div>';

  const wrappers: Record<string, string> = {
    'WordPress tag- classes on <article>': `<article class="post-7721 post type-post hentry category-books tag-jobs tag-reviews">${text}${shareBar}</article>`,
    'a gigya share id on the container': `<div id="gigya-share-btns-2_gig_containerParent" class="story">${text}${shareBar}</div>`,
    'a section id beginning sharing-': `<section id="sharing-article-body">${text}${shareBar}</section>`,
  };
  for (const [name, inner] of Object.entries(wrappers)) {
    it(`keeps the article under ${name}, and drops the share bar`, () => {
      const article = articleFromHtml(page(inner));
      for (const paragraph of body) expect(article.paragraphs).toContain(paragraph);
      expect(article.paragraphs.join(' ')).not.toContain('Share on Facebook');
    });
  }

  it('drops a small related box named as chrome after the body, keeps a named box holding most of the text', () => {
    const related =
      '<div class="related-posts"><h3>Related posts</h3><p>Our other story about the council budget vote.</p></div>';
    const article = articleFromHtml(page(`<article>${text}${related}</article>`));
    expect(article.paragraphs.join(' ')).not.toContain('Our other story');
    expect(article.outside).toContain('Our other story about the council budget vote.');
  });
});

describe('budgets: huge and hostile pages are answered quickly as too large', () => {
  /** Runs extraction on `html` and returns the article with the time it took. */
  const timed = (html: string): { article: Article; ms: number } => {
    const heap = process.memoryUsage().heapUsed;
    const start = performance.now();
    const article = articleFromHtml(html);
    const ms = performance.now() - start;
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(300e6);
    return { article, ms };
  };
  // Bounds here are generous (the machine may be busy); bench/extraction.ts has the timings.
  const BOUND_MS = 2_000;

  it('200,000 nested <div>s (2.2 MB): too deep', () => {
    const { article, ms } = timed(`<html><body>${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}</body></html>`);
    expect(article.tooLarge?.reason).toBe('depth');
    expect(article.paragraphs).toEqual([]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('1,000,000 tiny paragraphs (8 MB): too many elements', () => {
    const { article, ms } = timed(`<html><body>${'<p>a</p>'.repeat(1_000_000)}</body></html>`);
    expect(article.tooLarge?.reason).toBe('elements');
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('a 39 MB page: too large, whether text, markup or scripts', () => {
    const sentence = '<p>The council met on Tuesday to discuss the budget for the coming year.</p>';
    const pages = [
      `<html><body><article>${sentence.repeat(39_000_000 / sentence.length)}</article></body></html>`,
      `<html><body><p>${'word '.repeat(7_800_000)}</p></body></html>`,
      `<html><head>${'<script>var s = "<div><p>";</script>'.repeat(1_100_000)}</head><body><p>Hi.</p></body></html>`,
    ];
    for (const html of pages) {
      expect(html.length).toBeGreaterThan(38_000_000);
      const { article, ms } = timed(html);
      expect(article.tooLarge?.reason).toMatch(/^(markup|elements)$/);
      expect(ms).toBeLessThan(BOUND_MS);
    }
  });

  it('counts paragraphs and words before Readability runs', () => {
    const many = timed(`<html><body><article>${'<p>one two</p>'.repeat(4_000)}</article></body></html>`);
    expect(many.article.tooLarge?.reason).toBe('paragraphs');
    const wordy = timed(`<html><body>${`<div><p>${'word '.repeat(1_000)}</p></div>`.repeat(120)}</body></html>`);
    expect(wordy.article.tooLarge?.reason).toBe('words');
    expect(many.ms + wordy.ms).toBeLessThan(BOUND_MS);
  });

  it('a page under every limit is read as before', () => {
    const paragraphs = brownTexts()[1]!.paragraphs;
    const article = articleFromHtml(articlePage(paragraphs));
    expect(article.tooLarge).toBeUndefined();
    expect(article.paragraphs.filter((p) => p !== 'Headline')).toEqual(paragraphs);
  });

  it('checks the same limits on a parsed document (the browser path)', () => {
    const deep = parseHTML(`<html><body>${'<div>'.repeat(300)}x${'</div>'.repeat(300)}</body></html>`).document;
    expect(extractArticle(deep as unknown as Document).tooLarge?.reason).toBe('depth');
  });
});
