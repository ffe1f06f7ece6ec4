// Which containers of the article are site chrome (share bars, related links, comment
// sections)? A scored decision: link density, the block's share of the text and its
// position count; class and id names are one weak signal among them, and no signal
// can drop a block that holds most of the text. Names alone once dropped whole articles:
// WordPress puts `tag-…` classes on <article>, and share widgets lend their names to
// the containers around the text.

/** Class or id words of site chrome. Matched as whole words of a class or id. */
const CHROME_WORDS =
  /(?:^|[\s_-])(?:share|sharing|social|follow|newsletter|subscribe|related|recirc|teaser|promo|advert|ad-slot|sponsor|comments?|comment-form|respond|breadcrumbs?|tags?|nav|menu|toolbar|print-only)(?:$|[\s_-])/i;
/** A block holding this share of the text is the article, whatever it is called. */
const MOST_OF_THE_TEXT = 0.5;
const DROP_AT = 1.5;

interface Extent {
  /** Non-space characters of text before the element, within the root. */
  readonly start: number;
  readonly length: number;
  readonly linkLength: number;
}

export interface ChromeJudge {
  isChrome(element: Element): boolean;
  /** Non-space characters of text under the element (0 for elements outside the root). */
  textLength(element: Element): number;
  linkDensity(element: Element): number;
}

/** Measures every element under `root` once, then judges containers on those figures. */
export function judgeChrome(root: Element): ChromeJudge {
  const extents = new Map<Element, Extent>();
  let offset = 0;
  const measure = (element: Element, inLink: boolean): number => {
    const start = offset;
    const link = inLink || element.tagName.toUpperCase() === 'A';
    let linkLength = 0;
    const tag = element.tagName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') {
      extents.set(element, { start, length: 0, linkLength: 0 });
      return 0;
    }
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        const length = countVisible(node.textContent ?? '');
        offset += length;
        if (link) linkLength += length;
      } else if (node.nodeType === 1) {
        linkLength += measure(node as Element, link);
      }
    }
    extents.set(element, { start, length: offset - start, linkLength });
    return linkLength;
  };
  measure(root, false);
  const total = Math.max(1, offset);

  const score = (element: Element): number => {
    const extent = extents.get(element);
    if (!extent || extent.length === 0) return 0;
    const share = extent.length / total;
    if (share >= MOST_OF_THE_TEXT) return -Infinity;
    let points = 0;
    if (namesChrome(element)) points += 1;
    if (isLandmark(element)) points += 1.5;
    if (extent.linkLength / extent.length >= 0.5) points += 1;
    // Little text after it: boxes that follow the body (comments, related, share bars).
    if (total - (extent.start + extent.length) < 0.1 * total) points += 0.5;
    if (share < 0.05) points += 0.5;
    else if (share >= 0.25) points -= 1;
    return points;
  };

  return {
    isChrome: (element) => score(element) >= DROP_AT,
    textLength: (element) => extents.get(element)?.length ?? 0,
    linkDensity: (element) => {
      const extent = extents.get(element);
      return extent && extent.length ? extent.linkLength / extent.length : 0;
    },
  };
}

function namesChrome(element: Element): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return names.trim().length > 0 && CHROME_WORDS.test(names);
}

function isLandmark(element: Element): boolean {
  const role = element.getAttribute('role');
  return role === 'navigation' || role === 'complementary' || element.getAttribute('aria-hidden') === 'true';
}

function countVisible(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 160 && c !== 12) count += 1;
  }
  return count;
}
