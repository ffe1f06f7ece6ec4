// Builds the seed fixture pages (tests/fixtures/pages/) from tests/fixtures/seeds: each seed's
// text set in markup like the site it came from (masthead, share bars, in-article
// teasers, author boxes, comment forms), so extraction is tested on page chrome.
// Run: npx tsx scripts/make-seed-pages.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { splitParagraphs } from '../src/text/paragraphs';

const SEEDS = new URL('../tests/fixtures/seeds/', import.meta.url);
const OUT = new URL('../tests/fixtures/pages/', import.meta.url);

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const p = (s: string): string => `<p>${esc(s)}</p>`;
const seed = (name: string): string[] => splitParagraphs(readFileSync(new URL(name, SEEDS), 'utf8'));

function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">${head}</head>
<body>${body}</body></html>
`;
}

const nav = (site: string, items: string[]): string =>
  `<header class="site-header"><a class="logo" href="/">${esc(site)}</a><nav class="main-nav"><ul>${items
    .map((i) => `<li><a href="/${i.toLowerCase()}">${esc(i)}</a></li>`)
    .join('')}</ul></nav></header>`;

const share = `<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a> <a href="#">Email</a></div>`;

// 000: a content farm that ran a machine-translated copy with a fake contributor's bio.
function page000(): string {
  const lines = seed('000_8e8e7980e4e1fe70.txt');
  const bio = lines.at(-1)!;
  const body = lines.slice(0, -1);
  return page(
    'Putin cannot afford crises in both Kazakhstan and Ukraine - World Stock Market',
    '<meta property="og:site_name" content="World Stock Market">',
    `${nav('World Stock Market', ['Markets', 'Crypto', 'World', 'Opinion'])}
<main><article class="post">
<h1 class="entry-title">Putin cannot afford crises in both Kazakhstan and Ukraine</h1>
<div class="entry-meta">Posted on January 8, 2022 by Donald-43Westbrook</div>
${share}
<div class="entry-content">
${body.map(p).join('\n')}
<div class="author-box"><p>${esc(bio)}</p></div>
</div>
<div class="related-posts"><h3>Related posts</h3><ul><li><a href="/a">Oil prices climb as supply tightens</a></li><li><a href="/b">Bitcoin slips below key level</a></li></ul></div>
</article></main>
<aside class="sidebar"><h3>Trending</h3><ul><li><a href="/t1">Stocks to watch this week</a></li><li><a href="/t2">Gold hits a six-week high</a></li></ul></aside>
<footer class="site-footer"><p>© 2022 World Stock Market. All rights reserved.</p></footer>`,
  );
}

// 001: a blog that pasted the first six paragraphs under its own header.
function page001(): string {
  const lines = seed('001_68902a6768e9b682.txt');
  const [blog, date, title, caption, byline, time, ...rest] = lines;
  const body = rest.filter((l) => !/^No comments:|^Post a Comment/.test(l));
  return page(
    `${blog}: ${title}`,
    '',
    `<div class="header-outer"><h1 class="blog-title"><a href="/">${esc(blog!)}</a></h1></div>
<div class="main-outer"><div class="date-outer"><h2 class="date-header"><span>${esc(date!)}</span></h2>
<div class="post hentry"><h3 class="post-title entry-title">${esc(title!)}</h3>
<div class="post-body entry-content">
<div class="separator"><img src="paratroopers.jpg" alt=""></div>
<p><i>${esc(caption!)}</i></p>
<p>${esc(byline!)}</p>
<p>${esc(time!)}</p>
${body.map(p).join('\n')}
</div>
<div class="post-footer">Posted by Commentator at 1:05 AM</div>
</div></div>
<div class="comments" id="comments"><h4>No comments:</h4><h4 id="comment-post-message">Post a Comment</h4></div>
</div>
<div class="blog-pager"><a href="/older">Older Post</a> <a href="/">Home</a></div>`,
  );
}

// 002: the original, on its publisher's page, with masthead, caption, follow button and teasers.
function page002(): string {
  const lines = seed('002_a8c0e4457861aff1.txt');
  const [, heading, caption, ...rest] = lines;
  const title = heading!.replace(/^Opinion /, '');
  const body = rest
    .map((l) => {
      if (l.startsWith('Follow'))
        return `<div class="follow-author"><button>Follow Josh Rogin's opinions</button></div>`;
      if (/^(Global Opinions|Max Boot):/.test(l))
        return `<p class="teaser"><a href="/opinions/related">${esc(l)}</a></p>`;
      return p(l);
    })
    .join('\n');
  return page(
    `Opinion | ${title} - The Washington Post`,
    `<link rel="canonical" href="https://www.washingtonpost.com/opinions/2022/01/06/putin-cant-afford-crises-both-kazakhstan-ukraine/">
<meta property="og:site_name" content="Washington Post">
<meta name="author" content="Josh Rogin">`,
    `<header class="masthead"><a href="/">The Washington Post</a><span class="tagline">Democracy Dies in Darkness</span>
<nav class="sections"><a href="/politics">Politics</a> <a href="/opinions">Opinions</a> <a href="/world">World</a></nav></header>
<main><article>
<div class="headline"><span class="kicker">Opinion</span><h1>${esc(title)}</h1></div>
<figure><img src="paratroopers.jpg" alt=""><figcaption>${esc(caption!)}</figcaption></figure>
<div class="byline">Opinion by <a href="/people/josh-rogin/" rel="author">Josh Rogin</a></div>
${share}
<div class="article-body">
${body}
</div>
</article></main>
<footer><p>© 1996-2022 The Washington Post</p></footer>`,
  );
}

// 003: an editorial on the same events, by another paper.
function page003(): string {
  const [title, ...body] = seed('003_b82d6b7dd71d2d2b.txt');
  return page(
    `${title} | The Australian`,
    '<meta property="og:site_name" content="The Australian">',
    `${nav('The Australian', ['News', 'Nation', 'World', 'Commentary'])}
<main><article><h1>${esc(title!)}</h1><div class="byline">Editorial</div>
<div class="story-body">${body.map(p).join('\n')}</div></article></main>
<footer><p>Copyright The Australian</p></footer>`,
  );
}

// 004: a different article that quotes the same source as the original.
function page004(): string {
  const lines = seed('004_5fb351e789721747.txt');
  const [title, written, ...rest] = lines;
  const body = rest.filter((l) => !/^(Article Categories:|Leave a Comment|Your email address)/.test(l));
  return page(
    `${title} - EU Reporter`,
    '<meta property="og:site_name" content="EU Reporter">',
    `${nav('EU Reporter', ['EU', 'Politics', 'Economy', 'World'])}
<main><article><h1 class="entry-title">${esc(title!)}</h1><p class="post-meta">${esc(written!)}</p>
<div class="entry-content">${body.map(p).join('\n')}</div>
<div class="post-categories">Article Categories: <a href="/world">World</a></div>
</article>
<div id="respond" class="comment-respond"><h3>Leave a Comment</h3><p>Your email address will not be published.</p><form><textarea></textarea><button>Post Comment</button></form></div>
</main>`,
  );
}

const pages: Record<string, () => string> = {
  'seed-000.html': page000,
  'seed-001.html': page001,
  'seed-002.html': page002,
  'seed-003.html': page003,
  'seed-004.html': page004,
};
for (const [name, make] of Object.entries(pages)) writeFileSync(new URL(name, OUT), make());
console.log(`wrote ${Object.keys(pages).length} pages to tests/fixtures/pages/`);
