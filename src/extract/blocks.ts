import { tidyWhitespace } from '../text/normalize';
import { splitParagraphs } from '../text/paragraphs';
import { judgeChrome } from './chrome';

/** Blocks whose text is one paragraph. Headings are kept: a repost's lines often are. */
const BLOCKS = new Set(['P', 'LI', 'BLOCKQUOTE', 'PRE', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGCAPTION', 'TD', 'DD', 'DT']);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
/**
 * A paragraph that is mostly link text is a teaser or a menu item, not running text,
 * unless it is long and has words of its own: digests link each item's first sentence.
 */
const MAX_LINK_DENSITY = 0.6;
const LONG_PARAGRAPH_WORDS = 25;

/** The paragraphs of the article under `root`, site chrome left out. */
export function articleBlocks(root: Element): string[] {
  const judge = judgeChrome(root);
  const keep = (block: Element): boolean => {
    const density = judge.linkDensity(block);
    if (density <= MAX_LINK_DENSITY) return true;
    // A list of tags or teasers has many links; a digest item links one phrase or two.
    if (density >= 0.8 || block.querySelectorAll('a').length > 3) return false;
    return (block.textContent ?? '').split(/\s+/).length >= LONG_PARAGRAPH_WORDS;
  };
  return collect(root, (element) => judge.isChrome(element), keep);
}

/** Every paragraph-level text under `root`, chrome included. */
export function allBlocks(root: Element): string[] {
  return collect(
    root,
    () => false,
    () => true,
  );
}

/** The text of each paragraph-level block under `root`, in document order. */
function collect(root: Element, skip: (element: Element) => boolean, keep: (block: Element) => boolean): string[] {
  const out: string[] = [];
  const push = (element: Element): void => {
    if (keep(element)) out.push(...blockParagraphs(element));
  };
  const visit = (element: Element): void => {
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag) || skip(element)) return;
    const block = BLOCKS.has(tag);
    if (block && !hasBlockChild(element)) return push(element);
    // A div holding bare text (and inline elements) is a paragraph too.
    if (!block && hasOwnText(element)) return push(element);
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) visit(child);
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

function hasBlockChild(element: Element): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.tagName.toUpperCase();
    if (BLOCKS.has(tag) || tag === 'DIV') return true;
  }
  return false;
}

function hasOwnText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && (node.textContent ?? '').trim().length > 0) return true;
  }
  return false;
}
