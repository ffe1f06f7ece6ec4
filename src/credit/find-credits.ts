// The sources a page credits for its text: where a syndicated copy points its canonical
// link, what its JSON-LD says it is based on, and the credit lines reposts write
// ("Originally published at …", "Source: <a>", Creative Commons republishing footers).
// Pure: it takes a Document (the page's own in a browser page, linkedom's in Node) and
// touches no browser API. The page is never changed.
import { isArticleNode, jsonLdNodes, type Json, type JsonLdNode } from '../extract/metadata';
import { samePublisher } from '../net/same-site';
import { tidyWhitespace } from '../text/normalize';

export type CreditHow =
  'credit-line' | 'json-ld-isBasedOn' | 'canonical' | 'og-url' | 'json-ld-sourceOrganization' | 'json-ld-citation';

export interface Credit {
  /** Absolute http(s), without fragment or utm_* parameters. */
  readonly url: string;
  readonly host: string;
  readonly how: CreditHow;
  /** The credit line as the page writes it (for `credit-line`). */
  readonly text?: string;
}

export interface CreditScan {
  /** Sources on other sites, best first. */
  readonly credits: readonly Credit[];
  /** Credit lines or JSON-LD whose link is the page itself: a credit that points back. */
  readonly pointingBack: readonly Credit[];
}

/** Ranked: what the page says of its text above what its head says of its address. */
const RANK: Record<CreditHow, number> = {
  'credit-line': 0,
  'json-ld-isBasedOn': 1,
  canonical: 2,
  'og-url': 3,
  'json-ld-sourceOrganization': 4,
  'json-ld-citation': 5,
};

/** The page's credited sources, best first; none when it credits nothing on another site. */
export function findCredits(doc: Document, pageUrl: string): Credit[] {
  return [...scanCredits(doc, pageUrl).credits];
}

/**
 * Credited sources and credits that point back at the page itself. `pageUrl` is where the
 * page is: without it a canonical link cannot be told from the page's own and is not read.
 */
export function scanCredits(doc: Document, pageUrl: string): CreditScan {
  const page = absoluteUrl(pageUrl);
  const base = absoluteUrl(doc.querySelector('base[href]')?.getAttribute('href') ?? '', page) ?? page;
  const found: Credit[] = [];
  const add = (href: string | undefined, how: CreditHow, text?: string): void => {
    const url = normalizeCreditUrl(href ?? '', base);
    if (url === null || excludedHost(new URL(url).hostname)) return;
    found.push({ url, host: new URL(url).host, how, ...(text === undefined ? {} : { text }) });
  };
  for (const line of creditLines(doc)) add(line.href, 'credit-line', line.text);
  readJsonLd(doc, add);
  if (page !== null) {
    for (const link of Array.from(doc.querySelectorAll('link[rel][href]'))) {
      if (/(?:^|\s)canonical(?:\s|$)/i.test(link.getAttribute('rel') ?? ''))
        add(link.getAttribute('href')!, 'canonical');
    }
    for (const meta of Array.from(doc.querySelectorAll('meta[property="og:url"][content]'))) {
      add(meta.getAttribute('content')!, 'og-url');
    }
  }
  // A newsroom's home page is a weak credit: after every article address, and left out
  // where the same host's article is credited too.
  const rank = (c: Credit): number => (isHomePage(c.url) ? 10 : 0) + RANK[c.how];
  const articleHosts = new Set(found.filter((c) => !isHomePage(c.url)).map((c) => c.host));
  const ranked = found.filter((c) => !isHomePage(c.url) || !articleHosts.has(c.host)).sort((a, b) => rank(a) - rank(b));
  const credits: Credit[] = [];
  const pointingBack: Credit[] = [];
  const seen = new Set<string>();
  for (const credit of ranked) {
    if (seen.has(pageKey(credit.url))) continue;
    seen.add(pageKey(credit.url));
    if (page !== null && samePage(credit.url, page.href)) {
      // A canonical link at the page itself is what every page has; a credit line or
      // isBasedOn at it is a credit that points back.
      if (credit.how !== 'canonical' && credit.how !== 'og-url') pointingBack.push(credit);
    } else if (page === null || !samePublisher(credit.url, page)) {
      credits.push(credit);
    }
  }
  return { credits, pointingBack };
}

/** The address as compared and reported: absolute http(s), no fragment, no utm_* or click ids. */
export function normalizeCreditUrl(href: string, base?: URL | null): string | null {
  const url = absoluteUrl(href.trim(), base ?? null);
  if (url === null) return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (/^utm_|^(?:fbclid|gclid|mc_cid|mc_eid|ocid)$/i.test(key)) url.searchParams.delete(key);
  }
  if (url.search === '?') url.search = '';
  return url.href;
}

/** The same page: www./amp./m. hosts alike, http and https alike, a trailing slash or /amp alike. */
export function samePage(a: string, b: string): boolean {
  const ka = pageKey(a);
  return ka !== '' && ka === pageKey(b);
}

/** An address of a site's home page (a relative one is not). */
function isHomePage(href: string): boolean {
  const url = absoluteUrl(href);
  return url !== null && /^\/?$/.test(url.pathname) && url.search === '';
}

function pageKey(href: string): string {
  const url = absoluteUrl(normalizeCreditUrl(href) ?? '');
  if (url === null) return '';
  const host = url.hostname.toLowerCase().replace(/^(?:www|amp|m)\./, '');
  const port = url.port === '80' || url.port === '443' ? '' : url.port;
  const path = url.pathname.replace(/\/amp\/?$/i, '/').replace(/\/+$/, '');
  return `${host}:${port}${path}${url.search}`;
}

function absoluteUrl(href: string, base?: URL | null): URL | null {
  if (href === '') return null;
  try {
    const url = base ? new URL(href, base) : new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

// ---- Hosts that are never the source of a text -------------------------------------

/**
 * Social networks and sharing buttons, photo agencies ("Photo via Getty"), licences: a
 * link there is not where the text came from.
 */
const EXCLUDED_HOSTS =
  /(?:^|\.)(?:twitter\.com|x\.com|t\.co|facebook\.com|fb\.com|fb\.me|instagram\.com|linkedin\.com|youtube\.com|youtu\.be|tiktok\.com|reddit\.com|pinterest\.[a-z.]+|threads\.net|bsky\.app|mastodon\.social|t\.me|telegram\.me|vk\.com|ok\.ru|wa\.me|whatsapp\.com|flipboard\.com|tumblr\.com|getpocket\.com|gettyimages\.[a-z.]+|shutterstock\.com|apimages\.com|alamy\.com|unsplash\.com|istockphoto\.com|pexels\.com|pixabay\.com|flickr\.com|depositphotos\.com|dreamstime\.com|creativecommons\.org|addtoany\.com|sharethis\.com|feedburner\.com|feeds\.feedburner\.com)$/i;

function excludedHost(hostname: string): boolean {
  return EXCLUDED_HOSTS.test(hostname);
}

// ---- Credit lines -------------------------------------------------------------------

/**
 * Phrasings that say where the whole text first ran, anywhere in a short block with a link.
 * Each names the text ("this article") or opens the line, so that prose ("the song first
 * appeared on …") is not read as a credit.
 */
const STRONG = [
  /^\W{0,3}(?:this (?:article|story|post|piece) )?(?:was )?(?:originally|first) (?:published|appeared|posted|ran)\b/i,
  /\b(?:article|story|post|piece|report|essay|column|op-?ed|interview|commentary|analysis|version|blog)\b[^.!?]{0,60}\b(?:originally|first|previously|initially)\b[^.!?]{0,20}\b(?:published|appeared|posted|ran)\b/i,
  // "Republished from", never "reprinted on/by …": that is the original saying where it went.
  /\b(?:republished|reprinted|reposted|cross-?posted)\b[^.!?]{0,40}\b(?:from|with (?:the )?permission|courtesy of)\b/i,
  /\bread the original(?: article| story| post)?\b/i,
  // WordPress's feed footer, kept by the sites that republish feeds: "The post <a>…</a> appeared first on <a>…</a>."
  /\b(?:appeared|was published) first (?:on|in|at)\b/i,
  /\b(?:read|continue reading) (?:the )?(?:full|complete|whole|rest of the) (?:article|story|post)\b[^.!?]{0,10}\b(?:at|on)\b/i,
  // French, German, Spanish/Portuguese, Italian, Russian: the common phrasings only.
  /\b(?:publi[ée]e? (?:initialement|originellement|d'abord)|initialement publi[ée]|paru (?:initialement|d'abord)|article original)\b/i,
  /\b(?:zuerst|erstmals|ursprünglich) (?:erschienen|veröffentlicht)\b/i,
  /\b(?:publicad[oa] (?:originalmente|originariamente|inicialmente|primero)|originalmente publicad[oa]|apareci[óo] (?:originalmente|primero)|art[íi]culo original)\b/i,
  /\bpubblicat[oa] (?:originariamente|originalmente|inizialmente)\b/i,
  /(?:впервые|первоначально|изначально) (?:опубликован|опубликована|вышла|вышел)|оригинал статьи/i,
];

/** A label right before the link: "Source: <a>", "via <a>", "Quelle: <a>", "Источник: <a>". */
const LABEL = /(?:^|[\s([|—–-])(?:sources?|via|quelle|fuente|fonte|origen|источник|оригинал|первоисточник)\s*:?\s*$/i;

/** Labels credit a picture, a chart or figures, not the text, after these words. */
const NOT_THE_TEXT =
  /\b(?:photo|image|picture|video|graphic|illustration|map|chart|data|figures?|foto|bild|imagen|фото)/i;
/** A label opens its line: at most this much text before it ("Story via", "(Source:"). */
const MAX_BEFORE_LABEL = 40;

/** A strong credit line is short; a longer block is prose or a whole article. */
const MAX_STRONG_CHARS = 600;
/** A label line is shorter still: "Source: Reuters" or a caption-like line. */
const MAX_LABEL_CHARS = 200;
/** Links looked at on a page, in order (a hostile page could hold millions). */
const MAX_LINKS = 5000;

const BLOCK = new Set([
  'P',
  'LI',
  'DIV',
  'FOOTER',
  'ASIDE',
  'SECTION',
  'ARTICLE',
  'BLOCKQUOTE',
  'TD',
  'DD',
  'DT',
  'ADDRESS',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BODY',
  'MAIN',
  'HEADER',
  'FIGCAPTION',
  'FIGURE',
  'NAV',
  'TABLE',
  'UL',
  'OL',
]);

interface CreditLine {
  readonly href: string;
  readonly text: string;
}

function creditLines(doc: Document): CreditLine[] {
  const out: CreditLine[] = [];
  // Many links share a block: its text and verdict are worked out once.
  const texts = new Map<Element, string>();
  const textOf = (block: Element): string => {
    let text = texts.get(block);
    if (text === undefined) {
      text = tidyWhitespace(block.textContent ?? '');
      texts.set(block, text);
    }
    return text;
  };
  const strongBlocks = new Map<Element, boolean>();
  const isStrong = (block: Element, text: string): boolean => {
    let strong = strongBlocks.get(block);
    if (strong === undefined) {
      strong = text.length <= MAX_STRONG_CHARS && STRONG.some((pattern) => pattern.test(text));
      strongBlocks.set(block, strong);
    }
    return strong;
  };
  const links = Array.from(doc.body?.querySelectorAll('a[href]') ?? []).slice(0, MAX_LINKS);
  for (const link of links) {
    const block = blockOf(link);
    if (!block) continue;
    const text = textOf(block);
    if (text.length === 0 || text.length > MAX_STRONG_CHARS || outsideText(link)) continue;
    const href = link.getAttribute('href') ?? '';
    if (isStrong(block, text)) {
      out.push({ href, text });
      continue;
    }
    if (text.length > MAX_LABEL_CHARS) continue;
    const before = textBefore(block, link);
    const label = LABEL.exec(before);
    // "Via SyndiGate.info": a distributor's home page is not where the text first ran.
    if (label && label.index <= MAX_BEFORE_LABEL && !NOT_THE_TEXT.test(before) && !isHomePage(href)) {
      out.push({ href, text });
    }
  }
  // "This article originally appeared in Grist at https://grist.org/…": an address written out.
  const written = Array.from(doc.body?.querySelectorAll('p, li, footer, aside, blockquote, small') ?? []);
  for (const block of written.slice(0, MAX_LINKS)) {
    const text = textOf(block);
    if (!text.includes('http') || !isStrong(block, text) || outsideText(block)) continue;
    for (const match of text.matchAll(/\bhttps?:\/\/[^\s<>"'()]+[^\s<>"'().,;:!?]/gi))
      out.push({ href: match[0], text });
  }
  return out;
}

/** Photo captions credit pictures; menus are not the text. */
function outsideText(element: Element): boolean {
  return element.closest('figure, figcaption, nav, [role="navigation"]') !== null;
}

/** The nearest block-level ancestor of a link. */
function blockOf(link: Element): Element | null {
  let node: Element | null = link.parentElement;
  while (node && !BLOCK.has(node.tagName.toUpperCase())) node = node.parentElement;
  return node;
}

/** The block's text before the link, tidied (the label's place). Iterative: a page's nesting can be deep. */
function textBefore(block: Element, link: Element): string {
  let text = '';
  const stack: Node[] = [block];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === link) break;
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push(child);
  }
  return tidyWhitespace(text);
}

// ---- JSON-LD --------------------------------------------------------------------------

function readJsonLd(doc: Document, add: (href: string | undefined, how: CreditHow) => void): void {
  const nodes = jsonLdNodes(doc);
  const articles = nodes.filter(isArticleNode);
  const described = articles.length > 0 ? articles : nodes.filter((n) => list(n['@type']).includes('WebPage'));
  for (const node of described) {
    for (const value of [...list(node['isBasedOn']), ...list(node['isBasedOnUrl'])])
      add(urlOf(value), 'json-ld-isBasedOn');
    for (const value of list(node['sourceOrganization'])) add(urlOf(value), 'json-ld-sourceOrganization');
    for (const value of list(node['citation'])) add(urlOf(value), 'json-ld-citation');
  }
}

function list(value: Json | undefined): Json[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A URL given as a string, or an object's `url` (or `@id` when it is a URL). */
function urlOf(value: Json): string | undefined {
  if (typeof value === 'string') return /^https?:\/\//i.test(value.trim()) ? value : undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const node = value as JsonLdNode;
  const url = list(node['url'])[0];
  if (typeof url === 'string') return url;
  const id = node['@id'];
  return typeof id === 'string' && /^https?:\/\//i.test(id) && !id.includes('#') ? id : undefined;
}
