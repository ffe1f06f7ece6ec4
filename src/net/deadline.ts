// A request's time limit: an abort signal that fires when the time is up, and whether it
// was the limit that fired (a fetch aborted for being late says so; one aborted for
// another reason says why). Shared by corpus lists, followed sites and fetched originals.

export interface Deadline {
  readonly signal: AbortSignal;
  /** Whether the time ran out. */
  readonly expired: () => boolean;
  /** Aborts now (the caller gave up), not counted as the time running out. */
  readonly abort: () => void;
  /** Stops the clock: call when the request is done, however it ended. */
  readonly clear: () => void;
}

export function deadline(ms: number): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  return {
    signal: controller.signal,
    expired: () => timedOut,
    abort: () => controller.abort(),
    clear: () => clearTimeout(timer),
  };
}

/** A time limit in words: "0.5 s", "15 s". */
export const inSeconds = (ms: number): string => `${(ms / 1000).toFixed(ms < 1000 ? 1 : 0)} s`;
