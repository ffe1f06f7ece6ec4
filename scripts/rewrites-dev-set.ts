// The development set of rewritten copies (tests/fixtures/rewrites) checked against the
// bundled corpus: how each style is judged, as a table (docs/matching.md, "Retellings").
//   npx tsx scripts/rewrites-dev-set.ts [-v]
import { readFileSync } from 'node:fs';
import { analyzeArticle } from '../src/check/analyze';
import { deserializeIndex } from '../src/corpus/index-file';
import { articleFromText } from '../src/extract/article';
import { REWRITE_STYLES, rewrites } from '../tests/support/rewrites';

const index = deserializeIndex(new Uint8Array(readFileSync(new URL('../public/corpus.rrx', import.meta.url))));
const verbose = process.argv.includes('-v');
console.log(
  'style | rewrites | rewritten, right original | repost, right original | original | unrelated | wrong original',
);
console.log('--- | --- | --- | --- | --- | --- | ---');
for (const style of REWRITE_STYLES) {
  const tally = { rewritten: 0, repost: 0, original: 0, unrelated: 0, wrong: 0 };
  const all = rewrites(style);
  for (const { id, text } of all) {
    const { report } = analyzeArticle(articleFromText(text), index);
    const { verdict } = report;
    if (report.match && report.match.id !== id) tally.wrong++;
    else if (verdict === 'rewritten' || verdict === 'repost' || verdict === 'original') tally[verdict]++;
    else tally.unrelated++;
    if (verbose) console.error(`${style} ${id}: ${verdict} ${report.findings.map((f) => f.kind).join(',')}`);
  }
  const { rewritten, repost, original, unrelated, wrong } = tally;
  console.log(`${style} | ${all.length} | ${rewritten} | ${repost} | ${original} | ${unrelated} | ${wrong}`);
}
