import { Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { checkJob } from './check-job';
import { connectForWorker, connectOnce } from './connection';
import { jobLabel, type JobData, type JobOutcome } from './job';
import { queueKeys } from './keys';
import { PagePool } from './page-pool';

export interface WorkerOptions {
  readonly redis: string;
  readonly queue: string;
  /** Jobs at once, and checking threads (one per core is the useful most). */
  readonly concurrency: number;
  /** How long a job's lock lasts unrenewed: a killed worker's job is retried after this. */
  readonly lockMs: number;
  readonly log: (line: string) => void;
}

/**
 * Takes jobs until SIGTERM or SIGINT, then finishes those it holds and stops. The corpus
 * is loaded once, by the checking threads, when the first job says which one it is.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  // Fail at once, with one line, when Redis is not there at the start; later outages are waited out.
  (await connectOnce(options.redis)).disconnect();
  const keys = queueKeys(options.queue);
  let lastError = '';
  const logError = (error: Error): void => {
    // A Redis restart repeats the same error many times a second: say it once.
    if (error.message !== lastError) options.log(`worker: ${error.message}`);
    lastError = error.message;
  };
  const store = connectForWorker(options.redis, logError);
  const connection = connectForWorker(options.redis, logError);

  const pool: { starting: Promise<PagePool> | null; ready: PagePool | null } = { starting: null, ready: null };
  const poolFor = async (corpus: string | null): Promise<PagePool> => {
    pool.starting ??= PagePool.start(corpus, options.concurrency);
    const ready = (pool.ready = await pool.starting);
    if (ready.corpus !== corpus) {
      throw new Error(
        `job wants corpus ${corpus ?? 'bundled'} but this worker checks against ${ready.corpus ?? 'bundled'}`,
      );
    }
    return ready;
  };

  const worker = new Worker<JobData, JobOutcome>(
    options.queue,
    (job) => processJob(job, store, keys, poolFor, options.log),
    {
      connection,
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      // A job whose worker died a few times over is still worth retrying: it is the machine, not the job.
      maxStalledCount: 5,
    },
  );
  worker.on('error', logError);
  let stop: (why: string) => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = (why) => {
      options.log(`worker: ${why}, finishing the jobs in hand`);
      resolve();
    };
  });
  worker.on('failed', (job, error) => {
    options.log(`worker: job ${job?.id ?? '?'} failed: ${error.message}`);
    // A dead checking thread leaves this worker unable to check: stop, and let its jobs go elsewhere.
    if (pool.ready?.broken) {
      process.exitCode = 1;
      stop('a checking thread stopped');
    }
  });
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  options.log(`worker: ready (queue ${options.queue}, ${options.concurrency} at once)`);

  await stopped;
  await worker.close();
  await (await pool.starting?.catch(() => null))?.close();
  await Promise.all([store.quit(), connection.quit()].map((q) => q.catch(() => undefined)));
  options.log('worker: stopped');
}

async function processJob(
  job: Job<JobData, JobOutcome>,
  store: Redis,
  keys: ReturnType<typeof queueKeys>,
  poolFor: (corpus: string | null) => Promise<PagePool>,
  log: (line: string) => void,
): Promise<JobOutcome> {
  const id = job.id!;
  const started = performance.now();
  log(`worker: job ${id} (${jobLabel(job.data)}) started`);
  await store.hsetnx(keys.clock, 'first', Date.now());
  const checked = await checkJob(job.data, await poolFor(job.data.corpus));
  // Keyed by job id: a retried job overwrites its own lines rather than adding to them.
  await store
    .multi()
    .hset(keys.results, id, checked.gzippedLines)
    .hset(keys.checked, id, checked.pages)
    .hset(keys.clock, 'last', Date.now())
    .exec();
  log(`worker: job ${id} done, ${checked.pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { pages: checked.pages };
}
