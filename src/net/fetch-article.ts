// Fetching one article page that the reader asked for (a credited source, an address they
// gave): the extension's background and the command line share it. Pure: `fetch` is
// injected. No cookies, no referrer, a size cap, one timer for everything, and redirects
// only within the asked-for site.
//
// Redirects. The request asks `redirect: 'manual'` so that each hop can be checked before
// it is contacted, and followed here (at most MAX_HOPS). Node's fetch then hands over the
// 3xx response with its Location. Browsers do not: they answer an opaque redirect (status
// 0, no headers). For that case only, the same address is asked again with
// `redirect: 'follow'`, and the final address (`response.url`) must still be on the site:
// the browser may have passed through other hops unseen, but nothing off the site is read.
import { inEnglish } from '../i18n/english';
import type { MessageKey, Param, Said } from '../i18n/translator';
import { readCappedBody } from './capped-body';
import { deadline, inSeconds } from './deadline';
import { sameSite } from './same-site';
import { causeMessage, errorMessage } from '../text/error-message';

export type ArticleFetch =
  | {
      readonly ok: true;
      /** The final address, after same-site redirects. */
      readonly url: string;
      readonly html: string;
      readonly contentType: string;
      /** ISO 8601. */
      readonly fetchedAt: string;
    }
  | {
      readonly ok: false;
      readonly reason: ArticleFetchFailure;
      /** The HTTP status, when the server answered with one. */
      readonly status?: number;
      /** One sentence for a reader: what went wrong, with the address or host (English; `said` for other languages). */
      readonly message: string;
      readonly said: Said;
    };

export type ArticleFetchFailure =
  'bad-url' | 'http-error' | 'redirect-off-site' | 'too-large' | 'timeout' | 'not-html' | 'network';

export interface ArticleFetchOptions {
  readonly fetch: typeof fetch;
  /** For everything: every hop and the body (default 15 s). */
  readonly timeoutMs?: number;
  /** The largest page read (default 5 MB). */
  readonly maxBytes?: number;
  readonly now?: () => number;
  /** Cancels the fetch (reported as a timeout). */
  readonly signal?: AbortSignal;
}

export const ARTICLE_TIMEOUT_MS = 15_000;
export const ARTICLE_MAX_BYTES = 5 * 1024 * 1024;
/** Redirects followed within the site before giving up. */
export const MAX_HOPS = 5;

const REDIRECT_STATUS = new Set([301, 302, 303, 307, 308]);

/** Fetches an article page. Never throws: a failure is a result with a reason. */
export async function fetchArticlePage(url: string, options: ArticleFetchOptions): Promise<ArticleFetch> {
  const start = httpUrl(url);
  if (start === null) return fail('bad-url', say('net_badUrl', url));
  const timeoutMs = options.timeoutMs ?? ARTICLE_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? ARTICLE_MAX_BYTES;
  const clock = deadline(timeoutMs);
  const onAbort = (): void => clock.abort();
  options.signal?.addEventListener('abort', onAbort);
  const late = (): ArticleFetch => fail('timeout', say('net_timeout', start.host, inSeconds(timeoutMs)));
  try {
    const got = await follow(start, options.fetch, clock.signal);
    if ('failure' in got) return got.failure;
    const { response, url: finalUrl } = got;
    const where = finalUrl.host;
    if (!response.ok) {
      await discard(response);
      const text = response.statusText ? ` ${response.statusText}` : '';
      return fail(
        'http-error',
        say('net_httpError', where, `${response.status}${text}`, finalUrl.href),
        response.status,
      );
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (contentType !== '' && !isHtmlType(contentType)) {
      await discard(response);
      const type = contentType.split(';')[0]!.trim();
      return fail('not-html', say('net_notHtmlType', finalUrl.href, type), response.status);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > maxBytes) {
      await discard(response);
      return fail('too-large', say('net_tooLargeDeclared', finalUrl.href, megabytes(declared), megabytes(maxBytes)));
    }
    const body = await readCappedBody(response, maxBytes);
    if (body.kind === 'too-large') {
      return fail('too-large', say('net_tooLarge', finalUrl.href, megabytes(maxBytes)));
    }
    if (body.kind === 'cut-off') {
      if (clock.expired()) return late();
      return fail('network', say('net_cutOff', finalUrl.href, body.received));
    }
    const html = decode(body.bytes, contentType);
    if (contentType === '' && !/^\s*(?:<!doctype html|<html[\s>]|<head[\s>])/i.test(html.slice(0, 2048))) {
      return fail('not-html', say('net_notHtmlUnknown', finalUrl.href));
    }
    return {
      ok: true,
      url: finalUrl.href,
      html,
      contentType,
      fetchedAt: new Date((options.now ?? Date.now)()).toISOString(),
    };
  } catch (error) {
    if (clock.expired() || options.signal?.aborted) return late();
    return fail('network', say('net_unreachable', start.host, causeMessage(error) ?? errorMessage(error)));
  } finally {
    clock.clear();
    options.signal?.removeEventListener('abort', onAbort);
  }
}

type Followed = { readonly response: Response; readonly url: URL } | { readonly failure: ArticleFetch };

/** Requests `start`, following redirects that stay on its site. Throws on network errors. */
async function follow(start: URL, fetchFn: typeof fetch, signal: AbortSignal): Promise<Followed> {
  const init = (redirect: RequestRedirect): RequestInit => ({
    redirect,
    signal,
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
    headers: { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1' },
  });
  let url = start;
  for (let hop = 0; ; hop++) {
    const response = await fetchFn(url.href, init('manual'));
    if (response.type === 'opaqueredirect') {
      // A browser: the Location is hidden. Let it follow, then check where it ended.
      const followed = await fetchFn(url.href, init('follow'));
      const end = httpUrl(followed.url) ?? url;
      if (!sameSite(end, start)) {
        await discard(followed);
        return { failure: offSite(start, end) };
      }
      return { response: followed, url: end };
    }
    if (!REDIRECT_STATUS.has(response.status)) return { response, url };
    await discard(response);
    const location = response.headers.get('location');
    const next = location === null ? null : httpUrl(location, url);
    if (next === null) {
      const said =
        location === null
          ? say('net_redirectNowhere', url.host, response.status)
          : say('net_redirectBad', url.host, response.status, location);
      return { failure: fail('http-error', said, response.status) };
    }
    if (!sameSite(next, start)) return { failure: offSite(start, next) };
    if (hop + 1 > MAX_HOPS) {
      return {
        failure: fail('http-error', say('net_tooManyRedirects', start.host, MAX_HOPS), response.status),
      };
    }
    url = next;
  }
}

function offSite(start: URL, to: URL): ArticleFetch {
  return fail('redirect-off-site', say('net_offSite', start.href, to.host));
}

/** HTML, or XHTML: what an article page is served as. */
function isHtmlType(contentType: string): boolean {
  return /^\s*(?:text\/html|application\/xhtml\+xml)\s*(?:;|$)/i.test(contentType);
}

/** The page's text: the charset the server names, else the one the page declares, else UTF-8. */
function decode(bytes: Uint8Array, contentType: string): string {
  const declared =
    /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)))?.[1];
  if (declared !== undefined) {
    try {
      return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: UTF-8 below.
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function httpUrl(text: string, base?: URL): URL | null {
  try {
    const url = new URL(text, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

function fail(reason: ArticleFetchFailure, said: Said, status?: number): ArticleFetch {
  const failure = { ok: false as const, reason, message: inEnglish(said), said };
  return status === undefined ? failure : { ...failure, status };
}

const say = (key: MessageKey, ...params: Param[]): Said => ({ key, params });

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

const megabytes = (n: number): string => (n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(1)} MB`);
