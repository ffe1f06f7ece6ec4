// `npm run bench`: speed and size figures, printed as tables. Not a test: nothing here
// passes or fails. `npm run bench -- --markdown docs/benchmarks.md` also writes the tables
// there, with the machine and the date, so that the docs quote what the bench printed.
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCorpusIndex, contentSignatures, type CorpusIndex } from '../src/corpus/corpus-index';
import { deserializeIndex, serializeIndex } from '../src/corpus/index-file';
import type { OriginalRecord } from '../src/corpus/records';
import { articleFromText, type Article } from '../src/extract/article';
import { articleFromHtml } from '../src/extract/parse-html';
import { hashString } from '../src/fingerprint/hash';
import { minhash } from '../src/fingerprint/minhash';
import { analyzeArticle, fingerprintArticle } from '../src/check/analyze';
import { tokenize } from '../src/text/tokens';
import { brownHalves, brownTexts } from '../tests/support/brown';
import { errorMessage } from '../src/text/error-message';
import { SHINGLE_WORDS } from '../src/fingerprint/params';
import { buildLshTable, SCANS_BEFORE_TABLE } from '../src/corpus/lsh';

const require = createRequire(import.meta.url);
const { Minhash } = require('minhash') as { Minhash: new (o: { numPerm: number }) => { update(s: string): void } };

type Row = Record<string, string>;
const rows: Record<string, Row[]> = {};
const record = (table: string, row: Row): void => {
  (rows[table] ??= []).push(row);
};

/** Median milliseconds of `run`, after warming up. */
function time(run: () => unknown, { iterations = 20, warmup = 3 } = {}): number {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A real article of about `words` words: Brown texts run together. */
function articleOfWords(words: number): string[] {
  const paragraphs: string[] = [];
  let count = 0;
  for (const text of brownTexts()) {
    for (const p of text.paragraphs) {
      paragraphs.push(p);
      count += p.split(' ').length;
      if (count >= words) return paragraphs;
    }
  }
  return paragraphs;
}

const pageHtml = (paragraphs: string[]): string =>
  `<!doctype html><html><head><title>Bench</title></head><body><header><nav><a href="/">Home</a></nav></header><article><h1>Bench article</h1>${paragraphs
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n')}</article><footer>© Bench</footer></body></html>`;

// 1. Extraction and fingerprinting.
for (const words of [1_000, 5_000, 20_000]) {
  const paragraphs = articleOfWords(words);
  const html = pageHtml(paragraphs);
  const article: Article = articleFromHtml(html);
  record('Extract and fingerprint one article (median ms)', {
    words: words.toLocaleString('en'),
    paragraphs: String(paragraphs.length),
    'extract (linkedom + Readability)': ms(time(() => articleFromHtml(html), { iterations: 10 })),
    fingerprint: ms(time(() => fingerprintArticle(article))),
    'target (5k words)': words === 5_000 ? '< 10' : '',
  });
}

// 2. The minhash package's update loop beside ours, same shingles, same permutations.
{
  const tokens = tokenize(articleOfWords(1_000).join(' '));
  const shingles = tokens.slice(SHINGLE_WORDS - 1).map((_, i) => tokens.slice(i, i + SHINGLE_WORDS).join(' '));
  // 64 permutations: what format 2 stored for each paragraph's wording.
  for (const permutations of [64, 128]) {
    const theirs = time(() => {
      const m = new Minhash({ numPerm: permutations });
      for (const s of shingles) m.update(s);
    });
    const ours = time(() => minhash(shingles.map(hashString), permutations));
    record('MinHash of a 1,000-word article’s shingles (median ms)', {
      shingles: String(shingles.length),
      permutations: String(permutations),
      '`minhash` package update loop': ms(theirs),
      'Repost Radar minhash()': ms(ours),
      speed_up: `${(theirs / ours).toFixed(0)}×`,
    });
  }
}

// 2b. The command line's cold start, measured before the large corpora below fill the
// machine's memory (after them, `node -e 0` alone took 250 ms instead of 110): a new
// process checking one page against the bundled corpus, as `repost-radar check` runs it
// (bin/repost-radar.cjs: compiled JavaScript with V8's code cache), then without the code
// cache, then the TypeScript through tsx. A text page needs no HTML reader (linkedom and
// Readability), which is loaded only for HTML.
{
  const { spawnSync } = await import('node:child_process');
  const { execPath } = process;
  const htmlPage = new URL('../tests/fixtures/pages/seed-001.html', import.meta.url).pathname;
  const textPage = new URL('../tests/fixtures/seeds/001_68902a6768e9b682.txt', import.meta.url).pathname;
  const once = (args: string[], page: string, env: Record<string, string> = {}): number => {
    const started = performance.now();
    const { status } = spawnSync(execPath, [...args, 'check', page, '--json'], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    if (status !== 0) throw new Error(`cold start run failed: ${args.join(' ')}`);
    return performance.now() - started;
  };
  const bin = [new URL('../bin/repost-radar.cjs', import.meta.url).pathname];
  const noCodeCache = { REPOST_RADAR_CODE_CACHE: 'off' };
  const typescript = ['--import', 'tsx', new URL('../cli/repost-radar.ts', import.meta.url).pathname];
  const columns: [string, () => number][] = [
    ['node -e 0 (Node alone)', () => once(['-e', '0', '--'], textPage)],
    ['text page', () => once(bin, textPage)],
    ['HTML page', () => once(bin, htmlPage)],
    ['text page, no code cache', () => once(bin, textPage, noCodeCache)],
    ['HTML page, no code cache', () => once(bin, htmlPage, noCodeCache)],
    ['TypeScript through tsx, HTML page', () => once(typescript, htmlPage)],
  ];
  // Interleaved, one run of each in turn, so that the shared machine's load weighs on all alike.
  const times = columns.map((): number[] => []);
  for (let i = 0; i < 7; i++) columns.forEach(([, run], c) => times[c]!.push(run()));
  record(
    'Command line cold start, one page: seed 001 (median of 7 interleaved runs; target ≤ 300 ms)',
    Object.fromEntries(columns.map(([name], c) => [name, ms(times[c]!.sort((x, y) => x - y)[3]!)])),
  );
}

// 3. Corpora of 1k, 10k and 100k originals, shaped like real news articles: twenty
// paragraphs each, every paragraph three consecutive real Brown sentences, drawn at
// places chosen by a fixed pseudo-random sequence.
const PARAGRAPHS_PER_ORIGINAL = 20;
export function syntheticCorpus(size: number): OriginalRecord[] {
  const sentences = brownTexts().flatMap((t) => t.paragraphs.flatMap((p) => p.split(/(?<=[.!?])\s+/)));
  let state = 12345;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  return Array.from({ length: size }, (_, i) => ({
    id: `synthetic-${i}`,
    title: `Synthetic original ${i}`,
    author: 'Bench',
    publisher: 'Bench',
    url: `https://example.org/${i}`,
    published: '2022-01-01',
    text: Array.from({ length: PARAGRAPHS_PER_ORIGINAL }, () => {
      const at = next() % (sentences.length - 3);
      return sentences.slice(at, at + 3).join(' ');
    }).join('\n\n'),
  }));
}

const seedOriginal = readFileSync(new URL('../tests/fixtures/seeds/original.jsonl', import.meta.url), 'utf8');
const seeds = new URL('../tests/fixtures/seeds/', import.meta.url);
const queries: [string, Article][] = [
  ['seed 000 (translated)', articleFromText(readFileSync(new URL('000_8e8e7980e4e1fe70.txt', seeds), 'utf8'))],
  ['seed 001 (cut copy)', articleFromText(readFileSync(new URL('001_68902a6768e9b682.txt', seeds), 'utf8'))],
  // Not a Brown text: the synthetic originals are made of Brown sentences, so a Brown page
  // would share whole sentences with dozens of them, which no real unrelated page does.
  [
    'seed 003 (unrelated, same events)',
    articleFromText(readFileSync(new URL('003_b82d6b7dd71d2d2b.txt', seeds), 'utf8')),
  ],
];
const dir = mkdtempSync(join(tmpdir(), 'repost-radar-bench-'));
// BENCH_CORPORA=1000,10000 runs fewer sizes (the full run takes several minutes).
const sizes = (process.env['BENCH_CORPORA'] ?? '1000,10000,100000').split(',').map(Number);
const bundledOriginals = (): OriginalRecord[] =>
  readFileSync(new URL('../corpus/originals.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as OriginalRecord);
const corpora: { name: string; originals: () => OriginalRecord[] }[] = [
  { name: `bundled (real, ${bundledOriginals().length.toLocaleString('en')})`, originals: bundledOriginals },
  ...sizes.map((size) => ({
    name: size.toLocaleString('en'),
    originals: (): OriginalRecord[] => [
      ...JSON.parse(`[${seedOriginal.trim().split('\n').join(',')}]`),
      ...syntheticCorpus(size - 1),
    ],
  })),
];
const indexFiles: { name: string; path: string }[] = [];
for (const corpus of corpora) {
  const originals = corpus.originals();
  let start = performance.now();
  const index: CorpusIndex = buildCorpusIndex(originals);
  const buildMs = performance.now() - start;
  const file = join(dir, `corpus-${indexFiles.length}.rrx`);
  writeFileSync(file, serializeIndex(index));
  indexFiles.push({ name: corpus.name, path: file });
  const bytes = statSync(file).size;
  const fileBytes = readFileSync(file);
  // The first load in this process, then the median of five more.
  start = performance.now();
  let loaded = deserializeIndex(fileBytes);
  const firstLoadMs = performance.now() - start;
  const loadMs = time(() => (loaded = deserializeIndex(fileBytes)), { iterations: 5, warmup: 0 });
  // As bytes, not one string: 100,000 originals' text is longer than a JavaScript string may be.
  const gzipText = gzipSync(Buffer.concat(originals.map((o: OriginalRecord) => Buffer.from(`${o.text}\n\n`))), {
    level: 9,
  }).length;
  const paragraphs = index.owner.length;
  const row: Row = {
    originals: corpus.name,
    paragraphs: paragraphs.toLocaleString('en'),
    'build (s)': (buildMs / 1000).toFixed(1),
    'index on disk (MB)': (bytes / 1048576).toFixed(1),
    'gzip of the text (MB)': (gzipText / 1048576).toFixed(1),
    'index / gzip bytes a paragraph': `${(bytes / paragraphs).toFixed(0)} / ${(gzipText / paragraphs).toFixed(0)}`,
    'load, first / warm (ms)': `${ms(firstLoadMs)} / ${ms(loadMs)}`,
  };
  // A fresh index's first checks scan the LSH bands; then the sorted table is built (lsh.ts).
  {
    const [, article] = queries[0]!;
    const fresh = deserializeIndex(fileBytes);
    start = performance.now();
    analyzeArticle(article, fresh, fingerprintArticle(article));
    row['first check after a load (ms)'] = ms(performance.now() - start);
    start = performance.now();
    buildLshTable(contentSignatures(fresh.content, paragraphs));
    row[`LSH table, built at check ${SCANS_BEFORE_TABLE + 1} (ms)`] = ms(performance.now() - start);
  }
  for (const [name, article] of queries) {
    const fingerprints = fingerprintArticle(article);
    row[`query: ${name} (ms)`] = ms(time(() => analyzeArticle(article, loaded, fingerprints)));
  }
  record(
    'Corpus size, load and query (retrieval + alignment + findings, page already fingerprinted; targets: index ≤ gzip of the text, 10k originals ≤ 20 MB and ≤ 200 ms to load, query < 5 ms at 100k)',
    row,
  );
}
// The same index files loaded in the extension's service worker (needs `npm run build`).
try {
  const { serviceWorkerIndexLoads } = await import('./extension');
  for (const row of await serviceWorkerIndexLoads(indexFiles)) {
    record('Index load in the extension’s service worker, Chromium (target ≤ 200 ms at 10k originals)', row);
  }
} catch (error) {
  console.log(`(service worker load figures skipped: ${errorMessage(error)})`);
}
rmSync(dir, { recursive: true, force: true });

// 4. Batch checks: a web archive of 505 pages (the seeds among 500 real articles).
{
  const { runBatch } = await import('../cli/batch');
  const { warcPages } = await import('../cli/batch-pages');
  const { writeWarc } = await import('../tests/support/warc');
  const { articlePage } = await import('../tests/support/pages');
  const { SEED_EXPECTATIONS, seedPage } = await import('../tests/support/seeds');
  const warcDir = mkdtempSync(join(tmpdir(), 'repost-radar-warc-'));
  const warc = join(warcDir, 'crawl.warc.gz');
  // Three crawls of the same 505 pages: 1,515 pages, enough for start-up not to dominate.
  const crawl = (n: number): { url: string; html: string }[] => [
    ...SEED_EXPECTATIONS.map((e) => ({ url: `https://example.net/${n}/${e.seed}`, html: seedPage(e) })),
    ...brownHalves().second.map((t) => ({
      url: `https://example.org/${n}/${t.id}`,
      html: articlePage(t.id, t.paragraphs),
    })),
  ];
  await writeWarc(warc, [...crawl(1), ...crawl(2), ...crawl(3)]);
  for (const workers of [1, 2]) {
    const summary = await runBatch(warcPages(warc), { workers, onLine: () => undefined });
    record('Batch check of a web archive (1,515 pages of about 1,000 words, the seeds among real articles)', {
      workers: String(workers),
      pages: String(summary.pages),
      'seconds (with worker start-up)': summary.seconds.toFixed(1),
      'pages per second': summary.pagesPerSecond.toFixed(0),
      reposts: String(summary.verdicts.repost),
    });
  }
  rmSync(warcDir, { recursive: true, force: true });
}

// 4b. A followed newsroom's update: 50 new articles served locally (bench/follow.ts).
for (const [title, row] of await (await import('./follow')).followedSiteBench()) record(title, row);

// 5. The extension in Chromium (needs `npm run build` and Debian's chromium).
try {
  const { extensionBench } = await import('./extension');
  for (const row of await extensionBench()) {
    record(
      'Extension in Chromium: content script on the page, and page load to report (targets: no task over 50 ms, < 300 ms)',
      row,
    );
  }
} catch (error) {
  console.log(`(extension figures skipped: ${errorMessage(error)})`);
}

const markdown: string[] = [];
for (const [title, table] of Object.entries(rows)) {
  const columns = Object.keys(table[0]!);
  const widths = columns.map((c) => Math.max(c.length, ...table.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const lines = [
    line(columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...table.map((r) => line(columns.map((c) => r[c] ?? ''))),
  ];
  console.log(`\n${title}\n${lines.join('\n')}`);
  markdown.push(`## ${title}`, '', ...lines, '');
}

const markdownAt = process.argv.indexOf('--markdown');
if (markdownAt > 0) {
  const file = process.argv[markdownAt + 1];
  if (!file) throw new Error('--markdown needs a file name');
  const cpu = cpus();
  const machine = `${cpu[0]?.model.trim() ?? 'unknown processor'}, ${cpu.length} cores, Node ${process.version}`;
  const header = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench -- --markdown ${file}\` on ${new Date().toISOString().slice(0, 10)}: ${machine},`,
    `synthetic corpora of ${sizes.map((n) => n.toLocaleString('en')).join(', ')} originals (\`BENCH_CORPORA\`).`,
    'Medians; on a shared machine the figures move by ±30% from run to run. Do not edit by hand: run the bench again.',
    '',
  ];
  writeFileSync(file, [...header, ...markdown].join('\n'));
  console.log(`\ntables written to ${file}`);
}
