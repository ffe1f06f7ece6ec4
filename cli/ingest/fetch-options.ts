// How pages are fetched, on its own so that registering the commands loads no fetching code.

export interface FetchOptions {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export const DEFAULT_FETCH: FetchOptions = { timeoutMs: 20_000, maxBytes: 10 * 1024 * 1024 };
/** Requests in flight at once: enough to hide latency, few enough to be polite to one site. */
export const DEFAULT_CONCURRENCY = 4;
