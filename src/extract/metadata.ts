import { tidyWhitespace } from '../text/normalize';

/** What the page says about itself, from JSON-LD first, then OpenGraph and meta tags. */
export interface ArticleMetadata {
  readonly title?: string;
  /** Author names as the page gives them, in order, without repeats. */
  readonly authors: readonly string[];
  /** As written on the page (usually ISO 8601); not reinterpreted. */
  readonly datePublished?: string;
  readonly publisher?: string;
  /** Absolute http(s) address only. */
  readonly canonicalUrl?: string;
  /** The language the page declares (<html lang>, else Content-Language or og:locale), as written. */
  readonly language?: string;
  /** Where the figures came from, for the report's evidence. */
  readonly sources: readonly ('json-ld' | 'opengraph' | 'meta')[];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Node = { [key: string]: Json };
export type JsonLdNode = Node;

/** Types of schema.org node that describe the article itself. */
const ARTICLE_TYPE = /^(?:\w*Article|BlogPosting|SocialMediaPosting|LiveBlogPosting|Report)$/;
/** JSON-LD blocks larger than this are not read: metadata is small, hostile pages are not. */
const MAX_JSON_LD_CHARS = 500_000;
const MAX_JSON_LD_BLOCKS = 20;

export function readMetadata(doc: Document): ArticleMetadata {
  const ld = fromJsonLd(doc);
  const og = fromMetaTags(doc);
  const sources = [...(ld ? (['json-ld'] as const) : []), ...og.sources];
  const authors = ld?.authors.length ? ld.authors : og.authors;
  const pick = <K extends 'title' | 'datePublished' | 'publisher' | 'canonicalUrl'>(key: K): string | undefined =>
    ld?.[key] || og[key] || undefined;
  return {
    ...defined('title', pick('title')),
    authors,
    ...defined('datePublished', pick('datePublished')),
    ...defined('publisher', pick('publisher')),
    ...defined('canonicalUrl', og.canonicalUrl || ld?.canonicalUrl || undefined),
    ...defined('language', declaredLanguage(doc)),
    sources,
  };
}

function declaredLanguage(doc: Document): string | undefined {
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content');
  const declared =
    doc.documentElement?.getAttribute('lang') ||
    meta('meta[http-equiv="content-language" i]') ||
    meta('meta[property="og:locale"]');
  return declared ? tidyWhitespace(declared).slice(0, 35) || undefined : undefined;
}

const defined = <K extends string>(key: K, value: string | undefined): { [P in K]?: string } =>
  (value ? { [key]: value } : {}) as { [P in K]?: string };

interface Found {
  title?: string;
  authors: string[];
  datePublished?: string;
  publisher?: string;
  canonicalUrl?: string;
}

/**
 * Every object node of the page's JSON-LD blocks (arrays and `@graph` lists opened), with
 * the limits above. Broken blocks are skipped. Also read for credited sources (src/credit).
 */
export function jsonLdNodes(doc: Document): JsonLdNode[] {
  const nodes: Node[] = [];
  const scripts = Array.from(doc.querySelectorAll('script[type]'))
    .filter((script) => /^\s*application\/ld\+json\s*$/i.test(script.getAttribute('type') ?? ''))
    .slice(0, MAX_JSON_LD_BLOCKS);
  for (const script of scripts) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    try {
      flatten(JSON.parse(text) as Json, nodes, 0);
    } catch {
      // Broken JSON-LD is common; the meta tags still answer.
    }
  }
  return nodes;
}

/** Whether a JSON-LD node is of a schema.org type that describes the article itself. */
export function isArticleNode(node: JsonLdNode): boolean {
  return types(node).some((type) => ARTICLE_TYPE.test(type));
}

function fromJsonLd(doc: Document): Found | null {
  const nodes = jsonLdNodes(doc);
  const byId = new Map<string, Node>();
  for (const node of nodes) if (typeof node['@id'] === 'string') byId.set(node['@id'], node);
  const isA = (pattern: RegExp) => (node: Node) => types(node).some((type) => pattern.test(type));
  // Yoast's @graph often describes only the WebPage: it still has the author and date.
  const article = nodes.find(isA(ARTICLE_TYPE));
  const webPage = article ? undefined : nodes.find(isA(/^WebPage$/));
  const found = article ?? webPage;
  if (!found) return null;
  const resolve = (value: Json): Json =>
    value && typeof value === 'object' && !Array.isArray(value) && typeof value['@id'] === 'string' && !value['name']
      ? (byId.get(value['@id']) ?? value)
      : value;
  const page = resolve(found['mainEntityOfPage'] ?? null);
  const url = text(found['url']) || text(page) || idOf(page);
  return {
    // A WebPage's name is the browser title, site name and all: OpenGraph's is better.
    title: article ? text(article['headline']) || text(article['name']) : '',
    authors: unique(list(found['author']).map((author) => name(resolve(author)))),
    datePublished: text(found['datePublished']) || text(found['dateCreated']),
    publisher: name(resolve(found['publisher'] ?? null)),
    canonicalUrl: absolute(url),
  };
}

/** Every object node of a JSON-LD value: arrays and `@graph` lists opened, depth bounded. */
function flatten(value: Json, out: Node[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out, depth + 1);
    return;
  }
  out.push(value);
  if (value['@graph']) flatten(value['@graph'], out, depth + 1);
}

function types(node: Node): string[] {
  return list(node['@type']).filter((type): type is string => typeof type === 'string');
}

function list(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A plain string value, tidied; schema.org sometimes wraps strings in objects or arrays. */
function text(value: Json | undefined): string {
  if (typeof value === 'string') return tidyWhitespace(value);
  if (Array.isArray(value)) return text(value[0]);
  return '';
}

function idOf(value: Json): string {
  return value && typeof value === 'object' && !Array.isArray(value) ? text(value['@id']) : '';
}

function name(value: Json): string {
  if (typeof value === 'string') return /^https?:\/\//i.test(value) ? '' : tidyWhitespace(value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  return text(value['name']);
}

function unique(names: string[]): string[] {
  return [...new Set(names.filter(Boolean))];
}

function absolute(url: string): string | undefined {
  return /^https?:\/\/\S+$/i.test(url) ? url : undefined;
}

function fromMetaTags(doc: Document): Found & { sources: ('opengraph' | 'meta')[] } {
  const content = (selector: string, attribute = 'content'): string =>
    tidyWhitespace(doc.querySelector(selector)?.getAttribute(attribute) ?? '');
  const og = {
    title: content('meta[property="og:title"]'),
    publisher: content('meta[property="og:site_name"]'),
    url: content('meta[property="og:url"]'),
    date: content('meta[property="article:published_time"]'),
  };
  const authors = unique(
    Array.from(doc.querySelectorAll('meta[name="author"], meta[property="article:author"], meta[name="byl"]')).map(
      (meta) => name(tidyWhitespace(meta.getAttribute('content') ?? '').replace(/^by\s+/i, '')),
    ),
  );
  const meta = {
    title: content('meta[name="twitter:title"]'),
    date:
      content('meta[itemprop="datePublished"]') ||
      content('meta[name="date"]') ||
      content('meta[name="parsely-pub-date"]') ||
      content('meta[name="pubdate"]'),
    canonical: content('link[rel="canonical"]', 'href'),
  };
  const sources: ('opengraph' | 'meta')[] = [];
  if (og.title || og.publisher || og.url || og.date) sources.push('opengraph');
  if (meta.title || meta.date || meta.canonical || authors.length) sources.push('meta');
  return {
    title: og.title || meta.title,
    authors,
    datePublished: og.date || meta.date,
    publisher: og.publisher,
    canonicalUrl: absolute(meta.canonical) ?? absolute(og.url),
    sources,
  };
}
