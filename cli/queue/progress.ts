import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { queueKeys } from './keys';

/** What `queue status` prints. */
export interface QueueStatus {
  readonly waiting: number;
  readonly active: number;
  readonly completed: number;
  readonly failed: number;
  /** Pages checked (in completed jobs). */
  readonly pages: number;
  /** Pages checked per second since the first job started. */
  readonly pagesPerSecond: number;
}

export interface QueueProgress extends QueueStatus {
  /** Pages planned in all jobs, for the progress bar. */
  readonly plannedPages: number;
  /** Pages planned in failed jobs: not to be checked. */
  readonly failedPages: number;
}

const sum = (values: readonly string[]): number => values.reduce((total, v) => total + Number(v), 0);

export async function queueProgress(redis: Redis, name: string): Promise<QueueProgress> {
  const keys = queueKeys(name);
  const queue = new Queue(name, { connection: redis });
  try {
    const counts = await queue.getJobCounts('waiting', 'delayed', 'prioritized', 'active', 'completed', 'failed');
    const failedIds = counts.failed! > 0 ? (await queue.getFailed(0, -1)).map((job) => job.id!) : [];
    const [checked, planned, clock] = await Promise.all([
      redis.hvals(keys.checked),
      redis.hvals(keys.planned),
      redis.hmget(keys.clock, 'first', 'last'),
    ]);
    const failedPlans = failedIds.length > 0 ? await redis.hmget(keys.planned, ...failedIds) : [];
    const pagesOf = (plan: string | null): number => (plan ? (JSON.parse(plan) as { pages: number }).pages : 0);
    const waiting = counts.waiting! + counts.delayed! + counts.prioritized!;
    const active = counts.active!;
    const pages = sum(checked);
    const first = Number(clock[0] ?? NaN);
    // While jobs remain, the rate is up to now; once drained, up to the last job's end.
    const until = waiting + active > 0 ? Date.now() : Number(clock[1] ?? Date.now());
    const seconds = (until - first) / 1000;
    return {
      waiting,
      active,
      completed: counts.completed!,
      failed: counts.failed!,
      pages,
      pagesPerSecond: Number.isFinite(first) && seconds > 0 ? Math.round((pages / seconds) * 10) / 10 : 0,
      plannedPages: planned.reduce((total, plan) => total + pagesOf(plan), 0),
      failedPages: failedPlans.reduce((total, plan) => total + pagesOf(plan), 0),
    };
  } finally {
    await queue.close();
  }
}

export const statusOf = (progress: QueueProgress): QueueStatus => ({
  waiting: progress.waiting,
  active: progress.active,
  completed: progress.completed,
  failed: progress.failed,
  pages: progress.pages,
  pagesPerSecond: progress.pagesPerSecond,
});
