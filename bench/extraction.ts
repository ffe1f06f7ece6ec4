// `npx tsx bench/extraction.ts`: word F1 of our extraction and of Readability alone on
// each saved page of tests/fixtures/extraction, as a table, then the means and the
// pages where we do worst. Not a test; tests/unit/extraction-quality.test.ts asserts.
import { articleFromHtml } from '../src/extract/parse-html';
import { wordF1 } from '../src/extract/word-f1';
import { extractionPages, readabilityText } from '../tests/fixtures/extraction/pages';

// Budgets (issue 9): hostile pages and pages just under the limits, one at a time.
// Strings are flattened first (a file read gives a flat string; `repeat` gives a rope).
const sentence = 'The council met on Tuesday to discuss the budget for the coming year and the new roads. ';
const budgetPages: Record<string, () => string> = {
  '200,000 nested divs': () => `<html><body>${'<div>'.repeat(200_000)}x${'</div>'.repeat(200_000)}</body></html>`,
  '1,000,000 tiny paragraphs': () => `<html><body>${'<p>a</p>'.repeat(1_000_000)}</body></html>`,
  '39 MB of paragraphs': () => `<html><body>${`<p>${sentence}</p>`.repeat(400_000)}</body></html>`,
  '39 MB of scripts': () =>
    `<html><head>${'<script>var s = "<p>";</script>'.repeat(1_300_000)}</head><body></body></html>`,
  '1,999 paragraphs, 65,000 words (under)': () =>
    `<html><body><article>${`<p>${sentence}${sentence.slice(0, 60)}</p>`.repeat(1_999)}</article></body></html>`,
  'depth 120 (under)': () =>
    `<html><body>${'<div><p>Words here.</p>'.repeat(120)}${'</div>'.repeat(120)}</body></html>`,
};
/** Run first, on a fresh heap, so the memory figures are the page's own. */
function budgets(): void {
  console.log('| budget page | MB | ms | heap growth MB | answer |');
  console.log('|---|---|---|---|---|');
  for (const [name, make] of Object.entries(budgetPages)) {
    const html = Buffer.from(make()).toString();
    const before = process.memoryUsage().heapUsed;
    const start = performance.now();
    const article = articleFromHtml(html);
    const ms = performance.now() - start;
    const growth = (process.memoryUsage().heapUsed - before) / 1e6;
    const answer = article.tooLarge
      ? `too large: ${article.tooLarge.reason}`
      : `${article.paragraphs.length} paragraphs`;
    console.log(
      `| ${name} | ${(html.length / 1e6).toFixed(1)} | ${ms.toFixed(0)} | ${growth.toFixed(0)} | ${answer} |`,
    );
  }
  console.log('');
}

const pages = extractionPages();
// Warm the JIT on real pages first: a cold first call costs two to three times more.
for (const page of pages.slice(0, 5)) articleFromHtml(page.html);
budgets();

interface Row {
  id: string;
  system: string;
  dataset: string;
  ours: number;
  readability: number;
  oursMs: number;
  readabilityMs: number;
  url: string;
}

const rows: Row[] = [];
for (const page of pages) {
  let start = performance.now();
  const ours = wordF1(articleFromHtml(page.html, page.url).paragraphs.join('\n'), page.expected).f1;
  const oursMs = performance.now() - start;
  start = performance.now();
  const readability = wordF1(readabilityText(page.html), page.expected).f1;
  rows.push({ ...page, ours, readability, oursMs, readabilityMs: performance.now() - start });
}

const f = (n: number): string => n.toFixed(3);
console.log('| page | system | F1 ours | F1 Readability | ms ours | ms Readability |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  console.log(
    `| ${row.id} | ${row.system} | ${f(row.ours)} | ${f(row.readability)} | ${row.oursMs.toFixed(0)} | ${row.readabilityMs.toFixed(0)} |`,
  );
}
for (const dataset of new Set(rows.map((row) => row.dataset))) {
  const group = rows.filter((row) => row.dataset === dataset);
  const avg = (pick: (row: Row) => number): number => group.reduce((sum, row) => sum + pick(row), 0) / group.length;
  console.log(
    `| mean of ${group.length} (${dataset}) | | ${f(avg((r) => r.ours))} | ${f(avg((r) => r.readability))} | ${avg((r) => r.oursMs).toFixed(0)} | ${avg((r) => r.readabilityMs).toFixed(0)} |`,
  );
}
console.log('\nWorst against Readability:');
for (const row of [...rows].sort((a, b) => a.ours - a.readability - (b.ours - b.readability)).slice(0, 10)) {
  console.log(`  ${row.id} ours ${f(row.ours)} Readability ${f(row.readability)} ${row.url}`);
}
console.log('\nWorst overall:');
for (const row of [...rows].sort((a, b) => a.ours - b.ours).slice(0, 10)) {
  console.log(`  ${row.id} ours ${f(row.ours)} Readability ${f(row.readability)} ${row.url}`);
}
