// Which containers of a page are site chrome (src/extract/chrome.ts), on the fixture pages
// (tests/fixtures/pages: real articles in the markup of a WordPress site, Blogger and a
// news site) and on those pages with the article wrapped in misleading names.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { judgeChrome } from '../../src/extract/chrome';

const page = (seed: string): Document =>
  parseHTML(readFileSync(new URL(`../fixtures/pages/seed-${seed}.html`, import.meta.url), 'utf8'))
    .document as unknown as Document;
const one = (doc: Document, selector: string): Element => {
  const found = doc.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
const nonSpace = (text: string): number => text.replace(/[\s\u00a0]/g, '').length;

describe('judgeChrome', () => {
  it('drops share bars, related links, navigation and sidebars, and keeps the article', () => {
    const doc = page('000');
    const judge = judgeChrome(doc.body);
    for (const chrome of ['.share-bar', '.related-posts', 'aside.sidebar', 'nav.main-nav', 'header.site-header'])
      expect(judge.isChrome(one(doc, chrome)), chrome).toBe(true);
    for (const kept of ['article.post', '.entry-content', '.entry-title', '.author-box'])
      expect(judge.isChrome(one(doc, kept)), kept).toBe(false);
  });

  it('drops the comment box and the pager of a Blogger post, not its footer line', () => {
    const doc = page('001');
    const judge = judgeChrome(doc.body);
    expect(judge.isChrome(one(doc, '#comments'))).toBe(true);
    expect(judge.isChrome(one(doc, '.blog-pager'))).toBe(true);
    expect(judge.isChrome(one(doc, '.post-body'))).toBe(false);
    // "Posted by Commentator at 1:05 AM": small and last, but no name or link says chrome.
    expect(judge.isChrome(one(doc, '.post-footer'))).toBe(false);
  });

  it('drops teasers and a follow box named as such', () => {
    const doc = page('002');
    const judge = judgeChrome(doc.body);
    for (const teaser of doc.querySelectorAll('p.teaser')) expect(judge.isChrome(teaser)).toBe(true);
    expect(judge.isChrome(one(doc, '.follow-author'))).toBe(true);
    expect(judge.isChrome(one(doc, '.article-body'))).toBe(false);
  });

  it('never drops the block holding most of the text, whatever its names', () => {
    const doc = page('002');
    const body = one(doc, '.article-body');
    // WordPress puts tag-… classes on <article>; share widgets lend their names to wrappers.
    body.setAttribute('class', 'share social related tags comments');
    body.setAttribute('role', 'complementary');
    const judge = judgeChrome(doc.body);
    expect(judge.textLength(body) / judge.textLength(doc.body)).toBeGreaterThan(0.5);
    expect(judge.isChrome(body)).toBe(false);
  });

  it('does not drop a paragraph of the article on its name alone', () => {
    const doc = page('002');
    const paragraphs = [...doc.querySelectorAll('.article-body > p')];
    const middle = paragraphs[Math.floor(paragraphs.length / 2)]!;
    middle.setAttribute('class', 'related');
    const judge = judgeChrome(doc.body);
    expect(judge.textLength(middle) / judge.textLength(doc.body)).toBeGreaterThan(0.05);
    expect(judge.isChrome(middle)).toBe(false);
    // Named and marked as a landmark beside the text, it is chrome.
    middle.setAttribute('role', 'complementary');
    expect(judgeChrome(doc.body).isChrome(middle)).toBe(true);
  });

  it('measures text without spaces, and the share of it in links', () => {
    const doc = page('001');
    const judge = judgeChrome(doc.body);
    for (const selector of ['.post-body', '.blog-pager', '#comments', '.post-title'])
      expect(judge.textLength(one(doc, selector)), selector).toBe(nonSpace(one(doc, selector).textContent ?? ''));
    expect(judge.linkDensity(one(doc, '.blog-pager'))).toBe(1);
    expect(judge.linkDensity(one(doc, '.post-body'))).toBe(0);
    const header = one(doc, '.header-outer');
    expect(judge.linkDensity(header)).toBe(1);
    // Elements outside the judged root are not measured.
    const outside = judgeChrome(one(doc, '.post-body'));
    expect(outside.textLength(one(doc, '.blog-pager'))).toBe(0);
    expect(outside.linkDensity(one(doc, '.blog-pager'))).toBe(0);
  });

  it('leaves scripts and styles out of the text it measures', () => {
    const { document } = parseHTML(
      '<html><body><div id="a"><p>Twelve chars</p><script>var x = "a very long script body";</script><style>p{color:red}</style></div></body></html>',
    );
    const judge = judgeChrome(document.body as unknown as Element);
    expect(judge.textLength(document.getElementById('a') as unknown as Element)).toBe(11);
  });
});
