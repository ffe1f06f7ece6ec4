import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { resolve } from 'node:path';
import { InputError, pathKind } from '../inputs';
import { jobLabel, JOB_NAME, type JobData } from './job';
import { queueKeys } from './keys';
import { inputFiles, planFiles, planWarc, stampKey, type PlannedJob } from './plan';

export interface AddOptions {
  readonly queue: string;
  readonly corpus?: string;
  /** Pages a job holds at most. */
  readonly jobPages: number;
}

export type Input = ReturnType<typeof inputFiles>;

/** Every input and the corpus, checked before Redis is reached: a typo queues nothing. */
export function checkInputs(paths: readonly string[], corpus: string | undefined): Input[] {
  if (corpus !== undefined && pathKind(corpus) === null) {
    throw new InputError(`bad corpus: cannot read corpus ${corpus}: no such file or folder`);
  }
  return paths.map(inputFiles);
}

export interface AddSummary {
  readonly jobs: number;
  readonly pages: number;
  /** Inputs already queued (the same file, size and time), left out. */
  readonly skipped: number;
}

/**
 * Splits the inputs into jobs and queues them in input order. An input already queued
 * adds nothing: the file is remembered by path, size and time, and its job ids are
 * derived from the same, so BullMQ ignores a second copy even from a concurrent add.
 */
export async function addInputs(redis: Redis, inputs: readonly Input[], options: AddOptions): Promise<AddSummary> {
  const corpus = options.corpus === undefined ? null : resolve(options.corpus);
  const keys = queueKeys(options.queue);
  await redis.setnx(keys.corpus, corpus ?? '');
  const queued = await redis.get(keys.corpus);
  if (queued !== (corpus ?? '')) {
    throw new InputError(
      `queue ${options.queue} checks against ${queued || 'the bundled corpus'}; use another --queue for another corpus`,
    );
  }

  const queue = new Queue<JobData>(options.queue, { connection: redis });
  let jobs = 0;
  let pages = 0;
  let skipped = 0;
  try {
    for (const input of inputs) {
      const fresh = [];
      for (const stamp of input.stamps) {
        if (await redis.hexists(keys.inputs, stampKey(stamp))) skipped++;
        else fresh.push(stamp);
      }
      if (fresh.length === 0) continue;
      const planned =
        input.kind === 'warc'
          ? await planWarc(fresh[0]!, options.jobPages, corpus)
          : planFiles(fresh, options.jobPages, corpus);
      await enqueue(redis, queue, keys, planned);
      for (const stamp of fresh) await redis.hset(keys.inputs, stampKey(stamp), Date.now());
      jobs += planned.length;
      pages += planned.reduce((sum, job) => sum + job.data.pages, 0);
    }
  } finally {
    await queue.close();
  }
  return { jobs, pages, skipped };
}

async function enqueue(
  redis: Redis,
  queue: Queue<JobData>,
  keys: ReturnType<typeof queueKeys>,
  planned: readonly PlannedJob[],
): Promise<void> {
  if (planned.length === 0) return;
  // Places in input order first, so `queue results` can list a job as soon as a worker takes it.
  const last = await redis.incrby(keys.place, planned.length);
  const places = redis.multi();
  planned.forEach((job, i) => {
    places.zadd(keys.order, 'NX', last - planned.length + i, job.id);
    places.hsetnx(keys.planned, job.id, JSON.stringify({ label: jobLabel(job.data), pages: job.data.pages }));
  });
  await places.exec();
  await queue.addBulk(
    planned.map((job) => ({
      name: JOB_NAME,
      data: job.data,
      opts: {
        jobId: job.id,
        // A worker that dies is handled by the stalled check; these retry a job that threw (e.g. Redis went away).
        attempts: 3,
        backoff: { type: 'exponential', delay: 1_000 },
      },
    })),
  );
}
