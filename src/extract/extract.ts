import { Readability } from '@mozilla/readability';
import { tidyWhitespace } from '../text/normalize';
import { splitParagraphs } from '../text/paragraphs';
import type { Article } from './article';

// The only DOM-facing module of the pipeline. It takes a Document (the page's own in
// the browser, linkedom's in Node) and never touches browser APIs.

/** Blocks whose text is one paragraph. Headings are kept: a repost's lines often are. */
const BLOCKS = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGCAPTION', 'TD', 'DD', 'DT']);
/** Class or id words of site chrome: share bars, follow buttons, teasers, comment forms. */
const CHROME =
  /(?:^|[\s_-])(?:share|sharing|social|follow|newsletter|subscribe|related|recirc|teaser|promo|advert|ad-slot|sponsor|comment-form|respond|breadcrumb|tags?|nav|menu|toolbar|print-only)(?:$|[\s_-])/i;
/** A block that is mostly link text is a teaser or a menu, not running text. */
const MAX_LINK_DENSITY = 0.6;

/** Reads the article out of a page. Works on a clone: the page itself is never changed. */
export function extractArticle(doc: Document, url = ''): Article {
  const meta = pageMeta(doc, url);
  const clone = doc.cloneNode(true) as Document;
  let parsed: ReturnType<Readability<Element>['parse']>;
  try {
    parsed = new Readability<Element>(clone, { keepClasses: true, serializer: (node) => node as Element }).parse();
  } catch {
    parsed = null; // malformed pages fall back to the page's own paragraphs below
  }
  const root = parsed?.content ?? doc.body ?? doc.documentElement;
  const paragraphs = root ? blockTexts(root) : [];
  const kept = new Set(paragraphs);
  const everything = doc.body ? blockTexts(doc.body, false) : [];
  return {
    title: tidyWhitespace(parsed?.title ?? doc.title ?? ''),
    byline: tidyWhitespace(parsed?.byline ?? ''),
    siteName: tidyWhitespace(parsed?.siteName ?? meta.siteName),
    url: meta.url,
    paragraphs,
    outside: everything.filter((text) => !kept.has(text)),
  };
}

function pageMeta(doc: Document, url: string): { url: string; siteName: string } {
  const attr = (selector: string, name: string): string =>
    doc.querySelector(selector)?.getAttribute(name)?.trim() ?? '';
  const canonical = attr('link[rel="canonical"]', 'href') || attr('meta[property="og:url"]', 'content');
  return {
    url: /^https?:\/\//i.test(canonical) ? canonical : url,
    siteName: attr('meta[property="og:site_name"]', 'content'),
  };
}

/**
 * The text of each paragraph-level block under `root`, in document order; without
 * `filter`, chrome and link-heavy blocks are kept too.
 */
function blockTexts(root: Element, filter = true): string[] {
  const out: string[] = [];
  const push = (element: Element): void => (filter ? pushBlock(element, out) : pushText(element, out));
  const visit = (element: Element): void => {
    if (filter && isChrome(element)) return;
    const tag = element.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT' || tag === 'TEMPLATE') return;
    const nested = BLOCKS.has(tag) && hasBlockChild(element);
    if (BLOCKS.has(tag) && !nested) {
      push(element);
      return;
    }
    if (!BLOCKS.has(tag) && hasOwnText(element)) {
      // A div holding bare text (and inline elements) is a paragraph too.
      push(element);
      return;
    }
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(root);
  return out;
}

/**
 * A block's paragraphs. Line breaks (<br>, or the new lines of a <pre>) inside a block
 * separate paragraphs the way blank lines and single new lines do in plain text: a
 * page that sets its text as lines in one box still has paragraphs.
 */
function blockParagraphs(element: Element): string[] {
  const parts: string[] = [];
  const preformatted = element.tagName.toUpperCase() === 'PRE';
  const walk = (node: Node): void => {
    if (node.nodeType === 3)
      parts.push(preformatted ? (node.textContent ?? '') : (node.textContent ?? '').replace(/\s+/g, ' '));
    else if (node.nodeType === 1 && (node as Element).tagName.toUpperCase() === 'BR') parts.push('\n');
    else node.childNodes.forEach(walk);
  };
  walk(element);
  const text = parts.join('');
  return text.includes('\n') ? splitParagraphs(text) : [tidyWhitespace(text)].filter(Boolean);
}

function pushText(element: Element, out: string[]): void {
  out.push(...blockParagraphs(element));
}

function pushBlock(element: Element, out: string[]): void {
  const text = tidyWhitespace(element.textContent ?? '');
  if (!text) return;
  const linkText = Array.from(element.querySelectorAll('a')).reduce(
    (sum, a) => sum + tidyWhitespace(a.textContent ?? '').length,
    0,
  );
  if (linkText / text.length > MAX_LINK_DENSITY) return;
  out.push(...blockParagraphs(element));
}

function isChrome(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (names.trim() && CHROME.test(names)) return true;
  const role = element.getAttribute('role');
  return role === 'navigation' || role === 'complementary' || element.getAttribute('aria-hidden') === 'true';
}

function hasBlockChild(element: Element): boolean {
  return Array.from(element.children).some(
    (child) => BLOCKS.has(child.tagName.toUpperCase()) || child.tagName === 'DIV',
  );
}

function hasOwnText(element: Element): boolean {
  for (const node of Array.from(element.childNodes)) {
    if (node.nodeType === 3 && (node.textContent ?? '').trim().length > 0) return true;
  }
  return false;
}
