// `npx tsx bench/queue.ts`: the queue-backed batch (issue 10) against `check` on one archive
// of 1,005 pages (the seed pages among 1,000 Brown articles), on this machine. Not a test.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brownHalves } from '../tests/support/brown';
import { articlePage } from '../tests/support/pages';
import { startRedis } from '../tests/support/redis';
import { SEED_EXPECTATIONS, seedPage } from '../tests/support/seeds';
import { writeWarc } from '../tests/support/warc';

const ROOT = new URL('../', import.meta.url).pathname;
const ENTRY = process.env.REPOST_RADAR_CLI;
const NODE_ARGS = ENTRY ? ['--import', 'tsx', ENTRY] : [join(ROOT, 'bin/repost-radar.cjs')];
const cli = (args: string[]) =>
  promisify(execFile)(process.execPath, [...NODE_ARGS, ...args], { cwd: ROOT, maxBuffer: 1 << 30 });

const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-bench-queue-'));
const archive = join(tmp, 'crawl.warc.gz');
const { first, second } = brownHalves();
const articles = [...first, ...second].map((t) => ({
  url: `https://news.example.org/${t.id}`,
  html: articlePage(t.id, t.paragraphs),
}));
const seeds = SEED_EXPECTATIONS.map((e) => ({ url: `https://reposts.example.net/seed-${e.seed}`, html: seedPage(e) }));
await writeWarc(archive, [...articles.slice(0, 400), ...seeds, ...articles.slice(400)]);
const pages = articles.length + seeds.length;

interface Row {
  run: string;
  seconds: number;
  pagesPerSecond: number;
  steady: number | null;
}
const rows: Row[] = [];

let started = performance.now();
await cli(['check', archive]);
const checkSeconds = (performance.now() - started) / 1000;
rows.push({
  run: 'check (one machine, 2 threads)',
  seconds: checkSeconds,
  pagesPerSecond: pages / checkSeconds,
  steady: null,
});

/** Queues the archive, runs `count` workers of `threads` threads until it is drained, and stops them. */
async function queued(count: number, threads: number): Promise<void> {
  const redis = await startRedis();
  try {
    started = performance.now();
    await cli(['queue', 'add', archive, '--redis', redis.url, '--job-pages', '50']);
    const workers = Array.from({ length: count }, () =>
      spawn(process.execPath, [...NODE_ARGS, 'worker', '--redis', redis.url, '--concurrency', String(threads)], {
        cwd: ROOT,
        stdio: 'ignore',
      }),
    );
    await cli(['queue', 'results', '--wait', '--redis', redis.url]);
    const seconds = (performance.now() - started) / 1000;
    const status = JSON.parse((await cli(['queue', 'status', '--json', '--redis', redis.url])).stdout) as {
      pagesPerSecond: number;
    };
    await Promise.all(workers.map((w) => new Promise((resolve) => w.once('exit', resolve).kill('SIGTERM'))));
    rows.push({
      run: `queue: ${count} worker${count > 1 ? 's' : ''} × ${threads} thread${threads > 1 ? 's' : ''}`,
      seconds,
      pagesPerSecond: pages / seconds,
      steady: status.pagesPerSecond,
    });
  } finally {
    await redis.dispose();
  }
}
await queued(1, 1);
await queued(2, 1);
await queued(1, 2);
rmSync(tmp, { recursive: true, force: true });

console.log(`\n${pages} pages, ${process.env.HOSTNAME ?? 'this machine'}\n`);
console.log('| run | wall s | pages/s (wall) | pages/s (first job to last) | overhead vs check, ms/page |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const overhead = ((row.seconds - checkSeconds) * 1000) / pages;
  console.log(
    `| ${row.run} | ${row.seconds.toFixed(1)} | ${row.pagesPerSecond.toFixed(0)} | ${row.steady?.toFixed(0) ?? '–'} | ${row.steady === null ? '–' : overhead.toFixed(2)} |`,
  );
}
