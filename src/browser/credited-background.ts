// The background's side of "Compare with the credited source" and "Compare with another
// article…": fetch the original the reader named (or take the pasted text), extract it as
// pages are extracted, analyze the tab's page against that one original with its full
// text, and store the result as the tab's report. Any failure leaves the report as it was.
import type { Said } from '../i18n/translator';
import { english } from '../i18n/english';
import { browser } from 'wxt/browser';
import { samePage } from '../credit/find-credits';
import { fetchArticlePage } from '../net/fetch-article';
import { MIN_ARTICLE_WORDS } from '../report/analyze';
import { analyzeAgainstOriginal } from '../check/against-original';
import type { OriginalSource } from '../report/report';
import { readPage } from './credited-page';
import {
  failureMessage,
  originPattern,
  recordFromArticle,
  recordFromText,
  type CompareFailure,
  type CompareReply,
  type CompareTarget,
  type ComparedOriginal,
  type StoredCredit,
} from './credited';
import { loadAutoCreditedSites } from './credited-settings';
import type { TabReport } from './protocol';

/** The largest original fetched, and how long a fetch may take (redirects and body included). */
export const CREDITED_MAX_BYTES = 5 * 1024 * 1024;
export const CREDITED_TIMEOUT_MS = 15_000;

type Checked = Extract<TabReport, { status: 'checked' }>;

export interface CompareDeps {
  readonly getTabReport: (tabId: number) => Promise<TabReport | null>;
  readonly publish: (tabId: number, report: TabReport) => Promise<void>;
  /** Tests shorten the wait for a silent server. */
  readonly timeoutMs?: number;
}

/** A comparison not made: why, in English for logs, and what about, for the popup to say it in the reader's language. */
const failed = (reason: CompareFailure, detail = '', said?: Said): CompareReply => ({
  ok: false,
  reason,
  message: said ? english.say(said) : failureMessage(reason, detail, english),
  ...(detail ? { detail } : {}),
  ...(said ? { said } : {}),
});

/** Compares the tab's page with `target`; on success the comparison becomes the tab's report. */
export async function compareTab(tabId: number, target: CompareTarget, deps: CompareDeps): Promise<CompareReply> {
  const before = await deps.getTabReport(tabId);
  if (before?.status !== 'checked' || before.analysis.article.paragraphs.length === 0) return failed('no-page');
  const isThePage = (url: string): boolean => samePage(url, before.url);

  let compared: ComparedOriginal;
  let source: OriginalSource;
  if (target.kind === 'text') {
    compared = { record: recordFromText(target.text) };
    source = { kind: 'given' };
  } else {
    const credit = target.kind === 'credited' ? before.credits?.find((c) => c.url === target.url) : undefined;
    if (target.kind === 'credited' && !credit) return failed('not-credited');
    if (originPattern(target.url) === null) return failed('bad-url', target.url);
    // Nothing is fetched for a credit that names the page itself.
    if (isThePage(target.url)) return failed('same-page');
    const fetched = await fetchArticlePage(target.url, {
      fetch: (input, init) => fetch(input, init),
      timeoutMs: deps.timeoutMs ?? CREDITED_TIMEOUT_MS,
      maxBytes: CREDITED_MAX_BYTES,
    });
    if (!fetched.ok) return failed(fetched.reason, '', fetched.said);
    if (isThePage(fetched.url)) return failed('same-page');
    // Extracted as every page is: linkedom in the service worker, which has no DOMParser
    // (no offscreen document needed: about 110 ms for a 5,000-word page, of 420 ms from the
    // click to the stored report; npm run bench, Chromium).
    const { article, credits } = readPage(fetched.html, fetched.url);
    // The credited page credits this one: neither is shown to be the original.
    if (credits.some((credit) => isThePage(credit.url))) return failed('loop');
    if (article.tooLarge) return failed('too-large');
    const words = article.paragraphs.reduce((n, p) => n + p.split(/\s+/).filter(Boolean).length, 0);
    if (words < MIN_ARTICLE_WORDS) return failed('not-an-article');
    compared = { record: recordFromArticle(article, fetched.url) };
    source = {
      kind: credit ? 'credited' : 'given',
      url: fetched.url,
      fetchedAt: fetched.fetchedAt,
      ...(credit ? { how: credit.how } : {}),
    };
  }

  // The stored article, at the tab's own address (its canonical link may be the credit).
  const { article: analyzed, ...analysis } = analyzeAgainstOriginal(
    before.analysis.article,
    compared.record,
    source,
    before.url,
  );
  const { verdict } = analysis.report;
  if (verdict !== 'repost' && verdict !== 'original' && verdict !== 'rewritten') return failed('no-common-text');
  // The page moved on while the original was fetched: this answer is for a page no longer shown.
  const now = await deps.getTabReport(tabId);
  if (now?.status !== 'checked' || now.checkedAt !== before.checkedAt || now.url !== before.url) {
    return failed('no-page');
  }
  const report: Checked = {
    status: 'checked',
    url: before.url,
    checkedAt: Date.now(),
    analysis: { ...analysis, article: analyzed },
    ...(before.credits ? { credits: before.credits } : {}),
    compared,
  };
  await deps.publish(tabId, report);
  return { ok: true };
}

/**
 * "Check credited sources automatically": on a site the reader named, a page whose corpus
 * check found nothing is compared with its credited source, if the reader has already
 * given Repost Radar access to that source's site. Nothing is asked for, and a failure
 * is silent: the page's own report stays.
 */
export async function autoCompareCredited(
  tabId: number,
  report: Checked,
  credit: StoredCredit | null,
  deps: CompareDeps,
): Promise<void> {
  if (!credit) return;
  const sites = await loadAutoCreditedSites();
  let host: string;
  try {
    host = new URL(report.url).hostname.replace(/^www\./, '');
  } catch {
    return;
  }
  if (!sites.includes(host)) return;
  const pattern = originPattern(credit.url);
  if (pattern === null || !(await browser.permissions.contains({ origins: [pattern] }))) return;
  await compareTab(tabId, { kind: 'credited', url: credit.url }, deps);
}

/**
 * Comparisons waiting for the reader's answer to a permission prompt. The popup asks in
 * the click and then sends the comparison itself; but a popup may close while the prompt
 * is up (Firefox's doorhanger can take its place), and its answer is then never heard. So
 * the popup names the comparison first, and a grant of that site (permissions.onAdded)
 * runs it. Whichever comes first runs it, once: nothing is fetched before the grant, and
 * an unanswered wait is dropped after PENDING_MS.
 */
interface PendingComparison {
  readonly tabId: number;
  readonly target: CompareTarget;
  readonly pattern: string;
  readonly at: number;
}
export const PENDING_MS = 2 * 60_000;
let pending: readonly PendingComparison[] = [];
const running = new Map<number, Promise<CompareReply>>();

/** The popup is about to ask for `target`'s site: run the comparison if the site is granted meanwhile. */
export function expectGrant(tabId: number, target: CompareTarget, now = Date.now()): void {
  const pattern = target.kind === 'text' ? null : originPattern(target.url);
  if (pattern === null) return;
  pending = [...pending.filter((p) => p.tabId !== tabId), { tabId, target, pattern, at: now }];
}

/** Runs a comparison for a tab, or answers with the one already running for it. */
export function compareOnce(tabId: number, target: CompareTarget, deps: CompareDeps): Promise<CompareReply> {
  const inFlight = running.get(tabId);
  if (inFlight) return inFlight;
  pending = pending.filter((p) => p.tabId !== tabId);
  const run = compareTab(tabId, target, deps).finally(() => running.delete(tabId));
  running.set(tabId, run);
  return run;
}

/** The reader granted these sites: run the comparisons that were waiting for them. */
export async function onOriginsGranted(origins: readonly string[], deps: CompareDeps, now = Date.now()): Promise<void> {
  const fresh = pending.filter((p) => now - p.at < PENDING_MS);
  const ready = fresh.filter((p) => origins.includes(p.pattern));
  pending = fresh.filter((p) => !ready.includes(p));
  await Promise.all(ready.map((p) => compareOnce(p.tabId, p.target, deps)));
}
