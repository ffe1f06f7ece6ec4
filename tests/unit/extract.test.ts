import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deserializeIndex } from '../../src/corpus/index-file';
import { articleFromHtml } from '../../src/extract/parse-html';
import { analyzeArticle } from '../../src/report/analyze';
import { brownTexts } from '../support/brown';
import { expectSeedReport } from '../support/expect-report';
import { SEED_EXPECTATIONS, seedPage, seedText } from '../support/seeds';

const index = deserializeIndex(readFileSync(new URL('../../assets/corpus.rrx', import.meta.url)));
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
  const original = JSON.parse(readFileSync(new URL('../../corpus/originals.jsonl', import.meta.url), 'utf8')) as {
    text: string;
  };
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
