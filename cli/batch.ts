import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SingleBar } from 'cli-progress';
import { CorpusError } from '../src/corpus/records';
import type { Report, Verdict } from '../src/report/report';
import type { BatchPage } from './batch-pages';

export interface WorkerRequest {
  readonly id: number;
  readonly source: string;
  readonly name: string;
  readonly url: string;
  readonly text: string;
}
export type WorkerReply =
  { readonly id: number; readonly report: Report } | { readonly id: number; readonly error: string };

/** One line of batch output: the page, then its report (or why it could not be read). */
export type BatchLine =
  | ({ readonly source: string; readonly url: string } & Report)
  | { readonly source: string; readonly url: string; readonly error: string };

export interface BatchSummary {
  readonly pages: number;
  readonly verdicts: Record<Verdict, number>;
  readonly errors: number;
  readonly seconds: number;
  readonly pagesPerSecond: number;
}

export interface BatchOptions {
  readonly corpus?: string;
  readonly workers?: number;
  /** Total pages, when known, for the progress bar. */
  readonly total?: number;
  readonly progress?: boolean;
  readonly onLine: (line: BatchLine) => void;
}

/** Pages queued per worker: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT_PER_WORKER = 4;

/**
 * Checks pages on worker threads (one per core), writing one line per page in input
 * order. A page that cannot be read gets an error line; the batch goes on.
 */
export async function runBatch(
  pages: AsyncIterable<BatchPage> | Iterable<BatchPage>,
  options: BatchOptions,
): Promise<BatchSummary> {
  const started = performance.now();
  const count = Math.max(1, options.workers ?? availableParallelism());
  const workers = await Promise.all(Array.from({ length: count }, () => startCheckingThread(options.corpus)));
  const bar = options.progress
    ? new SingleBar({ format: 'checking {bar} {value}/{total} pages · {speed} pages/s', stream: process.stderr })
    : null;
  bar?.start(options.total ?? 0, 0, { speed: '0' });

  const verdicts: Record<Verdict, number> = {
    repost: 0,
    rewritten: 0,
    original: 0,
    unrelated: 0,
    'not-an-article': 0,
    'too-large': 0,
  };
  let errors = 0;
  let nextToWrite = 0;
  let done = 0;
  const finished = new Map<number, BatchLine>();
  const inFlight = new Map<number, { page: BatchPage; resolve: () => void }>();
  const free: Worker[] = [];
  const waiting: (() => void)[] = [];

  // A worker that dies (out of memory, a bug) ends the batch with its error rather than a hang.
  let failWith: (error: Error) => void = () => undefined;
  const failure = new Promise<never>((_, reject) => {
    failWith = reject;
  });
  failure.catch(() => undefined);
  for (const worker of workers) {
    worker.on('error', (error) => failWith(new Error(`a batch worker failed: ${error.message}`)));
  }

  const flush = (): void => {
    for (let line = finished.get(nextToWrite); line; line = finished.get(nextToWrite)) {
      finished.delete(nextToWrite++);
      options.onLine(line);
    }
  };
  for (const worker of workers) {
    for (let i = 0; i < IN_FLIGHT_PER_WORKER; i++) free.push(worker);
    worker.on('message', (reply: WorkerReply) => {
      const job = inFlight.get(reply.id);
      if (!job) return;
      inFlight.delete(reply.id);
      const { source, url } = job.page;
      if ('error' in reply) {
        errors++;
        finished.set(reply.id, { source, url, error: reply.error });
      } else {
        verdicts[reply.report.verdict]++;
        finished.set(reply.id, { source, url, ...reply.report });
      }
      done++;
      bar?.update(done, { speed: (done / ((performance.now() - started) / 1000)).toFixed(0) });
      flush();
      free.push(worker);
      waiting.shift()?.();
      job.resolve();
    });
  }

  let id = 0;
  const all: Promise<void>[] = [];
  try {
    for await (const page of pages) {
      if (page.error !== undefined) {
        // Unreadable before any check (too large, no access): its line, in its place.
        errors++;
        done++;
        finished.set(id++, { source: page.source, url: page.url, error: page.error });
        flush();
        continue;
      }
      while (free.length === 0) await Promise.race([new Promise<void>((resolve) => waiting.push(resolve)), failure]);
      const worker = free.shift()!;
      const request: WorkerRequest = { id, source: page.source, name: page.name, url: page.url, text: page.text };
      all.push(new Promise<void>((resolve) => inFlight.set(request.id, { page, resolve })));
      worker.postMessage(request);
      id++;
    }
    await Promise.race([Promise.all(all), failure]);
  } finally {
    bar?.stop();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const seconds = (performance.now() - started) / 1000;
  return { pages: id, verdicts, errors, seconds, pagesPerSecond: id / Math.max(seconds, 1e-9) };
}

/**
 * A checking thread, once it has loaded its corpus: the batch's worker script, resolved
 * beside this module (cli/ through tsx, dist/cli/ compiled). A corpus it cannot load
 * rejects with that CorpusError.
 */
export function startCheckingThread(corpus: string | undefined): Promise<Worker> {
  const worker = new Worker(new URL('./batch-worker.mjs', import.meta.url), { workerData: { corpus }, execArgv: [] });
  return new Promise((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (first: { ready?: true; corpusError?: string }) => {
      worker.off('error', reject);
      if (first.corpusError !== undefined) reject(new CorpusError(first.corpusError));
      else resolve(worker);
    });
  });
}
