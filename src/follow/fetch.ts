// One GET of a followed site's feed or article page. Pure: `fetch` is passed in (the
// background gives the browser's, tests a local server's or a fake). No cookies, no
// referrer; one timer for connection and body; the body read up to a size cap; the
// answer must come from the site asked (a redirect to another host is refused: the reader
// allowed that host only).
import { decode } from '../ingest/charset';
import { readCappedBody } from '../net/capped-body';
import { deadline } from '../net/deadline';
import { errorMessage } from '../text/error-message';

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
}

export type Fetched =
  | {
      readonly kind: 'ok';
      /** The address after redirects. */
      readonly url: string;
      readonly mediaType: string;
      readonly text: string;
      readonly etag?: string;
      readonly lastModified?: string;
    }
  | { readonly kind: 'not-modified' }
  | { readonly kind: 'failed'; readonly reason: string };

export async function fetchFromSite(
  fetchFn: typeof fetch,
  url: string,
  limits: FetchLimits,
  headers: Readonly<Record<string, string>> = {},
): Promise<Fetched> {
  const clock = deadline(limits.timeoutMs);
  const late = (): Fetched => ({ kind: 'failed', reason: `no answer within ${seconds(limits.timeoutMs)}` });
  try {
    let response: Response;
    try {
      response = await fetchFn(url, {
        headers: {
          accept: 'application/rss+xml,application/atom+xml,application/xml,text/html;q=0.9,*/*;q=0.5',
          ...headers,
        },
        signal: clock.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        // Revalidate rather than take the browser's cached copy; our validators say what we hold.
        cache: 'no-cache',
        redirect: 'follow',
      });
    } catch (error) {
      return clock.expired() ? late() : { kind: 'failed', reason: `cannot reach ${url}: ${errorMessage(error)}` };
    }
    const finalUrl = response.url || url;
    if (new URL(finalUrl).host !== new URL(url).host) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'failed', reason: `redirected to another site (${new URL(finalUrl).host})` };
    }
    if (response.status === 304) return { kind: 'not-modified' };
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return {
        kind: 'failed',
        reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
      };
    }
    const contentType = response.headers.get('content-type') ?? '';
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'failed', reason: `${megabytes(declared)}, over ${megabytes(limits.maxBytes)}` };
    }
    const body = await readCappedBody(response, limits.maxBytes);
    if (body.kind === 'too-large') return { kind: 'failed', reason: `over ${megabytes(limits.maxBytes)}` };
    if (body.kind === 'cut-off') {
      return clock.expired() ? late() : { kind: 'failed', reason: `connection lost: ${errorMessage(body.error)}` };
    }
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return {
      kind: 'ok',
      url: finalUrl,
      mediaType: contentType.split(';')[0]!.trim().toLowerCase(),
      text: decode(body.bytes, contentType),
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  } finally {
    clock.clear();
  }
}

const seconds = (ms: number): string => `${+(ms / 1000).toFixed(1)} s`;
const megabytes = (bytes: number): string => `${+(bytes / 1048576).toFixed(1)} MB`;
