import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { UnrecoverableError } from 'bullmq';
import type { BatchLine } from '../batch';
import type { BatchPage } from '../batch-pages';
import { InputError } from '../inputs';
import type { FileStamp, JobData } from './job';
import type { PagePool } from './page-pool';
import { warcRangePages } from './warc-range';

/** Refuses a file that is gone or has changed since it was queued: its pages are no longer those queued. */
function checkUnchanged(stamp: FileStamp): void {
  let size: number;
  let mtimeMs: number;
  try {
    ({ size, mtimeMs } = statSync(stamp.path));
  } catch {
    throw new InputError(`cannot read ${stamp.source}: no such file (was it on a disk this worker shares?)`);
  }
  if (size !== stamp.size || mtimeMs !== stamp.mtimeMs) {
    throw new InputError(`${stamp.source} has changed since it was queued`);
  }
}

async function* jobPages(job: JobData): AsyncGenerator<BatchPage> {
  if (job.kind === 'warc') {
    checkUnchanged(job.file);
    yield* warcRangePages(job);
    return;
  }
  for (const file of job.files) {
    checkUnchanged(file);
    // Read as `check` reads a folder's pages (folderPages in cli/batch-pages.ts).
    yield { source: file.source, url: '', name: file.source, text: readFileSync(file.path, 'utf8') };
  }
}

export interface CheckedJob {
  readonly pages: number;
  /** The job's JSON lines, gzipped: reports compress well, and Redis holds them all. */
  readonly gzippedLines: Buffer;
}

/**
 * Checks every page of a job on the pool and returns its lines in input order. Bad
 * input (an unreadable archive, a changed file) fails the job at once: retrying would
 * not help.
 */
export async function checkJob(job: JobData, pool: PagePool): Promise<CheckedJob> {
  const lines: Promise<BatchLine>[] = [];
  try {
    for await (const page of jobPages(job)) {
      const line = pool.check(page);
      line.catch(() => undefined);
      lines.push(line);
    }
  } catch (error) {
    if (error instanceof InputError) throw new UnrecoverableError(error.message);
    throw error;
  }
  const text = (await Promise.all(lines)).map((line) => `${JSON.stringify(line)}\n`).join('');
  return { pages: lines.length, gzippedLines: gzipSync(text) };
}
