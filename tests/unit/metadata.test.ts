// What a page says about itself (src/extract/metadata.ts): real pages of the extraction set
// (The Wall Street Journal, an AP story on the Connecticut Post, The New York Times), and
// the shapes of JSON-LD that WordPress plugins and broken pages write.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readMetadata } from '../../src/extract/metadata';
import { extractionPageHtml } from '../support/extraction';

const metadataOf = (html: string) => readMetadata(parseHTML(html).document as unknown as Document);
const page = (head: string): string => `<!doctype html><html><head>${head}</head><body><p>Text.</p></body></html>`;
const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readMetadata on real pages', () => {
  it('prefers the JSON-LD article to OpenGraph, and tidies its strings', () => {
    expect(metadataOf(extractionPageHtml('042bb7b5feda'))).toEqual({
      // The headline ends in a space on the page.
      title: 'Google Stadia, Microsoft xCloud, Apple Arcade: So Many Ways to Play…and Pay',
      authors: ['Sarah E. Needleman'],
      datePublished: '2019-11-19T13:03:00.000Z',
      // og:site_name says "WSJ".
      publisher: 'Wall Street Journal',
      canonicalUrl:
        'https://www.wsj.com/articles/google-stadia-microsoft-xcloud-apple-arcade-so-many-ways-to-playand-pay-11574168580',
      // <html lang>, as written.
      language: 'en-US',
      sources: ['json-ld', 'opengraph', 'meta'],
    });
  });

  it('keeps the date as the page writes it, and takes the canonical link', () => {
    const found = metadataOf(extractionPageHtml('05844573ca7e'));
    // The JSON-LD says +0000; the meta tags say Z. Not reinterpreted.
    expect(found.datePublished).toBe('2019-11-20T06:35:39+0000');
    expect(found.publisher).toBe('Associated Press');
    expect(found.title).toBe('New SUVs and electric vehicles highlight L.A. Auto Show');
    expect(found.canonicalUrl).toBe(
      'https://www.ctpost.com/news/us/article/New-SUVs-and-electric-vehicles-highlight-L-A-14848164.php',
    );
    expect(found.sources).toEqual(['json-ld', 'opengraph', 'meta']);
  });

  it('falls back on OpenGraph and meta tags when the JSON-LD is empty', () => {
    const found = metadataOf(extractionPageHtml('04a6711caa7c'));
    expect(found.title).toBe('Opinion | Republicans Are Following Trump to Nowhere');
    expect(found.authors).toEqual(['Jamelle Bouie']);
    expect(found.canonicalUrl).toBe(
      'https://www.nytimes.com/2019/11/19/opinion/republicans-elections-impeachment.html',
    );
    expect(found.sources).toEqual(['opengraph', 'meta']);
  });
});

describe('readMetadata on the shapes of JSON-LD', () => {
  it('reads a Yoast @graph that describes only the WebPage, resolving its author by @id', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', '@id': 'https://example.org/#website', name: 'Example Times' },
        {
          '@type': ['WebPage'],
          '@id': 'https://example.org/2024/05/story/',
          url: 'https://example.org/2024/05/story/',
          name: 'A story - Example Times',
          datePublished: '2024-05-02T08:00:00+00:00',
          author: { '@id': 'https://example.org/#/person/1' },
        },
        { '@type': 'Person', '@id': 'https://example.org/#/person/1', name: 'Ada  Reporter' },
      ],
    };
    expect(metadataOf(page(`${ld(graph)}<meta property="og:title" content="A story">`))).toEqual({
      // A WebPage's name is the browser title: OpenGraph's is taken instead.
      title: 'A story',
      authors: ['Ada Reporter'],
      datePublished: '2024-05-02T08:00:00+00:00',
      canonicalUrl: 'https://example.org/2024/05/story/',
      sources: ['json-ld', 'opengraph'],
    });
  });

  it('skips broken JSON-LD and reads the next block', () => {
    const article = {
      '@type': 'NewsArticle',
      headline: 'The headline',
      author: [{ '@type': 'Person', name: 'One Writer' }, 'Two Writer', 'https://example.org/author/3', 'One Writer'],
      publisher: 'The Publisher',
      dateCreated: '2020-01-01',
    };
    const found = metadataOf(page(`<script type="application/ld+json">{ "headline": </script>${ld([article])}`));
    expect(found.title).toBe('The headline');
    // Author URLs are not names; repeats are dropped.
    expect(found.authors).toEqual(['One Writer', 'Two Writer']);
    expect(found.publisher).toBe('The Publisher');
    expect(found.datePublished).toBe('2020-01-01');
    expect(found.sources).toEqual(['json-ld']);
  });

  it('reads meta tags alone: "By" dropped from authors, only absolute canonical addresses', () => {
    const found = metadataOf(
      page(
        '<meta name="author" content="By Jane Doe"><meta name="byl" content="By Jane Doe"><meta property="article:author" content="John Roe">' +
          '<meta name="parsely-pub-date" content="2021-03-04T05:06:07Z"><link rel="canonical" href="/relative/path">' +
          '<meta name="twitter:title" content="Twitter title">',
      ),
    );
    expect(found).toEqual({
      title: 'Twitter title',
      authors: ['Jane Doe', 'John Roe'],
      datePublished: '2021-03-04T05:06:07Z',
      sources: ['meta'],
    });
  });

  it('says nothing of a page that says nothing', () => {
    expect(metadataOf(page('<title>Just a title</title>'))).toEqual({ authors: [], sources: [] });
  });
});
