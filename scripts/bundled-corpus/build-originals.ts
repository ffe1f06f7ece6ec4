// Regenerates corpus/originals.jsonl from openly licensed sources (corpus/SOURCES.md):
// the seed column (kept first, byte for byte), Wikinews 2019-2020, Wikinews 2004-2018
// (toscaData), HHS press releases, FOMC statements and DOJ press releases. Prints what it kept, dropped, and the paragraph
// statistics that show whether paragraph recovery worked.
//
// Needs the five repositories in the fetched mirror (CORPUS_MIRROR, default /work/.mirror,
// laid out <owner>+<name>/repo as bare git dirs) and the two toscaData CSVs made once with R:
//   git --git-dir "$M/Docma-TU+toscaData/repo" show 79923805871963be01827c4f70dc51c76272c106:data/politics.rda > /tmp/politics.rda
//   Rscript scripts/bundled-corpus/rda-to-csv.R /tmp/politics.rda politics scripts/bundled-corpus/data/toscaData-politics.csv
//   (the same for economy)
// Run: npx tsx scripts/bundled-corpus/build-originals.ts [OUT.jsonl]
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCorpusJsonl } from '../../src/corpus/records';
import { splitParagraphs } from '../../src/text/paragraphs';
import { looksEnglish, wordCount, type SourcedOriginal } from './common';
import { loadDojPressReleases } from './doj-press-releases';
import { loadFomcStatements } from './fomc-statements';
import { loadHhs } from './hhs';
import { loadWikinews2019to2020 } from './wikinews-2019-2020';
import { loadToscaWikinews } from './wikinews-tosca';

const CORPUS = new URL('../../corpus/originals.jsonl', import.meta.url);
// An optional argument writes elsewhere (to try a change without touching the corpus).
const OUT = process.argv[2] ?? CORPUS;
const SEED_ID = 'wapo-2022-01-06-rogin-putin-kazakhstan-ukraine';
const MIN_WORDS = 80;
const MAX_WORDS = 3000;

const seedLine = readFileSync(CORPUS, 'utf8')
  .split('\n')
  .find((line) => line.includes(`"id": "${SEED_ID}"`) || line.includes(`"id":"${SEED_ID}"`));
if (!seedLine) throw new Error(`the seed ${SEED_ID} is not in corpus/originals.jsonl`);

const drops = new Map<string, number>();
const dropped = (source: string, why: string): void => {
  const key = `${source}: ${why}`;
  drops.set(key, (drops.get(key) ?? 0) + 1);
};

const kept: { source: string; record: SourcedOriginal }[] = [];
const ids = new Set([SEED_ID]);
const titles = new Set<string>();
const titleKey = (t: string): string =>
  t
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

function add(source: string, record: SourcedOriginal, why = ''): void {
  const words = wordCount(record.text);
  if (why) return dropped(source, why);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(record.published)) return dropped(source, 'no date');
  if (words < MIN_WORDS) return dropped(source, `under ${MIN_WORDS} words`);
  if (words > MAX_WORDS) return dropped(source, `over ${MAX_WORDS} words`);
  if (!looksEnglish(record.text)) return dropped(source, 'not in English');
  // The same story filed under both categories, or scraped twice: keep the first.
  const key = titleKey(record.title);
  if (titles.has(key)) return dropped(source, 'duplicate title');
  titles.add(key);
  let id = record.id;
  for (let n = 2; ids.has(id); n++) id = `${record.id}-${n}`;
  ids.add(id);
  kept.push({ source, record: { ...record, id } });
}

for (const r of loadWikinews2019to2020()) add('wikinews-2019-2020', r);
const tosca = loadToscaWikinews().sort((a, b) => a.published.localeCompare(b.published));
for (const { drop, ...r } of tosca) add('wikinews-toscaData', r, drop);
for (const r of loadHhs().sort((a, b) => a.published.localeCompare(b.published))) add('hhs-press-releases', r);
for (const r of loadFomcStatements()) add('fomc-statements', r);
for (const r of loadDojPressReleases()) add('doj-press-releases', r);

// Key order as in the seed, `license` before `text`.
const lines = kept.map(({ record: r }) =>
  JSON.stringify({
    id: r.id,
    title: r.title,
    author: r.author,
    publisher: r.publisher,
    url: r.url,
    published: r.published,
    license: r.license,
    text: r.text,
  }),
);
const jsonl = `${[seedLine, ...lines].join('\n')}\n`;
writeFileSync(OUT, jsonl);

// --- What came out -------------------------------------------------------------------
const quantiles = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f: number): number => s[Math.min(s.length - 1, Math.floor(f * s.length))] ?? 0;
  return `min ${s[0]} p10 ${q(0.1)} median ${q(0.5)} p90 ${q(0.9)} max ${s.at(-1)}`;
};
const records = parseCorpusJsonl(jsonl); // the product's own reader must accept it
console.log(`wrote ${records.length} originals (${Buffer.byteLength(jsonl)} bytes) to ${String(OUT)}`);
for (const source of new Set(kept.map((k) => k.source))) {
  const mine = kept.filter((k) => k.source === source).map((k) => k.record);
  const paras = mine.map((r) => r.text.split('\n\n'));
  console.log(`\n${source}: ${mine.length} originals`);
  console.log(`  words per original:     ${quantiles(mine.map((r) => wordCount(r.text)))}`);
  console.log(`  paragraphs per original: ${quantiles(paras.map((p) => p.length))}`);
  console.log(`  words per paragraph:    ${quantiles(paras.flat().map(wordCount))}`);
  const hist = new Map<string, number>();
  for (const p of paras) {
    const bucket = p.length >= 20 ? '20+' : p.length >= 10 ? '10-19' : String(p.length);
    hist.set(bucket, (hist.get(bucket) ?? 0) + 1);
  }
  console.log(
    `  paragraph-count histogram: ${[...hist]
      .sort((a, b) => parseInt(a[0]) - parseInt(b[0]))
      .map((e) => e.join(':'))
      .join(' ')}`,
  );
  console.log(`  paragraphs over 250 words: ${paras.flat().filter((p) => wordCount(p) > 250).length}`);
}
console.log('\ndropped:');
for (const [why, n] of [...drops].sort()) console.log(`  ${n}\t${why}`);

// Signs of trouble: leftover markup, text that is not English prose, a paragraph split the
// product would read differently.
const suspects: Record<string, string[]> = { markup: [], 'non-Latin': [], 'split differs': [] };
for (const { record: r } of kept) {
  if (/\[\[|\]\]|\{\{|\}\}|''|<\/?[a-z]+[ >]|&[a-z]+;|==/.test(r.text)) suspects['markup']!.push(r.id);
  const letters = r.text.match(/\p{L}/gu) ?? [];
  if (letters.filter((c) => !/\p{Script=Latin}/u.test(c)).length > letters.length * 0.05)
    suspects['non-Latin']!.push(r.id);
  if (splitParagraphs(r.text).length !== r.text.split('\n\n').length) suspects['split differs']!.push(r.id);
}
for (const [what, list] of Object.entries(suspects))
  console.log(`${what}: ${list.length}${list.length ? ` (${list.slice(0, 5).join(', ')})` : ''}`);
