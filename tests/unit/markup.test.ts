// The pass over a page's HTML before it is parsed (src/extract/markup.ts): scripts, styles
// and SVG cut out, JSON-LD kept, hostile markup refused. On a real New York Times page of
// the extraction set and on made-up hostile pages.
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { EXTRACTION_LIMITS, type ExtractionLimits } from '../../src/extract/budget';
import { scanMarkup } from '../../src/extract/markup';
import { extractionPageHtml } from '../support/extraction';

const NYT = extractionPageHtml('04a6711caa7c');
const scanned = (html: string, limits: ExtractionLimits = EXTRACTION_LIMITS): string => {
  const scan = scanMarkup(html, limits);
  if (!('html' in scan)) throw new Error(`too large: ${scan.tooLarge.reason}`);
  return scan.html;
};
const refused = (html: string, limits: Partial<ExtractionLimits>): string | undefined => {
  const scan = scanMarkup(html, { ...EXTRACTION_LIMITS, ...limits });
  return 'tooLarge' in scan ? scan.tooLarge.reason : undefined;
};
const count = (html: string, pattern: RegExp): number => html.match(pattern)?.length ?? 0;
const paragraphs = (html: string): string[] =>
  [...parseHTML(html).document.querySelectorAll('p')].map((p) => (p.textContent ?? '').trim());
const jsonLd = (html: string): string[] =>
  [...html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]!);

describe('scanMarkup on a real page', () => {
  const html = scanned(NYT);

  it('cuts out scripts, styles and SVG', () => {
    expect(count(NYT, /<svg/gi)).toBeGreaterThan(10);
    expect(count(NYT, /<script/gi)).toBeGreaterThan(10);
    expect(count(html, /<svg/gi)).toBe(0);
    expect(count(html, /<style/gi)).toBe(0);
    expect(html.length).toBeLessThan(NYT.length / 2);
  });

  it('keeps the JSON-LD scripts whole, for the metadata', () => {
    expect(jsonLd(NYT).length).toBe(1);
    expect(jsonLd(html)).toEqual(jsonLd(NYT));
    expect(count(html, /<script/gi)).toBe(1);
  });

  it('keeps every paragraph of the page', () => {
    const before = paragraphs(NYT);
    expect(before.length).toBeGreaterThan(10);
    expect(paragraphs(html)).toEqual(before);
  });

  it('returns the markup itself when there is nothing to cut', () => {
    const plain = '<html><body><p>One paragraph.</p><!-- a comment --><p>Two.</p></body></html>';
    expect(scanned(plain)).toBe(plain);
  });
});

describe('scanMarkup refuses hostile markup before it is parsed', () => {
  const nested = (depth: number, tag = 'div'): string =>
    `<html><body>${`<${tag}>`.repeat(depth)}text${`</${tag}>`.repeat(depth)}</body></html>`;

  it('a page longer than the limit', () => {
    expect(refused(NYT, { maxPageChars: NYT.length - 1 })).toBe('markup');
    expect(refused(NYT, { maxPageChars: NYT.length })).toBeUndefined();
  });

  it('markup still too long once scripts are cut', () => {
    const cut = scanned(NYT).length;
    expect(refused(NYT, { maxMarkupChars: cut - 1 })).toBe('markup');
    expect(refused(NYT, { maxMarkupChars: cut })).toBeUndefined();
  });

  it('too many elements, scripts counted', () => {
    expect(refused(`<html><body>${'<p>x</p>'.repeat(200)}</body></html>`, { maxElements: 100 })).toBe('elements');
    expect(refused(`<html><body>${'<script></script>'.repeat(200)}</body></html>`, { maxElements: 100 })).toBe(
      'elements',
    );
    expect(refused(`<html><body>${'<p>x</p>'.repeat(90)}</body></html>`, { maxElements: 100 })).toBeUndefined();
  });

  it('nesting deeper than twice the depth limit, and no less', () => {
    const scan = scanMarkup(nested(300), { ...EXTRACTION_LIMITS, maxDepth: 128 });
    expect('tooLarge' in scan && scan.tooLarge.reason).toBe('depth');
    expect(refused(nested(250), { maxDepth: 128 })).toBeUndefined();
  });

  it('not counting elements the parser closes by itself, void ones, comments or tags inside JSON-LD', () => {
    expect(refused(nested(300, 'p'), { maxDepth: 128 })).toBeUndefined();
    expect(refused(`<html><body>${'<br><img src="x"><hr/>'.repeat(300)}</body></html>`, { maxDepth: 10 })).toBe(
      undefined,
    );
    expect(refused(`<html><body><!-- ${'<div>'.repeat(300)} --></body></html>`, { maxDepth: 10 })).toBeUndefined();
    const ld = `<script type="application/ld+json">{"a":"${'<div>'.repeat(300)}"}</script>`;
    expect(refused(`<html><head>${ld}</head><body><p>x</p></body></html>`, { maxDepth: 10 })).toBeUndefined();
  });

  it('cuts an unclosed script to the end of the page', () => {
    expect(scanned('<html><body><p>Kept.</p><script>var a = "<p>not kept</p>";')).toBe('<html><body><p>Kept.</p>');
  });
});
