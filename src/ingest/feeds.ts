import { DOMParser } from 'linkedom';
import { errorMessage } from '../text/error-message';

// RSS 2.0 (and RDF/RSS 1.0), Atom, XML sitemaps, sitemap indexes and Google News
// sitemaps, read into the article addresses they list. linkedom's XML parser keeps
// prefixed names as written ("dc:creator", "news:title") and knows no namespaces, so
// elements are matched on their local name (the part after the colon).

/** One article a feed or sitemap lists, with what the listing says about it. */
export interface FeedEntry {
  readonly url: string;
  readonly title?: string;
  /** As the feed writes it (RFC 822 in RSS, ISO 8601 in Atom and sitemaps). */
  readonly published?: string;
  readonly author?: string;
  readonly publisher?: string;
}

export type FeedParse =
  | { readonly kind: 'feed'; readonly format: 'rss' | 'atom'; readonly entries: readonly FeedEntry[] }
  | { readonly kind: 'sitemap'; readonly entries: readonly FeedEntry[] }
  | { readonly kind: 'sitemap-index'; readonly sitemaps: readonly string[] }
  | { readonly kind: 'not-a-feed'; readonly reason: string };

/** Feeds and sitemaps larger than this are refused: a sitemap holds at most 50,000 addresses, about 10 MB. */
export const MAX_FEED_CHARS = 64 * 1024 * 1024;
/** Entries read from one feed or sitemap (the sitemap protocol's own limit). */
export const MAX_FEED_ENTRIES = 50_000;

type El = Element;

const localName = (el: El): string => el.tagName.replace(/^.*:/, '').toLowerCase();
const childElements = (el: El): El[] => Array.from(el.children);
const child = (el: El, name: string): El | undefined => childElements(el).find((c) => localName(c) === name);
const children = (el: El, name: string): El[] => childElements(el).filter((c) => localName(c) === name);
const tidy = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();
const textOf = (el: El | undefined): string => tidy(el?.textContent);

/** Whether text starts like an XML document that could be a feed (not an HTML page). */
export function looksLikeFeedXml(text: string): boolean {
  const head = text.replace(/^\uFEFF/, '').slice(0, 4096);
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w-]+:)?(?:rss|feed|urlset|sitemapindex|RDF)[\s>]/i.test(
    head,
  );
}

/**
 * Reads a feed or sitemap. `base` is the document's own address, against which
 * relative links are resolved ('' for a local file: relative links are then dropped).
 */
export function parseFeed(xml: string, base: string): FeedParse {
  if (xml.length > MAX_FEED_CHARS) return { kind: 'not-a-feed', reason: `over ${MAX_FEED_CHARS / 1048576} MB` };
  if (!looksLikeFeedXml(xml)) {
    return { kind: 'not-a-feed', reason: 'not an RSS or Atom feed or an XML sitemap' };
  }
  let root: El | null;
  try {
    root = new DOMParser().parseFromString(xml.replace(/^\uFEFF/, ''), 'text/xml')
      .documentElement as unknown as El | null;
  } catch (error) {
    return { kind: 'not-a-feed', reason: `unreadable XML (${errorMessage(error)})` };
  }
  if (!root) return { kind: 'not-a-feed', reason: 'unreadable XML' };
  const resolve = (href: string): string | null => absoluteUrl(href, base);
  switch (localName(root)) {
    case 'rss':
    case 'rdf':
      return { kind: 'feed', format: 'rss', entries: rssEntries(root, resolve) };
    case 'feed':
      return { kind: 'feed', format: 'atom', entries: atomEntries(root, resolve) };
    case 'urlset':
      return { kind: 'sitemap', entries: sitemapEntries(root, resolve) };
    case 'sitemapindex':
      return {
        kind: 'sitemap-index',
        sitemaps: unique(
          children(root, 'sitemap')
            .map((s) => resolve(textOf(child(s, 'loc'))))
            .filter((u): u is string => u !== null),
        ).slice(0, MAX_FEED_ENTRIES),
      };
    default:
      return { kind: 'not-a-feed', reason: `an XML document of <${root.tagName}>, not a feed or sitemap` };
  }
}

function rssEntries(root: El, resolve: (href: string) => string | null): FeedEntry[] {
  // RSS 2.0 nests items in <channel>; RSS 1.0 (RDF) puts them beside it.
  const channel = child(root, 'channel');
  const items = [...(channel ? children(channel, 'item') : []), ...children(root, 'item')];
  const publisher = textOf(channel && child(channel, 'title'));
  return entriesFrom(items, (item) => {
    const guid = child(item, 'guid');
    // A guid is an address only when it says so (isPermaLink, true by default) and looks like one.
    const guidUrl = guid && guid.getAttribute('isPermaLink') !== 'false' ? textOf(guid) : '';
    const url = resolve(textOf(child(item, 'link'))) ?? resolve(guidUrl);
    if (!url) return null;
    return entry(url, {
      title: plainText(textOf(child(item, 'title'))),
      published: textOf(child(item, 'pubdate')) || textOf(child(item, 'date')),
      author: textOf(child(item, 'creator')) || rssAuthor(textOf(child(item, 'author'))),
      publisher,
    });
  });
}

/** RSS's <author> is an e-mail address, often "jane@example.com (Jane Roe)": keep the name. */
function rssAuthor(value: string): string {
  const named = /\(([^)]+)\)\s*$/.exec(value);
  if (named) return tidy(named[1]);
  return value.includes('@') ? '' : value;
}

function atomEntries(root: El, resolve: (href: string) => string | null): FeedEntry[] {
  const publisher = plainText(textOf(child(root, 'title')));
  const feedAuthor = textOf(child(child(root, 'author') ?? root, 'name'));
  return entriesFrom(children(root, 'entry'), (item) => {
    const links = children(item, 'link');
    const alternate =
      links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ??
      links.find((l) => !l.getAttribute('rel'));
    const url = resolve(alternate?.getAttribute('href') ?? '') ?? resolve(textOf(child(item, 'id')));
    if (!url) return null;
    const authors = children(item, 'author')
      .map((a) => textOf(child(a, 'name')))
      .filter(Boolean);
    return entry(url, {
      title: plainText(textOf(child(item, 'title'))),
      published: textOf(child(item, 'published')) || textOf(child(item, 'updated')),
      author: authors.join(', ') || feedAuthor,
      publisher,
    });
  });
}

function sitemapEntries(root: El, resolve: (href: string) => string | null): FeedEntry[] {
  return entriesFrom(children(root, 'url'), (item) => {
    const url = resolve(textOf(child(item, 'loc')));
    if (!url) return null;
    // <lastmod> is when the page last changed, not when it was published: only Google News says that.
    const news = child(item, 'news');
    const publication = news && child(news, 'publication');
    return entry(url, {
      title: textOf(news && child(news, 'title')),
      published: textOf(news && child(news, 'publication_date')),
      publisher: textOf(publication && child(publication, 'name')),
    });
  });
}

function entriesFrom(items: El[], read: (item: El) => FeedEntry | null): FeedEntry[] {
  const seen = new Set<string>();
  const entries: FeedEntry[] = [];
  for (const item of items) {
    if (entries.length === MAX_FEED_ENTRIES) break;
    const found = read(item);
    if (!found || seen.has(found.url)) continue;
    seen.add(found.url);
    entries.push(found);
  }
  return entries;
}

/** An entry with only the fields that have a value. */
function entry(url: string, fields: Omit<FeedEntry, 'url'>): FeedEntry {
  return Object.fromEntries(
    Object.entries({ url, ...fields }).filter(([, value]) => typeof value === 'string' && value !== ''),
  ) as unknown as FeedEntry;
}

/** Feed titles may carry escaped HTML ("type=html" in Atom, CDATA in RSS): keep the words. */
function plainText(text: string): string {
  return tidy(text.replace(/<[^>]*>/g, ' '));
}

/** An absolute http(s) address, resolved against `base`, without its fragment; null otherwise. */
export function absoluteUrl(href: string, base: string): string | null {
  const trimmed = href.trim();
  if (trimmed === '') return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

const unique = (values: string[]): string[] => [...new Set(values)];
