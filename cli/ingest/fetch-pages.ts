import { gunzipSync } from 'node:zlib';
import { errorMessage } from '../../src/text/error-message';
import { readCappedBody } from '../../src/net/capped-body';
import { DEFAULT_FETCH, type FetchOptions } from './fetch-options';
import { decode } from '../../src/ingest/charset';

// Fetching feeds and article pages over http(s) with Node's fetch: one timeout per
// request (connection and body together) and a size cap read off the stream.

export type FetchOutcome =
  | {
      readonly kind: 'ok';
      /** The address after redirects. */
      readonly url: string;
      /** The media type, lower case, without parameters ('' when the server sends none). */
      readonly mediaType: string;
      readonly text: string;
    }
  | { readonly kind: 'failed'; readonly reason: string };

const USER_AGENT = 'repost-radar-corpus/0.1 (+https://github.com/repost-radar)';

export async function fetchText(url: string, options: FetchOptions = DEFAULT_FETCH): Promise<FetchOutcome> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  const timedOut = (): FetchOutcome => ({
    kind: 'failed',
    reason: `timed out after ${formatSeconds(options.timeoutMs)}`,
  });
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      redirect: 'follow',
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5',
      },
    });
  } catch (error) {
    if (signal.aborted) return timedOut();
    return { kind: 'failed', reason: `cannot fetch (${networkReason(error)})` };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'failed', reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}` };
  }
  const contentType = response.headers.get('content-type') ?? '';
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > options.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'failed', reason: `${formatMegabytes(declared)}: over ${formatMegabytes(options.maxBytes)}` };
  }
  const read = await readCappedBody(response, options.maxBytes);
  if (read.kind === 'too-large') return { kind: 'failed', reason: `over ${formatMegabytes(options.maxBytes)}` };
  if (read.kind === 'cut-off') {
    if (signal.aborted) return timedOut();
    return { kind: 'failed', reason: `connection lost (${networkReason(read.error)})` };
  }
  const inflated = gunzipIfGzipped(read.bytes, options.maxBytes);
  if (inflated.kind === 'failed') return inflated;
  const bytes = inflated.bytes;
  return {
    kind: 'ok',
    url: response.url || url,
    mediaType: contentType.split(';')[0]!.trim().toLowerCase(),
    text: decode(bytes, contentType),
  };
}

/**
 * Gzipped files served as they are (sitemap.xml.gz) inflated, to `maxBytes` at most; a body
 * the server compressed for the transfer was already inflated by fetch.
 */
export function gunzipIfGzipped(
  bytes: Uint8Array,
  maxBytes: number,
): { readonly kind: 'ok'; readonly bytes: Uint8Array } | { readonly kind: 'failed'; readonly reason: string } {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return { kind: 'ok', bytes };
  try {
    return { kind: 'ok', bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      kind: 'failed',
      reason: code === 'ERR_BUFFER_TOO_LARGE' ? `over ${formatMegabytes(maxBytes)} inflated` : 'damaged gzip data',
    };
  }
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? errorMessage(error);
}

const formatSeconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;
const formatMegabytes = (bytes: number): string => `${+(bytes / 1048576).toFixed(1)} MB`;
