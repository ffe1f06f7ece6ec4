import { Worker } from 'node:worker_threads';
import { startCheckingThread, type BatchLine, type WorkerReply, type WorkerRequest } from '../batch';
import type { BatchPage } from '../batch-pages';

interface Pending {
  readonly page: BatchPage;
  readonly resolve: (line: BatchLine) => void;
  readonly reject: (error: Error) => void;
}

interface Thread {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  dead: boolean;
}

/**
 * Threads that check pages against one corpus, loaded once in each: the batch's own
 * worker (cli/batch-worker.mjs), so a page gets exactly the line `check` prints.
 */
export class PagePool {
  private nextId = 0;

  private constructor(
    readonly corpus: string | null,
    private readonly threads: Thread[],
  ) {}

  static async start(corpus: string | null, size: number): Promise<PagePool> {
    const started = await Promise.allSettled(Array.from({ length: size }, () => startThread(corpus)));
    const threads = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) {
      await Promise.all(threads.map((t) => t.worker.terminate()));
      throw failed.reason;
    }
    return new PagePool(corpus, threads);
  }

  /** Checks a page on the least busy thread. */
  check(page: BatchPage): Promise<BatchLine> {
    if (this.broken) return Promise.reject(new Error('a checking thread stopped'));
    const thread = this.threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const request: WorkerRequest = {
      id: this.nextId++,
      source: page.source,
      name: page.name,
      url: page.url,
      text: page.text,
    };
    return new Promise<BatchLine>((resolve, reject) => {
      thread.pending.set(request.id, { page, resolve, reject });
      thread.worker.postMessage(request);
    });
  }

  /** A thread died: this pool can check no more (the worker stops, its jobs are retried). */
  get broken(): boolean {
    return this.threads.some((t) => t.dead);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}

async function startThread(corpus: string | null): Promise<Thread> {
  const worker = await startCheckingThread(corpus ?? undefined);
  const thread: Thread = { worker, pending: new Map(), dead: false };
  worker.on('message', (reply: WorkerReply) => settle(thread, reply));
  // A thread that dies fails the pages it held (their job is retried), not the process.
  worker.on('error', (error) => failAll(thread, new Error(`a checking thread failed: ${error.message}`)));
  worker.on('exit', () => failAll(thread, new Error('a checking thread stopped')));
  return thread;
}

function settle(thread: Thread, reply: WorkerReply): void {
  const pending = thread.pending.get(reply.id);
  if (!pending) return;
  thread.pending.delete(reply.id);
  const { source, url } = pending.page;
  // The same fields in the same order as runBatch's lines (cli/batch.ts).
  pending.resolve('error' in reply ? { source, url, error: reply.error } : { source, url, ...reply.report });
}

function failAll(thread: Thread, error: Error): void {
  thread.dead = true;
  for (const pending of thread.pending.values()) pending.reject(error);
  thread.pending.clear();
}
