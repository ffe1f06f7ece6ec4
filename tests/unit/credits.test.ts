import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { creditsFromHtml, scanCreditsFromHtml } from '../../src/credit/credits-from-html';
import { findCredits, normalizeCreditUrl, samePage, type Credit } from '../../src/credit/find-credits';
import { registrableHost, samePublisher, sameSite } from '../../src/net/same-site';
import { extractionPages } from '../fixtures/extraction/pages';

const PAGE = 'https://www.repost.example/news/2024/story.html';

/** A small article page with `head` in its head and `tail` after its paragraphs. */
function page(tail: string, head = ''): string {
  const words = 'The council met on Tuesday to vote on the budget for the coming year. '.repeat(6);
  return `<!doctype html><html><head><title>Story</title>${head}</head><body>
<nav><a href="/">Home</a> <a href="https://elsewhere.example/">Partner</a></nav>
<article><h1>Story</h1><p>${words}</p><p>${words}</p>${tail}</article>
<footer><p>Follow us on <a href="https://twitter.com/repost">Twitter</a> and <a href="https://www.facebook.com/repost">Facebook</a>.</p></footer>
</body></html>`;
}

const credits = (html: string, url = PAGE): Credit[] => creditsFromHtml(html, url);
const urls = (html: string, url = PAGE): string[] => credits(html, url).map((c) => c.url);

describe('credit lines', () => {
  const ORIGINAL = 'https://original.example/2024/05/01/the-budget-vote';
  const phrasings: readonly [string, string][] = [
    ['originally published at', `<p><em>Originally published at <a href="${ORIGINAL}">original.example</a>.</em></p>`],
    ['originally published on', `<p>Originally published on <a href="${ORIGINAL}">The Original</a> on May 1.</p>`],
    [
      'originally published by … read the original',
      `<p>This article was originally published by The Original. Read the <a href="${ORIGINAL}">original article</a>.</p>`,
    ],
    ['first appeared in', `<p>This story first appeared in <a href="${ORIGINAL}">The Original</a>.</p>`],
    [
      'a version first appeared',
      `<p>A version of this article first appeared on <a href="${ORIGINAL}">The Original</a>.</p>`,
    ],
    [
      'republished with permission from',
      `<p>Republished with permission from <a href="${ORIGINAL}">The Original</a>.</p>`,
    ],
    [
      'The Conversation footer',
      `<p>This article is republished from <a href="https://original.example/">The Original</a> under a <a href="https://creativecommons.org/licenses/by-nd/4.0/">Creative Commons license</a>. Read the <a href="${ORIGINAL}">original article</a>.</p>`,
    ],
    [
      'Inside Climate News footer',
      `<p>This article originally appeared on <a href="${ORIGINAL}">Inside Climate News</a>, a nonprofit, independent news organization that covers climate, energy and the environment. It is republished with permission.</p>`,
    ],
    ['an address written out (Grist)', `<p>This article originally appeared in Grist at ${ORIGINAL}.</p>`],
    [
      "WordPress's feed footer",
      `<p>The post <a href="${ORIGINAL}">The budget vote</a> appeared first on <a href="https://original.example/">The Original</a>.</p>`,
    ],
    ['read the full story at', `<p>Read the full story at <a href="${ORIGINAL}">The Original</a>.</p>`],
    ['Source:', `<p>Source: <a href="${ORIGINAL}">The Original</a></p>`],
    ['via', `<p>Via <a href="${ORIGINAL}">The Original</a></p>`],
    [
      'French, publié initialement',
      `<p>Cet article a été publié initialement sur <a href="${ORIGINAL}">L'Original</a>.</p>`,
    ],
    ['French, Source :', `<p>Source : <a href="${ORIGINAL}">L'Original</a></p>`],
    [
      'German, zuerst erschienen',
      `<p>Dieser Artikel ist zuerst erschienen bei <a href="${ORIGINAL}">Das Original</a>.</p>`,
    ],
    ['German, Quelle:', `<p>Quelle: <a href="${ORIGINAL}">Das Original</a></p>`],
    ['Spanish, publicado originalmente', `<p>Publicado originalmente en <a href="${ORIGINAL}">El Original</a>.</p>`],
    ['Spanish, Fuente:', `<p>Fuente: <a href="${ORIGINAL}">El Original</a></p>`],
    ['Russian, Источник:', `<p>Источник: <a href="${ORIGINAL}">Оригинал</a></p>`],
    ['Russian, Оригинал статьи', `<p>Оригинал статьи: <a href="${ORIGINAL}">здесь</a></p>`],
  ];
  for (const [name, line] of phrasings) {
    it(`finds "${name}"`, () => {
      const found = credits(page(line));
      expect(found[0]).toMatchObject({ url: ORIGINAL, host: 'original.example', how: 'credit-line' });
      expect(found[0]!.text).toBeTruthy();
      expect(line.replace(/<[^>]+>/g, '')).toContain(found[0]!.text!.slice(0, 20));
    });
  }

  it('keeps the line as written and drops fragments and utm_* parameters', () => {
    const found = credits(page(`<p>Originally published at <a href="${ORIGINAL}?utm_source=feed&id=4#top">x</a>.</p>`));
    expect(found).toEqual([
      { url: `${ORIGINAL}?id=4`, host: 'original.example', how: 'credit-line', text: 'Originally published at x.' },
    ]);
  });

  const notCredits: readonly [string, string][] = [
    [
      'a photo caption',
      `<figure><img src="a.jpg"><figcaption>Photo via <a href="${ORIGINAL}">The Original</a></figcaption></figure>`,
    ],
    [
      'an image credit outside a figure',
      `<p><em>The new keyboard, image via <a href="${ORIGINAL}">The Original</a></em></p>`,
    ],
    ['a photo agency', `<p>Via <a href="https://www.gettyimages.com/detail/123">Getty Images</a></p>`],
    ['a social network', `<p>Source: <a href="https://twitter.com/someone/status/1">@someone</a></p>`],
    ['a distributor home page', `<p>Via <a href="http://syndigate.info">SyndiGate.info</a></p>`],
    [
      'the original saying where it was reprinted',
      `<p>This article was reprinted on <a href="${ORIGINAL}">Wired.com</a>.</p>`,
    ],
    [
      'a data source in a sentence',
      `<p>Unemployment rose to 4 per cent in May, the highest in two years (source: <a href="${ORIGINAL}">the statistics office</a>).</p>`,
    ],
    [
      'prose that mentions a first appearance',
      `<p>The song first appeared on <a href="${ORIGINAL}">their second album</a>, which the band recorded in a barn in 1971 while the council was still debating the budget, and it took years before anyone outside the town had heard it played on the radio, let alone in a concert hall.</p>`,
    ],
    [
      'a link on the same site',
      `<p>Originally published at <a href="https://repost.example/archive/story">our archive</a>.</p>`,
    ],
    ['a relative link', `<p>Originally published in <a href="/print/2024">our print edition</a>.</p>`],
  ];
  for (const [name, line] of notCredits) {
    it(`does not take ${name} for a credit`, () => {
      expect(credits(page(line))).toEqual([]);
    });
  }

  it('says when a credit line points back at the page itself', () => {
    const scan = scanCreditsFromHtml(page(`<p>Originally published at <a href="${PAGE}#top">here</a>.</p>`), PAGE);
    expect(scan.credits).toEqual([]);
    expect(scan.pointingBack.map((c) => c.how)).toEqual(['credit-line']);
  });
});

describe('canonical, og:url and JSON-LD', () => {
  const ld = (value: object): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

  it('takes a canonical link or og:url on another site, ranked below a credit line and isBasedOn', () => {
    const html = page(
      '<p>Source: <a href="https://line.example/a">Line</a></p>',
      `<link rel="canonical" href="https://canon.example/a"><meta property="og:url" content="https://og.example/a">` +
        ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', isBasedOn: 'https://based.example/a' }),
    );
    expect(credits(html).map((c) => [c.how, c.url])).toEqual([
      ['credit-line', 'https://line.example/a'],
      ['json-ld-isBasedOn', 'https://based.example/a'],
      ['canonical', 'https://canon.example/a'],
      ['og-url', 'https://og.example/a'],
    ]);
  });

  it('reads sourceOrganization and citation with URLs from the article node, in @graph too', () => {
    const html = page(
      '',
      ld({
        '@graph': [
          { '@type': 'WebSite', url: 'https://site.example/' },
          {
            '@type': 'NewsArticle',
            sourceOrganization: { '@type': 'Organization', name: 'Agency', url: 'https://agency.example/' },
            citation: [{ '@type': 'CreativeWork', url: 'https://study.example/paper' }, 'not a url'],
            isBasedOn: { '@type': 'NewsArticle', '@id': 'https://based.example/story' },
          },
        ],
      }),
    );
    expect(credits(html).map((c) => [c.how, c.url])).toEqual([
      ['json-ld-isBasedOn', 'https://based.example/story'],
      ['json-ld-citation', 'https://study.example/paper'],
      ['json-ld-sourceOrganization', 'https://agency.example/'],
    ]);
  });

  it('dedupes one address found several ways, keeping the best way', () => {
    const html = page(
      '<p>Originally published at <a href="https://canon.example/a?utm_medium=x">Canon</a>.</p>',
      '<link rel="canonical" href="https://canon.example/a#x"><meta property="og:url" content="https://canon.example/a">',
    );
    expect(credits(html)).toEqual([expect.objectContaining({ url: 'https://canon.example/a', how: 'credit-line' })]);
  });

  it('takes no canonical at the page itself, at its site, or at its publisher under another suffix', () => {
    for (const canonical of [
      PAGE,
      'https://repost.example/news/2024/story.html/',
      'http://m.repost.example/news/2024/story.html?utm_source=x',
      'https://amp.repost.example/other',
      'https://edition.repost.example/story',
      'https://www.repost.de/story',
      '/news/2024/story.html',
    ]) {
      expect(urls(page('', `<link rel="canonical" href="${canonical}">`)), canonical).toEqual([]);
    }
  });

  it('reads no canonical link when the page has no address, and relative links resolve against the page', () => {
    const head = '<link rel="canonical" href="https://canon.example/a">';
    expect(urls(page('', head), '')).toEqual([]);
    expect(urls(page('<p>Source: <a href="//line.example/b">Line</a></p>'))).toEqual(['https://line.example/b']);
  });

  it('takes a different port of the same machine for another site', () => {
    const html = page('', '<link rel="canonical" href="http://127.0.0.1:8002/original.html">');
    expect(urls(html, 'http://127.0.0.1:8001/repost.html')).toEqual(['http://127.0.0.1:8002/original.html']);
    expect(urls(html, 'http://127.0.0.1:8002/repost.html')).toEqual([]);
  });

  it('works on a Document as the extension passes it', () => {
    const { document } = parseHTML(page('', '<link rel="canonical" href="https://canon.example/a">'));
    expect(findCredits(document as unknown as Document, PAGE)).toEqual([
      { url: 'https://canon.example/a', host: 'canon.example', how: 'canonical' },
    ]);
  });
});

describe('the same-site rule', () => {
  it('compares registrable hosts and ports', () => {
    expect(sameSite('https://www.example.com/a', 'http://amp.example.com/b')).toBe(true);
    expect(sameSite('https://example.com/a', 'https://edition.example.com/b')).toBe(true);
    expect(sameSite('https://www.bbc.co.uk/a', 'https://news.bbc.co.uk/b')).toBe(true);
    expect(sameSite('https://www.bbc.co.uk/a', 'https://www.itv.co.uk/b')).toBe(false);
    expect(sameSite('http://127.0.0.1:8001/a', 'http://127.0.0.1:8002/a')).toBe(false);
    expect(sameSite('http://127.0.0.1:8001/a', 'http://127.0.0.1:8001/b')).toBe(true);
    expect(sameSite('https://example.com:8443/a', 'https://example.com/a')).toBe(false);
    expect(sameSite('ftp://example.com/a', 'ftp://example.com/a')).toBe(false);
    expect(registrableHost('www.jaraguadosul.sc.gov.br')).toBe('jaraguadosul.sc.gov.br');
    expect(samePublisher('https://www.businessinsider.com/a', 'https://www.businessinsider.de/a')).toBe(true);
    expect(samePublisher('https://www.businessinsider.com/a', 'https://www.insider.com/a')).toBe(false);
  });

  it('normalizes addresses and tells the same page', () => {
    expect(normalizeCreditUrl('https://a.example/x?utm_source=1&b=2&fbclid=3#f')).toBe('https://a.example/x?b=2');
    expect(normalizeCreditUrl('javascript:alert(1)')).toBeNull();
    expect(samePage('https://www.a.example/x/', 'http://a.example/x')).toBe(true);
    expect(samePage('https://a.example/x/amp', 'https://a.example/x')).toBe(true);
    expect(samePage('https://a.example/x', 'https://a.example/y')).toBe(false);
  });
});

describe('the real saved pages', () => {
  const pages = extractionPages();
  const byId = new Map(pages.map((p) => [p.id, p]));
  const found = new Map(pages.map((p) => [p.id, creditsFromHtml(p.html, p.url)]));

  it('credit sources on exactly the pages read by hand (docs/credits.md)', () => {
    const crediting = [...found].filter(([, c]) => c.length > 0).map(([id]) => id);
    expect(crediting.sort()).toEqual(['14cc2a0ca59c', '9eef8162bbb6', 'abd9d6291b6b', 'readability-medium-2']);
  });

  it('find the syndicated copies and the republished article', () => {
    expect(found.get('9eef8162bbb6')![0]).toMatchObject({ how: 'canonical', host: 'www.cnn.com' });
    expect(found.get('abd9d6291b6b')![0]).toMatchObject({ how: 'canonical', host: 'www.nbcnews.com' });
    expect(found.get('14cc2a0ca59c')).toEqual([
      {
        url: 'https://futurism.com/scientists-confirm-water-vapor-europa',
        host: 'futurism.com',
        how: 'credit-line',
        text: 'This article was originally published by Futurism. Read the original article.',
      },
    ]);
  });

  it('credit nothing on originals that name where they were reprinted, or a distributor, or their own edition', () => {
    // Quanta ("reprinted on Wired.com"), Live Science ("Originally published on Live Science",
    // its own site), Al Bawaba ("Via SyndiGate.info"), Business Insider (canonical on .de).
    for (const id of ['bdb56ac83513', '3c5bf8db4272', '833caf3bdba5', 'f81c6c05d9cb']) {
      expect(byId.has(id), id).toBe(true);
      expect(found.get(id), id).toEqual([]);
    }
  });
});
