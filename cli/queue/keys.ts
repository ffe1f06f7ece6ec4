// Redis keys that sit beside BullMQ's own, one set per queue.

export interface QueueKeys {
  /** Sorted set: job id -> its place in input order. */
  readonly order: string;
  /** Counter handing out places in input order. */
  readonly place: string;
  /** Hash: input file identity -> when it was added, so a file is queued once. */
  readonly inputs: string;
  /** Hash: job id -> JSON {label, pages} planned at `queue add`. */
  readonly planned: string;
  /** Hash: job id -> gzipped JSON lines; a retried job overwrites its own field. */
  readonly results: string;
  /** Hash: job id -> pages checked. */
  readonly checked: string;
  /** Hash: first (a job started), last (a job finished), in ms since the epoch. */
  readonly clock: string;
  /** String: the corpus every job of the queue is checked against ('' for the bundled one). */
  readonly corpus: string;
}

export function queueKeys(queue: string): QueueKeys {
  const at = (name: string): string => `repost-radar:${queue}:${name}`;
  return {
    order: at('order'),
    place: at('place'),
    inputs: at('inputs'),
    planned: at('planned'),
    results: at('results'),
    checked: at('checked'),
    clock: at('clock'),
    corpus: at('corpus'),
  };
}

export const allKeys = (keys: QueueKeys): string[] => Object.values(keys);
