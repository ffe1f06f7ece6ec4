// Comparing a page with one original the reader names: the source its page credits,
// another address, or pasted text. The rules here are pure (no browser API), shared by
// the popup and the background, and unit-tested; the fetching is credited-background.ts.
import type { MessageKey, Said, Translator } from '../i18n/translator';
import type { CreditHow } from '../credit/find-credits';
import type { OriginalRecord } from '../corpus/records';
import type { Article } from '../extract/article';
import type { Report } from '../report/report';
import { hostPattern } from './lists-view';

/** A source the page credits, as the tab's report keeps it (a few, ranked, small). */
export interface StoredCredit {
  readonly url: string;
  readonly host: string;
  /** How it was found: canonical link, og:url, JSON-LD, a credit line… */
  readonly how: CreditHow;
}

/** Credits kept with a tab's report: the best few are all the popup offers. */
export const MAX_STORED_CREDITS = 3;

/** The original a tab's report was compared with, kept beside it for the comparison page. */
export interface ComparedOriginal {
  /** With its full text; where it came from is the report's `originalSource`. */
  readonly record: OriginalRecord;
}

/** What the reader asked to compare the page with. */
export type CompareTarget =
  /** One of the sources the page credits (the background looks it up in the tab's report). */
  | { readonly kind: 'credited'; readonly url: string }
  | { readonly kind: 'address'; readonly url: string }
  | { readonly kind: 'text'; readonly text: string };

/** Why a comparison was not made; the tab's report is then left as it was. */
export type CompareFailure =
  | 'no-page'
  | 'bad-url'
  | 'permission-refused'
  | 'same-page'
  | 'loop'
  | 'http-error'
  | 'redirect-off-site'
  | 'too-large'
  | 'timeout'
  | 'not-html'
  | 'network'
  | 'not-an-article'
  | 'no-common-text'
  | 'not-credited';

export type CompareReply =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason: CompareFailure;
      /** In English, for logs and the command line; the popup words `reason` in the reader's language. */
      readonly message: string;
      /** What the reason is about (an address, a host), said inside its message. */
      readonly detail?: string;
      /** A fetch's own account of what went wrong, when there is one (the popup says it rather than the reason's). */
      readonly said?: Said;
    };

/** Pasted text longer than this is not one article. */
export const MAX_PASTED_CHARS = 1_000_000;

/** The host permission fetching `url` needs (as a corpus list's: scheme and host, any port), or null. */
export function originPattern(url: string): string | null {
  try {
    return hostPattern(url);
  } catch {
    return null;
  }
}

/** A host as people write it: without `www.`. */
export const displayHost = (url: string): string => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/**
 * The credit the popup offers to compare with, if any: the page credits a source and the
 * corpus found no original, or found one on another site than the credit's.
 */
export function creditToOffer(
  report: Report,
  credits: readonly StoredCredit[] | undefined,
  compared: ComparedOriginal | undefined,
): StoredCredit | null {
  const credit = credits?.[0];
  if (!credit || compared) return null;
  if (report.verdict === 'unrelated') return credit;
  if ((report.verdict === 'repost' || report.verdict === 'original') && report.match) {
    return displayHost(report.match.url) === displayHost(credit.url) ? null : credit;
  }
  return null;
}

/**
 * What the reader typed into "Compare with another article…": an address when it is one
 * http(s) address and nothing else, otherwise text to compare with.
 */
export function targetFromInput(input: string): CompareTarget | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  if (/^https?:\/\/\S+$/i.test(trimmed) && originPattern(trimmed) !== null) return { kind: 'address', url: trimmed };
  return { kind: 'text', text: trimmed };
}

/** An original built from an article fetched at `url` (full text kept: it is the reader's own). */
export function recordFromArticle(article: Article, url: string): OriginalRecord {
  return {
    id: `fetched:${url}`,
    title: article.metadata?.title || article.title || displayHost(url),
    author: article.metadata?.authors.join(', ') || article.byline,
    publisher: article.metadata?.publisher || article.siteName || displayHost(url),
    url,
    published: article.metadata?.datePublished ?? '',
    text: article.paragraphs.join('\n\n'),
  };
}

/** An original made of pasted text: its paragraphs are separated by blank lines. */
export function recordFromText(text: string): OriginalRecord {
  return { id: 'pasted', title: 'Pasted text', author: '', publisher: '', url: '', published: '', text };
}

/** A host as the reader types it ("www.example.com", "https://example.com/news"): "example.com", or null. */
export function siteHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase();
  if (trimmed === '') return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const host = url.hostname.replace(/^www\./, '');
    return /^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/.test(host) && host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

/**
 * Each reason's message, and the one that names what it is about (an address, a host) for
 * the reasons given with a detail. A fetch's failure brings its own words (`said`).
 */
const FAILURE_MESSAGE: Record<CompareFailure, { readonly bare: MessageKey; readonly about?: MessageKey }> = {
  'no-page': { bare: 'popup_fail_noPage' },
  'bad-url': { bare: 'popup_fail_badUrl', about: 'popup_fail_badUrl_detail' },
  'permission-refused': { bare: 'popup_fail_permissionRefused', about: 'popup_fail_permissionRefused_detail' },
  'same-page': { bare: 'popup_fail_samePage' },
  loop: { bare: 'popup_fail_loop' },
  'http-error': { bare: 'popup_fail_httpError' },
  'redirect-off-site': { bare: 'popup_fail_redirectOffSite' },
  'too-large': { bare: 'popup_fail_tooLarge' },
  timeout: { bare: 'popup_fail_timeout' },
  'not-html': { bare: 'popup_fail_notHtml' },
  network: { bare: 'popup_fail_network' },
  'not-an-article': { bare: 'popup_fail_notAnArticle' },
  'no-common-text': { bare: 'popup_fail_noCommonText' },
  'not-credited': { bare: 'popup_fail_notCredited' },
};

/** What the popup says when a comparison was not made, in the words of `words` (the reader's language, or English). */
export function failureMessage(reason: CompareFailure, detail: string, words: Translator): string {
  const { bare, about } = FAILURE_MESSAGE[reason];
  return detail && about ? words.t(about, detail) : words.t(bare);
}

/** Text outside the article is kept with a stored report up to this many characters. */
export const MAX_KEPT_OUTSIDE_CHARS = 20_000;

/** The page's text outside its article, when small enough to keep for a later comparison. */
export function keptOutside(outside: readonly string[] | undefined): { outside?: readonly string[] } {
  if (!outside || outside.length === 0) return {};
  const chars = outside.reduce((n, block) => n + block.length, 0);
  return chars <= MAX_KEPT_OUTSIDE_CHARS ? { outside } : {};
}
