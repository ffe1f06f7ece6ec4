// Keeps one subscribed corpus list up to date: the extension's background runs this daily
// and on "update now". Pure: `fetch` is injected, the rest is WebCrypto and URL.
//
// Order of checks (each failure keeps the old manifest and index, and says why):
// conditional GET of the manifest → shape and format version → signature, with the key
// pinned at subscription → no rollback → index format and size → GET the index (same
// origin, size-capped, timed) → byte length and SHA-256 → `validateIndex`.
import { INDEX_FORMAT_VERSION } from '../corpus/index-file';
import { readCappedBody } from '../net/capped-body';
import { deadline, inSeconds } from '../net/deadline';
import { errorMessage } from '../text/error-message';
import { ListError, parseManifest, sha256Hex, verifyManifest, type ListManifest } from './manifest';

export interface ListState {
  readonly url: string; // the manifest's URL
  readonly manifest?: ListManifest; // last good one
  readonly etag?: string;
  readonly lastModified?: string;
  readonly checkedAt?: number;
  readonly updatedAt?: number;
  readonly status: 'ok' | 'never-loaded' | 'error';
  readonly error?: string; // why the last check failed (the old list is kept)
  /** Set when the stored copy was found damaged: the next update downloads it whatever the server says. */
  readonly damaged?: boolean;
}

export type UpdateResult =
  | { kind: 'unchanged'; state: ListState } // 304, or same version and hash
  | { kind: 'updated'; state: ListState; index: Uint8Array } // new verified bytes to store
  | { kind: 'failed'; state: ListState }; // old manifest and index kept; state.error says why

export interface UpdateOptions {
  readonly fetch: typeof fetch;
  /** For each request, body included (default 60 s). */
  readonly timeoutMs?: number;
  /** The largest index accepted (default 200 MB). */
  readonly maxBytes?: number;
  readonly now?: () => number;
  /** Throws when the bytes are not a usable index (the extension passes its deserializer). */
  readonly validateIndex?: (bytes: Uint8Array) => void;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;
/** A manifest is a few hundred bytes; anything past this is not one. */
const MAX_MANIFEST_BYTES = 64 * 1024;

/** Checks a list for a new version and downloads it. Never throws: a failure is a result. */
export async function updateList(state: ListState, options: UpdateOptions): Promise<UpdateResult> {
  const now = options.now ?? Date.now;
  try {
    return await check(state, options, now);
  } catch (error) {
    const reason =
      error instanceof ListError ? error.message : `unexpected error: ${errorMessage(error, { withCause: true })}`;
    return { kind: 'failed', state: { ...state, checkedAt: now(), status: 'error', error: reason } };
  }
}

/**
 * A stored list this version cannot keep using: kept by an earlier Repost Radar in an
 * index format this one does not read, or found damaged. It is downloaded again at the
 * next update, whatever the server says of its version.
 */
export function mustDownloadAgain(state: ListState): boolean {
  return (
    state.damaged === true ||
    (state.manifest !== undefined && state.manifest.indexFormatVersion !== INDEX_FORMAT_VERSION)
  );
}

async function check(state: ListState, options: UpdateOptions, now: () => number): Promise<UpdateResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const manifestUrl = httpUrl(state.url, 'the list address');
  const stored = state.manifest;
  // Such a list is no list to keep, but its key stays pinned and it cannot roll back.
  const current = mustDownloadAgain(state) ? undefined : stored;

  // Conditional only when there is a list to keep: a 304 with nothing loaded would leave nothing.
  const headers: Record<string, string> = {};
  if (current !== undefined && state.etag !== undefined) headers['If-None-Match'] = state.etag;
  if (current !== undefined && state.lastModified !== undefined) headers['If-Modified-Since'] = state.lastModified;
  const got = await download(options.fetch, manifestUrl, headers, timeoutMs, MAX_MANIFEST_BYTES, 'the manifest');
  if (got.status === 304 && current !== undefined) return { kind: 'unchanged', state: ok(state, now()) };
  if (got.status !== 200)
    throw new ListError(`the manifest: the server answered ${got.status} ${got.statusText}`.trim());
  const validators = {
    etag: got.headers.get('etag') ?? undefined,
    lastModified: got.headers.get('last-modified') ?? undefined,
  };

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(got.body));
  } catch {
    throw new ListError(`the manifest at ${manifestUrl.href} is not JSON`);
  }
  const manifest = parseManifest(json);
  await verifyManifest(manifest, stored?.publicKey);

  if (stored !== undefined && manifest.version < stored.version) {
    throw new ListError(
      `the server offers version ${manifest.version}, older than the version ${stored.version} you have (refused as a rollback)`,
    );
  }
  if (current !== undefined) {
    if (manifest.version === current.version) {
      if (manifest.sha256 !== current.sha256) {
        throw new ListError(
          `version ${manifest.version} was republished with other contents without a new version number`,
        );
      }
      return { kind: 'unchanged', state: ok({ ...state, ...validators }, now()) };
    }
  }
  if (manifest.indexFormatVersion !== INDEX_FORMAT_VERSION) {
    throw new ListError(
      `the list's index is in format ${manifest.indexFormatVersion}; this version of Repost Radar reads format ${INDEX_FORMAT_VERSION}`,
    );
  }
  if (manifest.bytes > maxBytes) {
    throw new ListError(
      `the list's index is ${megabytes(manifest.bytes)}, more than the ${megabytes(maxBytes)} allowed`,
    );
  }

  // The index must come from the manifest's origin: the user granted access to that origin only.
  const indexUrl = httpUrl(new URL(manifest.index, manifestUrl).href, 'the index address');
  if (indexUrl.origin !== manifestUrl.origin) {
    throw new ListError(`the index (${indexUrl.href}) is not on the list's site (${manifestUrl.origin})`);
  }
  const index = await download(options.fetch, indexUrl, {}, timeoutMs, manifest.bytes, 'the index');
  if (index.status !== 200)
    throw new ListError(`the index: the server answered ${index.status} ${index.statusText}`.trim());
  if (index.body.length !== manifest.bytes) {
    throw new ListError(
      `the index download is incomplete: ${index.body.length} of the ${manifest.bytes} bytes the manifest promises`,
    );
  }
  const hash = await sha256Hex(index.body);
  if (hash !== manifest.sha256) {
    throw new ListError(
      `the index's SHA-256 (${hash}) is not the manifest's (${manifest.sha256}): it was altered or damaged`,
    );
  }
  if (options.validateIndex !== undefined) {
    try {
      options.validateIndex(index.body);
    } catch (error) {
      throw new ListError(
        `the index passed its checksum but cannot be loaded: ${errorMessage(error, { withCause: true })}`,
      );
    }
  }
  const at = now();
  const { error: _error, etag: _etag, lastModified: _lastModified, damaged: _damaged, ...rest } = state;
  return {
    kind: 'updated',
    state: { ...rest, ...defined(validators), manifest, checkedAt: at, updatedAt: at, status: 'ok' },
    index: index.body,
  };
}

/** A successful check: the error, if any, is cleared; new validators replace the old. */
function ok(state: ListState, at: number): ListState {
  const { error: _error, etag, lastModified, ...rest } = state;
  return { ...rest, ...defined({ etag, lastModified }), checkedAt: at, status: 'ok' };
}

interface Fetched {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Headers;
  readonly body: Uint8Array;
}

/** One GET, body included, under one timer; the body is read only for a 200, up to `limit` bytes. */
async function download(
  fetchFn: typeof fetch,
  url: URL,
  headers: Record<string, string>,
  timeoutMs: number,
  limit: number,
  what: string,
): Promise<Fetched> {
  const clock = deadline(timeoutMs);
  const late = (): ListError => new ListError(`${what}: ${url.host} did not answer within ${inSeconds(timeoutMs)}`);
  try {
    let response: Response;
    try {
      // `no-cache`: revalidate rather than take the browser's cached copy (our own
      // If-None-Match already makes a request bypass the cache).
      response = await fetchFn(url.href, {
        headers,
        signal: clock.signal,
        credentials: 'omit',
        cache: 'no-cache',
      });
    } catch (error) {
      throw clock.expired()
        ? late()
        : new ListError(`${what}: cannot reach ${url.href}: ${errorMessage(error, { withCause: true })}`);
    }
    const { status, statusText } = response;
    if (status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return { status, statusText, headers: response.headers, body: new Uint8Array(0) };
    }
    const declared = response.headers.get('content-length');
    if (declared !== null && Number(declared) > limit) {
      await response.body?.cancel().catch(() => undefined);
      throw new ListError(`${what} is ${declared} bytes, more than the ${limit} expected`);
    }
    // Reading stops as soon as the body is too large, not after holding it all.
    const body = await readCappedBody(response, limit);
    if (body.kind === 'too-large') throw new ListError(`${what} is larger than the ${limit} bytes expected`);
    if (body.kind === 'cut-off') {
      if (clock.expired()) throw late();
      const of = declared === null ? '' : ` of ${declared}`;
      throw new ListError(
        `${what} download was cut off after ${body.received}${of} bytes: ${errorMessage(body.error, { withCause: true })}`,
      );
    }
    return { status, statusText, headers: response.headers, body: body.bytes };
  } finally {
    clock.clear();
  }
}

function httpUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ListError(`${what} is not a URL: ${text}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ListError(`${what} is not http(s): ${text}`);
  return url;
}

/** Drops undefined values, so a state never holds `etag: undefined`. */
function defined<T extends Record<string, string | undefined>>(o: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>;
}

const megabytes = (n: number): string => (n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(1)} MB`);
