import { gunzipSync } from 'node:zlib';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { queueKeys } from './keys';

/** Job ids read at a time: bounded memory for queues of any size. */
const PAGE = 200;

/**
 * Writes every job's lines in input order: a finished job's lines as its worker stored
 * them, a failed job's one line with its reason (as the batch writes a page it cannot read).
 */
export async function writeResults(redis: Redis, name: string, write: (text: string) => void): Promise<void> {
  const keys = queueKeys(name);
  const queue = new Queue(name, { connection: redis });
  try {
    for (let start = 0; ; start += PAGE) {
      const ids = await redis.zrange(keys.order, start, start + PAGE - 1);
      if (ids.length === 0) return;
      const stored = await redis.hmgetBuffer(keys.results, ...ids);
      for (const [i, id] of ids.entries()) {
        const lines = stored[i];
        if (lines) {
          write(gunzipSync(lines).toString('utf8'));
          continue;
        }
        const plan = await redis.hget(keys.planned, id);
        const label = plan ? (JSON.parse(plan) as { label: string }).label : id;
        const job = await queue.getJob(id);
        const error = job?.failedReason || 'the job was removed from the queue before it finished';
        write(`${JSON.stringify({ source: label, url: '', error })}\n`);
      }
    }
  } finally {
    await queue.close();
  }
}
