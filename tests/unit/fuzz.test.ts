import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deserializeIndex } from '../../src/corpus/index-file';
import { articleFromHtml } from '../../src/extract/parse-html';
import { analyzeArticle } from '../../src/check/analyze';
import type { Report } from '../../src/report/report';
import { SEED_EXPECTATIONS, seedPage } from '../support/seeds';

// Fuzzing: generated and mutated pages through the whole pipeline (extraction on
// linkedom, then analysis against the bundled corpus). No input may crash it, and
// changes that do not change the text (white space, attributes) must not change the
// verdict. Seeded, so a failure is reproducible from the seed fast-check prints.

const index = deserializeIndex(new Uint8Array(readFileSync(new URL('../../public/corpus.rrx', import.meta.url))));
const seeds = SEED_EXPECTATIONS.map((e) => seedPage(e));
const check = (html: string): Report =>
  analyzeArticle(articleFromHtml(html, 'https://fuzz.example/page'), index).report;
const summary = (r: Report): string =>
  `${r.verdict} ${r.match?.id ?? '-'} ${r.findings
    .map((f) => f.kind)
    .sort()
    .join(',')}`;

const TAGS = ['p', 'div', 'article', 'section', 'span', 'a', 'li', 'ul', 'table', 'td', 'tr', 'pre', 'br', 'script'];
const nasty = fc.constantFrom(
  '\u202e',
  '\u200f',
  '\u200b',
  '\ud800',
  '\udfff',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&lt;script&gt;',
  '<!--',
  ']]>',
  '<![CDATA[',
  '"\'><img src=x onerror=alert(1)>',
  '\u0000',
  'é',
  '中文',
  'مرحبا',
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.lorem({ maxCount: 30 }), nasty);
const attribute = fc
  .tuple(fc.constantFrom('class', 'id', 'style', 'data-x', 'title', 'hidden'), text)
  .map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`);
/** Random markup: nested elements with attributes and text, unbalanced tags allowed. */
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(fc.constantFrom(...TAGS), fc.array(attribute, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 5 }))
      .map(([tag, attrs, children]) => `<${tag}${attrs.join('')}>${children.join('')}</${tag}>`),
    fc.constantFrom('<p>', '</div>', '<div', '<', '>', '</p></p>', '<br/>'),
  ),
})).node;

type Mutation = (html: string, at: number, value: string) => string;
/** Mutations of a real page: delete, duplicate or move a tag, insert text or markup, cut the page. */
const MUTATIONS: Mutation[] = [
  (html, at) => html.replace(/<[^>]*>/g, (tag, offset: number) => (Math.abs(offset - at) < 40 ? '' : tag)),
  (html, at) => {
    const tag = html.slice(at).match(/<[^>]*>/)?.[0] ?? '';
    return html.slice(0, at) + tag + tag + html.slice(at);
  },
  (html, at, value) => html.slice(0, at) + value + html.slice(at),
  (html, at) => html.slice(0, at),
  (html, at) => {
    const tag = html.slice(at).match(/<[^>]*>/)?.[0] ?? '';
    return tag + html.replace(tag, '');
  },
];
const mutated = fc
  .tuple(
    fc.integer({ min: 0, max: seeds.length - 1 }),
    fc.array(fc.tuple(fc.integer({ min: 0, max: MUTATIONS.length - 1 }), fc.nat(), fc.oneof(text, markup)), {
      minLength: 1,
      maxLength: 6,
    }),
  )
  .map(([s, steps]) =>
    steps.reduce((html, [m, at, value]) => MUTATIONS[m]!(html, at % Math.max(1, html.length), value), seeds[s]!),
  );

describe('fuzzing the pipeline', () => {
  it('never crashes on 8,000 generated pages', () => {
    fc.assert(
      fc.property(markup, fc.array(markup, { maxLength: 6 }), (head, body) => {
        const report = check(`<html><head><title>${head}</title></head><body>${body.join('')}</body></html>`);
        expect(['original', 'repost', 'unrelated', 'not-an-article', 'too-large']).toContain(report.verdict);
      }),
      { numRuns: 8_000, seed: 20261124 },
    );
  }, 600_000);

  it('never crashes on 2,000 mutated real pages (tags deleted, duplicated, moved; text, markup, odd Unicode inserted)', () => {
    fc.assert(
      fc.property(mutated, (html) => {
        expect(typeof check(html).message).toBe('string');
      }),
      { numRuns: 2_000, seed: 20261124 },
    );
  }, 600_000);

  const expected = seeds.map((html) => summary(check(html)));
  it('gives each seed page the same verdict under white-space-only changes', () => {
    const spacing = fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', '\t', '  \n  ', '\r\n')), { maxLength: 20 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: seeds.length - 1 }), spacing, (s, inserts) => {
        // White space goes only between tags, where HTML ignores it.
        const html = inserts.reduce((page, [at]) => {
          const gaps = [...page.matchAll(/>\s*</g)];
          const gap = gaps[at % gaps.length];
          return gap ? `${page.slice(0, gap.index + 1)}\n ${page.slice(gap.index + 1)}` : page;
        }, seeds[s]!);
        expect(summary(check(html))).toBe(expected[s]);
      }),
      { numRuns: 150, seed: 20261124 },
    );
  }, 600_000);

  it('gives each seed page the same verdict under attribute-only changes', () => {
    const names = fc.constantFrom('data-track', 'lang', 'dir', 'data-id', 'title', 'aria-label');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: seeds.length - 1 }),
        fc.array(fc.tuple(fc.nat(), names, fc.string({ maxLength: 20 })), { maxLength: 10 }),
        (s, attrs) => {
          const html = attrs.reduce((page, [at, name, value]) => {
            const tags = [...page.matchAll(/<(p|div|span|a|section|article)\b/g)];
            const tag = tags[at % tags.length];
            if (!tag) return page;
            const end = tag.index + tag[0].length;
            return `${page.slice(0, end)} ${name}="${value.replace(/[<>"&]/g, '')}"${page.slice(end)}`;
          }, seeds[s]!);
          expect(summary(check(html))).toBe(expected[s]);
        },
      ),
      { numRuns: 150, seed: 20261124 },
    );
  }, 600_000);
});
