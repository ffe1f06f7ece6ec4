import { type ExtractionLimits, type TooLarge, tooLarge } from './budget';

// One pass over the HTML text before parsing it. linkedom's parse time grows with the
// square of the nesting depth and its memory with the element count, so both are
// estimated here and a hostile page is refused before it is parsed. Scripts, styles
// and SVG are cut out on the way (JSON-LD scripts are kept for the metadata): they hold
// no article text and are most of the markup of many pages.

/** Elements the parser closes by itself: they do not add to the estimated depth. */
const NO_DEPTH = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'thead', 'tbody', 'tfoot', 'colgroup', 'param',
]); // prettier-ignore
/** Elements whose content is not markup the article needs. */
const CUT = new Set(['script', 'style', 'svg', 'template']);
/** Estimates drift on sloppy markup (unclosed divs); refuse only far beyond the real limit. */
const DEPTH_SLACK = 2;

export type MarkupScan = { readonly html: string } | { readonly tooLarge: TooLarge };

export function scanMarkup(html: string, limits: ExtractionLimits): MarkupScan {
  if (html.length > limits.maxPageChars) return { tooLarge: tooLarge('markup', limits.maxPageChars, html.length) };
  const kept: string[] = [];
  let from = 0; // start of the markup not yet copied to `kept`
  let keptChars = 0;
  let elements = 0;
  let depth = 0;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    const closing = next === 47; // '/'
    const name = tagName(html, closing ? i + 2 : i + 1);
    if (!name) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const end = html.indexOf('>', i);
    if (end < 0) break;
    if (closing) {
      if (!NO_DEPTH.has(name)) depth = Math.max(0, depth - 1);
      i = html.indexOf('<', end + 1);
      continue;
    }
    elements += 1; // cut elements count too: a million empty scripts is hostile as well
    if (elements > limits.maxElements) return { tooLarge: tooLarge('elements', limits.maxElements, elements) };
    if (CUT.has(name) && !(name === 'script' && /application\/ld\+json/i.test(html.slice(i, end)))) {
      const close = closeTag(html, name, end + 1);
      kept.push(html.slice(from, i));
      keptChars += i - from;
      if (keptChars > limits.maxMarkupChars) break; // refused below, once
      from = close;
      i = html.indexOf('<', close);
      continue;
    }
    if (!NO_DEPTH.has(name) && html.charCodeAt(end - 1) !== 47) {
      depth += 1;
      const cap = limits.maxDepth * DEPTH_SLACK;
      if (depth > cap) return { tooLarge: tooLarge('depth', limits.maxDepth, depth) };
    }
    // Raw-text content (a JSON-LD script) is skipped whole: its '<' are not tags.
    i = html.indexOf('<', name === 'script' || name === 'textarea' ? closeTag(html, name, end + 1) - 1 : end + 1);
  }
  kept.push(html.slice(from));
  const markup = kept.length === 1 ? html : kept.join('');
  if (markup.length > limits.maxMarkupChars)
    return { tooLarge: tooLarge('markup', limits.maxMarkupChars, markup.length) };
  return { html: markup };
}

function tagName(html: string, at: number): string {
  let end = at;
  while (end < html.length && end - at < 32) {
    const c = html.charCodeAt(end) | 32; // lower case for letters
    const letter = c >= 97 && c <= 122;
    const digitOrDash = (c >= 48 && c <= 57) || c === 45; // '|32' leaves digits and '-' as they are
    if (!letter && !(end > at && digitOrDash)) break;
    end += 1;
  }
  return end > at ? html.slice(at, end).toLowerCase() : '';
}

/** The index just past `</name…>` from `from`, or the end of the text when it is never closed. */
function closeTag(html: string, name: string, from: number): number {
  for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() !== name) continue;
    const after = html.charCodeAt(at + 2 + name.length);
    if (after !== 62 && after !== 32 && after !== 9 && after !== 10 && after !== 13) continue; // '>' or space
    const end = html.indexOf('>', at);
    return end < 0 ? html.length : end + 1;
  }
  return html.length;
}
