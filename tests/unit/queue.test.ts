// The queue-backed batch (issue 10) against a real redis-server: workers killed mid-job,
// Redis restarted, a corrupt archive, inputs added twice; results byte-identical to `check`.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brownHalves } from '../support/brown';
import { articlePage } from '../support/pages';
import { startRedis, type RedisServer } from '../support/redis';
import { SEED_EXPECTATIONS, seedPage } from '../support/seeds';
import { writeWarc } from '../support/warc';

const ROOT = new URL('../../', import.meta.url).pathname;
const NODE_ARGS = [join(ROOT, 'bin/repost-radar.cjs')];
// The seed's original as the corpus: small, so each worker thread loads it in milliseconds.
const CORPUS = join(ROOT, 'tests/fixtures/seeds/original.jsonl');
const LOCK_MS = '3000';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}
async function run(args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...NODE_ARGS, ...args], {
      cwd: ROOT,
      maxBuffer: 1 << 30,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

interface WorkerProcess {
  readonly child: ChildProcess;
  log(): string;
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>;
  exited: Promise<NodeJS.Signals | number | null>;
}
function startWorker(redis: RedisServer, concurrency = 1): WorkerProcess {
  const child = spawn(
    process.execPath,
    [...NODE_ARGS, 'worker', '--redis', redis.url, '--concurrency', String(concurrency), '--lock-ms', LOCK_MS],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  return {
    child,
    log: () => log,
    exited,
    async waitFor(pattern, ms = 240_000) {
      for (const until = Date.now() + ms; Date.now() < until; await sleep(100)) {
        const match = log.match(pattern);
        if (match) return match;
      }
      throw new Error(`worker never logged ${pattern}:\n${log}`);
    },
  };
}
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const workers: WorkerProcess[] = [];
const servers: RedisServer[] = [];

async function status(redis: RedisServer): Promise<Record<string, number>> {
  const result = await run(['queue', 'status', '--redis', redis.url, '--json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Record<string, number>;
}
const results = (redis: RedisServer): Promise<Run> => run(['queue', 'results', '--wait', '--redis', redis.url]);

const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-queue-'));
const crawl = join(tmp, 'crawl.warc.gz');
const small = join(tmp, 'small.warc.gz');
let crawlLines = '';
let smallLines = '';

// The seed pages among 1,000 real articles (both halves of the 500 Brown texts).
beforeAll(async () => {
  const { first, second } = brownHalves();
  const articles = [...first, ...second].map((t) => ({
    url: `https://news.example.org/${t.id}`,
    html: articlePage(t.id, t.paragraphs),
  }));
  const seeds = SEED_EXPECTATIONS.map((e) => ({
    url: `https://reposts.example.net/seed-${e.seed}`,
    html: seedPage(e),
  }));
  await writeWarc(crawl, [...articles.slice(0, 400), ...seeds, ...articles.slice(400)]);
  await writeWarc(small, [...articles.slice(0, 60), ...seeds]);
  const [big, little] = await Promise.all([
    run(['check', crawl, '--corpus', CORPUS]),
    run(['check', small, '--corpus', CORPUS]),
  ]);
  expect(big.status).toBe(0);
  crawlLines = big.stdout;
  smallLines = little.stdout;
}, 300_000);

afterAll(async () => {
  for (const worker of workers) worker.child.kill('SIGKILL');
  await Promise.all(servers.map((s) => s.dispose()));
  rmSync(tmp, { recursive: true, force: true });
});

async function redisServer(aof = false): Promise<RedisServer> {
  const server = await startRedis({ aof });
  servers.push(server);
  return server;
}
function worker(redis: RedisServer, concurrency = 1): WorkerProcess {
  const started = startWorker(redis, concurrency);
  workers.push(started);
  return started;
}

describe('repost-radar queue and worker', () => {
  it('3 workers, one killed with SIGKILL mid-job: its job is retried, and the results are byte-identical to check', async () => {
    expect(crawlLines.trim().split('\n')).toHaveLength(1005);
    const redis = await redisServer();
    const add = await run(['queue', 'add', crawl, '--redis', redis.url, '--corpus', CORPUS, '--job-pages', '50']);
    expect(add.status).toBe(0);
    expect(add.stderr).toMatch(/queued 21 jobs of 1005 pages/);
    const [doomed, ...others] = [worker(redis), worker(redis), worker(redis)];
    // Killed once it holds a job, after finishing one: mid-run and mid-job.
    await doomed!.waitFor(/job \S+ done[^]*job (\S+) \(.*\) started/);
    doomed!.child.kill('SIGKILL');
    expect(await doomed!.exited).toBe('SIGKILL');
    const held = [...doomed!.log().matchAll(/job (\S+) \(.*\) started/g)].at(-1)![1]!;
    expect(doomed!.log()).not.toMatch(new RegExp(`job ${held} done`));

    const output = await results(redis);
    expect(output.status).toBe(0);
    expect(output.stdout).toBe(crawlLines);
    // The job the killed worker held was checked again, by another worker, after its lock ran out.
    expect(others.map((w) => w.log()).join('')).toMatch(new RegExp(`job ${held} done`));
    const sources = output.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { source: string }).source);
    expect(new Set(sources).size).toBe(1005);
    expect(await status(redis)).toMatchObject({ waiting: 0, active: 0, completed: 21, failed: 0, pages: 1005 });
  }, 420_000);

  it('resumes after Redis is killed and restarted from its append-only file', async () => {
    const redis = await redisServer(true);
    expect(
      (await run(['queue', 'add', small, '--redis', redis.url, '--corpus', CORPUS, '--job-pages', '10'])).status,
    ).toBe(0);
    const checker = worker(redis);
    await checker.waitFor(/job \S+ done/);
    await redis.stop('SIGKILL');
    await sleep(1_000);
    await redis.restart();
    const output = await results(redis);
    expect(output.stdout).toBe(smallLines);
    expect(await status(redis)).toMatchObject({ waiting: 0, active: 0, completed: 7, failed: 0, pages: 65 });
    expect(checker.child.exitCode).toBeNull();
  }, 300_000);

  it('fails a corrupt archive in its own job with the reason; the rest go on; adding twice adds nothing', async () => {
    const redis = await redisServer();
    const bytes = readFileSync(small);
    const cut = join(tmp, 'cut.warc.gz');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const folder = join(tmp, 'saved');
    mkdirSync(folder, { recursive: true });
    for (const e of SEED_EXPECTATIONS) writeFileSync(join(folder, `seed-${e.seed}.html`), seedPage(e));
    const inputs = [small, cut, folder];
    const first = await run(['queue', 'add', ...inputs, '--redis', redis.url, '--corpus', CORPUS, '--job-pages', '20']);
    expect(first.status).toBe(0);
    const queued = await status(redis);
    const again = await run(['queue', 'add', ...inputs, '--redis', redis.url, '--corpus', CORPUS, '--job-pages', '20']);
    expect(again.stderr).toMatch(/queued 0 jobs of 0 pages; 7 files were already queued/);
    expect(await status(redis)).toEqual(queued);

    worker(redis, 2);
    const output = await results(redis);
    const folderLines = (await run(['check', folder, '--corpus', CORPUS])).stdout;
    const lines = output.stdout.split('\n');
    const [good, broken] = [lines.slice(0, 65).join('\n') + '\n', lines.slice(65, -6)];
    expect(good).toBe(smallLines);
    // The cut archive: its sound first range checked, the cut one failed with zlib's reason.
    const errors = broken.map((l) => JSON.parse(l) as { source: string; error?: string }).filter((l) => l.error);
    expect(errors).toEqual([
      {
        source: expect.stringMatching(/cut\.warc\.gz#record-\d+$/),
        url: '',
        error: expect.stringMatching(/not a readable web archive .*unexpected end of file/),
      },
    ]);
    expect(lines.slice(-6).join('\n')).toBe(folderLines);
    expect(await status(redis)).toMatchObject({ waiting: 0, active: 0, failed: 1 });
  }, 300_000);

  it('exits 2 with one line for a missing input, a bad redis url and a redis that is not there', async () => {
    const redis = await redisServer();
    const missing = await run(['queue', 'add', join(tmp, 'none.warc.gz'), '--redis', redis.url]);
    expect([missing.status, missing.stderr]).toEqual([
      2,
      expect.stringMatching(/^repost-radar: cannot read .*none\.warc\.gz.*\n$/),
    ]);
    const badUrl = await run(['queue', 'status', '--redis', 'http://localhost:6379']);
    expect([badUrl.status, badUrl.stderr]).toEqual([2, expect.stringMatching(/^repost-radar: bad redis url .*\n$/)]);
    const gone = await redisServer();
    await gone.stop();
    for (const args of [['queue', 'results'], ['worker']]) {
      const down = await run([...args, '--redis', gone.url]);
      expect([down.status, down.stderr]).toEqual([
        2,
        expect.stringMatching(/^repost-radar: cannot reach redis at .*ECONNREFUSED.*\n$/),
      ]);
    }
  }, 120_000);
});
