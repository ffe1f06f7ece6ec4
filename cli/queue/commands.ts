import { availableParallelism } from 'node:os';
import { Queue } from 'bullmq';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { Redis } from 'ioredis';
import { InputError } from '../inputs';
import { addInputs, checkInputs } from './add';
import { connectOnce, DEFAULT_QUEUE } from './connection';
import { allKeys, queueKeys } from './keys';
import { queueProgress, statusOf, type QueueProgress } from './progress';
import { writeResults } from './results';
import { runWorker } from './run-worker';

// `repost-radar queue add|status|results|clear` and `repost-radar worker`: the batch
// of `check`, spread over any number of machines through a BullMQ queue in Redis.

interface QueueOption {
  redis: string;
  queue: string;
}

function positiveInteger(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InputError(`${name} must be a whole number of 1 or more, not ${value}`);
    return n;
  };
}

/** Runs `work` on a fail-fast connection and closes it, whatever happens. */
async function withRedis<T>(url: string, work: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = await connectOnce(url);
  try {
    return await work(redis);
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

const unfinished = (p: QueueProgress): number => p.waiting + p.active;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Follows a queue on a terminal until no job is left waiting or running. */
async function followProgress(redis: Redis, queue: string): Promise<QueueProgress> {
  const bar = new SingleBar({
    format: 'checking {bar} {value}/{total} pages · {speed} pages/s · {active} jobs running, {failed} failed',
    stream: process.stderr,
  });
  let progress = await queueProgress(redis, queue);
  const values = (p: QueueProgress) => ({ speed: p.pagesPerSecond.toFixed(0), active: p.active, failed: p.failed });
  bar.start(progress.plannedPages, progress.pages + progress.failedPages, values(progress));
  while (unfinished(progress) > 0) {
    await sleep(1_000);
    progress = await queueProgress(redis, queue);
    bar.setTotal(progress.plannedPages);
    bar.update(progress.pages + progress.failedPages, values(progress));
  }
  bar.stop();
  return progress;
}

export function registerQueueCommands(program: Command): void {
  const queue = program.command('queue').description('spread a batch check over many machines through Redis');
  const common = (command: Command): Command =>
    command
      .requiredOption('--redis <url>', 'the Redis every machine shares, e.g. redis://10.0.0.5:6379')
      .option('--queue <name>', 'the queue, for several batches on one Redis', DEFAULT_QUEUE);

  common(
    queue
      .command('add')
      .description(
        'queue web archives (.warc, .warc.gz) and folders of pages, cut into jobs; inputs already queued are left out',
      )
      .argument('<inputs...>', 'web archives and folders, on a disk every worker sees at the same path'),
  )
    .option(
      '--corpus <path>',
      'corpus for this queue: a built index, a JSON Lines file or a folder (default: the bundled one)',
    )
    .option('--job-pages <n>', 'pages in a job at most', positiveInteger('--job-pages'), 200)
    .action(async (inputs: string[], options: QueueOption & { corpus?: string; jobPages: number }) => {
      const checked = checkInputs(inputs, options.corpus);
      const summary = await withRedis(options.redis, (redis) => addInputs(redis, checked, { ...options }));
      process.stderr.write(
        `queued ${summary.jobs} jobs of ${summary.pages} pages${summary.skipped > 0 ? `; ${summary.skipped} files were already queued` : ''}\n`,
      );
    });

  common(queue.command('status').description('jobs waiting, running, done and failed, and pages checked per second'))
    .option('--json', 'print the figures once as JSON, with no progress bar')
    .action(async (options: QueueOption & { json?: boolean }) => {
      const progress = await withRedis(options.redis, (redis) =>
        options.json !== true && process.stderr.isTTY
          ? followProgress(redis, options.queue)
          : queueProgress(redis, options.queue),
      );
      process.stdout.write(`${JSON.stringify(statusOf(progress))}\n`);
    });

  common(queue.command('results').description('one JSON line per page, in input order: what `check` prints'))
    .option('--wait', 'wait for the jobs still waiting or running, rather than refuse')
    .action(async (options: QueueOption & { wait?: boolean }) => {
      await withRedis(options.redis, async (redis) => {
        for (let progress = await queueProgress(redis, options.queue); unfinished(progress) > 0;) {
          if (options.wait !== true) {
            throw new InputError(
              `${unfinished(progress)} jobs are still waiting or running; see queue status, or use --wait`,
            );
          }
          await sleep(1_000);
          progress = await queueProgress(redis, options.queue);
        }
        await writeResults(redis, options.queue, (text) => process.stdout.write(text));
      });
    });

  common(queue.command('clear').description('remove the queue: its jobs, results and remembered inputs')).action(
    async (options: QueueOption) => {
      await withRedis(options.redis, async (redis) => {
        const bull = new Queue(options.queue, { connection: redis });
        try {
          await bull.obliterate({ force: true });
        } finally {
          await bull.close();
        }
        await redis.del(...allKeys(queueKeys(options.queue)));
      });
    },
  );

  common(program.command('worker').description('check queued jobs until SIGTERM or SIGINT; run one on each machine'))
    .option(
      '--concurrency <n>',
      'jobs at once, one checking thread each (default: one per core)',
      positiveInteger('--concurrency'),
    )
    .option(
      '--lock-ms <ms>',
      'how long a job stays locked to a worker that stops answering; then it is retried elsewhere',
      positiveInteger('--lock-ms'),
      30_000,
    )
    .action(async (options: QueueOption & { concurrency?: number; lockMs: number }) => {
      await runWorker({
        redis: options.redis,
        queue: options.queue,
        concurrency: options.concurrency ?? availableParallelism(),
        lockMs: options.lockMs,
        log: (line) => process.stderr.write(`${line}\n`),
      });
    });
}
