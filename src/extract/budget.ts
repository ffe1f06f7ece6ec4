// Budgets for extraction: a hostile or huge page gets a "too large to check" answer
// quickly instead of stalling the checker. Every limit is checked before the costly
// step it protects (parsing, Readability, alignment downstream).

/** Why a page was not checked. */
export type TooLargeReason = 'markup' | 'elements' | 'depth' | 'paragraphs' | 'words';

/** A page over one of the extraction limits: it is not checked, and says why. */
export interface TooLarge {
  readonly reason: TooLargeReason;
  /** The limit that was passed, and how much the page had (a lower bound when counting stopped early). */
  readonly limit: number;
  readonly found: number;
}

export interface ExtractionLimits {
  /** Characters of HTML read at all, scripts included (Node only: the browser has parsed the page). */
  readonly maxPageChars: number;
  /** Characters of HTML parsed once scripts, styles and SVG are cut out (Node only). */
  readonly maxMarkupChars: number;
  /** Elements in the page, scripts, styles and SVG left out. */
  readonly maxElements: number;
  /** Nesting depth of elements. Deep trees make parsers and Readability slow. */
  readonly maxDepth: number;
  /** Paragraph-level elements (p, li, td, headings…) of the page. */
  readonly maxParagraphs: number;
  /** Words of the page's text (a long novel has 100,000). */
  readonly maxWords: number;
}

// Measured on the 2-core reference machine with linkedom (bench/extraction.ts): parse,
// Readability and block walks take about 2 s on 5,000 paragraphs, Readability about
// 0.5 s at depth 128 and 2 s at depth 256. The 181 real pages of the extraction set
// have at most about 1,600 elements (scripts and SVG left out) and depth 50.
export const EXTRACTION_LIMITS: ExtractionLimits = {
  maxPageChars: 64_000_000,
  maxMarkupChars: 10_000_000,
  maxElements: 12_000,
  maxDepth: 128,
  maxParagraphs: 2_000,
  maxWords: 100_000,
};

/** The words for it are the report's (`tooLargeSaid`, src/report/wording.ts), in the reader's language. */
export const tooLarge = (reason: TooLargeReason, limit: number, found: number): TooLarge => ({ reason, limit, found });

/**
 * Counts elements, paragraphs and the deepest nesting under `root`, stopping as soon
 * as one passes its limit, so a hostile page costs at most `maxElements` steps.
 */
export function checkTree(root: Element, limits: ExtractionLimits): TooLarge | null {
  let elements = 0;
  let paragraphs = 0;
  // Iterative walk over first-child / next-sibling links: no recursion, no arrays of children.
  let node: Element | null = root;
  let depth = 0;
  while (node) {
    elements += 1;
    if (elements > limits.maxElements) return tooLarge('elements', limits.maxElements, elements);
    if (depth > limits.maxDepth) return tooLarge('depth', limits.maxDepth, depth);
    const tag = node.tagName.toUpperCase();
    if (PARAGRAPHS.has(tag) && ++paragraphs > limits.maxParagraphs) {
      return tooLarge('paragraphs', limits.maxParagraphs, paragraphs);
    }
    const child: Element | null = SKIPPED.has(tag) ? null : node.firstElementChild;
    if (child) {
      node = child;
      depth += 1;
      continue;
    }
    while (node && node !== root && !node.nextElementSibling) {
      node = node.parentElement;
      depth -= 1;
    }
    node = node && node !== root ? node.nextElementSibling : null;
  }
  return null;
}

const PARAGRAPHS = new Set(['P', 'LI', 'TD', 'DD', 'DT', 'PRE', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Subtrees that hold no article text and are not counted (icons, code, templates). */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'SVG', 'TEMPLATE']);
