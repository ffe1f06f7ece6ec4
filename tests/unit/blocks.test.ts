// The paragraphs of an article's container (src/extract/blocks.ts), on the fixture pages
// and on small pages that set their text in the ways real pages do.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { allBlocks, articleBlocks } from '../../src/extract/blocks';
import { brownHalves } from '../support/brown';

const pageHtml = (seed: string): string =>
  readFileSync(new URL(`../fixtures/pages/seed-${seed}.html`, import.meta.url), 'utf8');
const bodyOf = (html: string): Element => {
  const { document } = parseHTML(/<html/i.test(html) ? html : `<html><body>${html}</body></html>`);
  return document.body as unknown as Element;
};
const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim();
const texts = brownHalves().first.filter((t) => t.genre === 'a');

describe('articleBlocks', () => {
  it('keeps every paragraph of a Blogger post, in order, and leaves the chrome out', () => {
    const body = bodyOf(pageHtml('001'));
    const post = [...body.querySelectorAll('.post-body p')].map((p) => tidy(p.textContent ?? ''));
    expect(post.length).toBeGreaterThan(8);
    const blocks = articleBlocks(body);
    const positions = post.map((p) => blocks.indexOf(p));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    for (const chrome of ['No comments:', 'Post a Comment', 'Older Post', 'Home', 'Commentary on Political Economy'])
      expect(blocks).not.toContain(chrome);
    // Headings stay: a repost's lines often are.
    expect(blocks).toContain('Putin can’t afford crises in both Kazakhstan and Ukraine');
  });

  it('leaves out share bars, related links and navigation of a WordPress page', () => {
    const blocks = articleBlocks(bodyOf(pageHtml('000')));
    for (const chrome of ['Share on Facebook', 'Tweet', 'Related posts', 'Bitcoin slips below key level', 'Markets'])
      expect(blocks).not.toContain(chrome);
    expect(blocks.length).toBeGreaterThan(10);
  });

  it('drops a paragraph that is mostly links, and keeps a digest item that links one phrase', () => {
    const [a, b] = texts;
    const own = b!.paragraphs[0]!;
    const words = a!.paragraphs[0]!.split(' ');
    expect(words.length).toBeGreaterThan(30);
    // A digest item: its first two thirds link to the story it sums up (between 0.6 and 0.8 of its text).
    const cut = Math.round(words.length * 0.7);
    const digest = `<a href="/one">${words.slice(0, cut).join(' ')}</a> ${words.slice(cut).join(' ')}`;
    // A teaser: the whole paragraph is one link. Both are long enough not to be judged chrome.
    const teaser = `<a href="/two">${a!.paragraphs[1]}</a>`;
    const body = bodyOf(`<div><p>${own}</p><p>${digest}</p><p>${teaser}</p></div>`);
    const blocks = articleBlocks(body);
    expect(blocks).toEqual([tidy(own), tidy(words.join(' '))]);
    expect(allBlocks(body)).toEqual([tidy(own), tidy(words.join(' ')), tidy(a!.paragraphs[1]!)]);
  });

  it('drops a list of links', () => {
    const body = bodyOf(
      `<div><p>${texts[1]!.paragraphs[0]}</p>
       <ul><li><a href="/x">Oil prices climb as supply tightens</a></li><li><a href="/y">Gold hits a six-week high</a></li></ul>
       <p><a href="/1">Politics</a> <a href="/2">World</a> <a href="/3">Sport</a> <a href="/4">Arts</a> and more</p></div>`,
    );
    const blocks = articleBlocks(body);
    expect(blocks).toEqual([tidy(texts[1]!.paragraphs[0]!)]);
    expect(allBlocks(body)).toContain('Oil prices climb as supply tightens');
  });
});

describe('allBlocks', () => {
  it('holds every paragraph-level text of the page, chrome included', () => {
    const blocks = allBlocks(bodyOf(pageHtml('001')));
    for (const chrome of ['No comments:', 'Post a Comment', 'Commentary on Political Economy'])
      expect(blocks).toContain(chrome);
    expect(blocks.length).toBeGreaterThan(articleBlocks(bodyOf(pageHtml('001'))).length);
  });

  it('splits a block at its line breaks, and a <pre> at its new lines', () => {
    const [first, second, third] = texts[0]!.paragraphs;
    const blocks = allBlocks(bodyOf(`<p>${first}<br><br>${second}</p><pre>${third}\n\nThe end of the column.</pre>`));
    expect(blocks).toEqual([tidy(first!), tidy(second!), tidy(third!), 'The end of the column.']);
  });

  it('reads a div of bare text as a paragraph, and skips scripts, styles and templates', () => {
    const [first, second] = texts[1]!.paragraphs;
    const blocks = allBlocks(
      bodyOf(
        `<div>${first} <b>bold words</b></div><script>var s = "not text";</script><style>p{}</style><template><p>hidden</p></template><div><p>${second}</p></div>`,
      ),
    );
    expect(blocks).toEqual([tidy(`${first} bold words`), tidy(second!)]);
  });

  it('reads a block holding other blocks as those blocks, not as one paragraph', () => {
    const [first, second] = texts[2]!.paragraphs;
    expect(allBlocks(bodyOf(`<blockquote><p>${first}</p><p>${second}</p></blockquote>`))).toEqual([
      tidy(first!),
      tidy(second!),
    ]);
    expect(allBlocks(bodyOf('<ul><li>One item</li><li>Two <i>items</i></li></ul><p>   </p>'))).toEqual([
      'One item',
      'Two items',
    ]);
  });
});
