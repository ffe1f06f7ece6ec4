// Precision on honest pages whose siblings are in the corpus: each tenth of the bundled
// corpus checked against the other nine tenths, for all ten tenths (docs/matching.md).
// Every "repost" or "rewritten" is an honest original accused of copying a sibling. Each page is checked
// as text, as an HTML page, and as the same page giving its publication date in JSON-LD.
//   npx tsx scripts/held-out-siblings.ts [--jsonl reports.jsonl] [tenth ...]     (about a minute a tenth)
// --jsonl writes every report (not only the accusations), one JSON line each, so that a
// refactor can be shown to leave them byte-identical.
import { appendFileSync, writeFileSync } from 'node:fs';
import { buildCorpusIndex } from '../src/corpus/corpus-index';
import { deserializeIndex, serializeIndex } from '../src/corpus/index-file';
import type { OriginalRecord } from '../src/corpus/records';
import { articleFromText } from '../src/extract/article';
import { articleFromHtml } from '../src/extract/parse-html';
import { analyzeArticle } from '../src/check/analyze';
import type { Report } from '../src/report/report';
import { bundledOriginals, originalPage } from '../tests/support/corpus';

const originals = bundledOriginals();
const args = process.argv.slice(2);
const jsonlAt = args.indexOf('--jsonl');
const jsonl = jsonlAt >= 0 ? args.splice(jsonlAt, 2)[1] : undefined;
if (jsonl !== undefined) writeFileSync(jsonl, '');
const tenths = args.length > 0 ? args.map(Number) : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const total = { pages: 0, text: 0, translated: 0, rewritten: 0, html: 0, dated: 0 };
console.log(
  'tenth | pages | accused as text | of them machine translated | of them rewritten | as HTML | as HTML with its date',
);
for (const tenth of tenths) {
  const heldOut = originals.filter((_, i) => i % 10 === tenth);
  // Through the file format, as a list or the bundled index is read.
  const built = buildCorpusIndex(originals.filter((_, i) => i % 10 !== tenth));
  const index = deserializeIndex(serializeIndex(built, { built: '2026-01-01' }));
  const accused = (as: string, check: (o: OriginalRecord) => Report): Report[] => {
    const reports = heldOut.map(check);
    if (jsonl !== undefined) {
      const lines = reports.map((report, i) => JSON.stringify({ tenth, as, id: heldOut[i]!.id, report }));
      appendFileSync(jsonl, lines.map((line) => `${line}\n`).join(''));
    }
    // A repost, or rewritten from a sibling: either says the page is another's text.
    return reports.filter((r) => r.verdict === 'repost' || r.verdict === 'rewritten');
  };
  const asText = accused('text', (o) => analyzeArticle(articleFromText(`${o.title}\n\n${o.text}`), index).report);
  const text = asText.length;
  const translated = asText.filter((r) => r.findings.some((f) => f.kind === 'machine-translation')).length;
  const rewritten = asText.filter((r) => r.verdict === 'rewritten').length;
  const html = accused('html', (o) => analyzeArticle(articleFromHtml(originalPage(o, false)), index).report).length;
  const dated = accused('dated', (o) => analyzeArticle(articleFromHtml(originalPage(o, true)), index).report).length;
  console.log(`${tenth} | ${heldOut.length} | ${text} | ${translated} | ${rewritten} | ${html} | ${dated}`);
  total.pages += heldOut.length;
  total.text += text;
  total.translated += translated;
  total.rewritten += rewritten;
  total.html += html;
  total.dated += dated;
}
console.log(
  `all | ${total.pages} | ${total.text} | ${total.translated} | ${total.rewritten} | ${total.html} | ${total.dated}`,
);
