import { ui } from '../src/ui/i18n';
import { browser } from 'wxt/browser';
import { badgeFor } from '../src/browser/badge';
import { readPage } from '../src/browser/credited-page';
import { autoCompareCredited, compareOnce, expectGrant, onOriginsGranted } from '../src/browser/credited-background';
import { originalView } from '../src/browser/credited-analysis';
import { creditToOffer, keptOutside, MAX_STORED_CREDITS } from '../src/browser/credited';
import { bundledIndex } from '../src/browser/corpus';
import { sendToTab } from '../src/browser/messaging';
import { dispatch, type BackgroundHandlers, type TabReport } from '../src/browser/protocol';
import { getTabReport, removeTabReport, setTabReport } from '../src/browser/tab-reports';
import { isSiteOff } from '../src/browser/site-switch';
import { buildCorpusIndex, type CorpusIndex } from '../src/corpus/corpus-index';
import { analyzeAgainst } from '../src/check/analyze';
import { loadExamples, loadUserOriginals, onUserOriginalsChanged } from '../src/browser/local-store';
import { compareSaved } from '../src/browser/compare-saved';
import {
  addList,
  listIndexes,
  reloadDamaged,
  listViews,
  onListAlarm,
  removeList,
  scheduleListUpdates,
  updateNow,
} from '../src/browser/lists-background';
import { errorMessage } from '../src/text/error-message';
import { openOnboardingOnInstall } from '../src/browser/first-run';
import {
  followedIndex,
  followedReply,
  followSite,
  onFollowAlarm,
  scheduleFollowUpdates,
  setFollowSettings,
  unfollowSite,
  updateFollowedNow,
} from '../src/browser/follow-background';

/** A check older than this was lost (the service worker stopped mid-way): ask again. */
const STALE_CHECK_MS = 10_000;

export default defineBackground(() => {
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((message: unknown, sender) => dispatch(message, sender, handlers, extension));
  browser.tabs.onRemoved.addListener((tabId) => void removeTabReport(tabId));
  // A comparison the popup asked a site for runs when the site is granted (credited-background.ts).
  browser.permissions.onAdded.addListener(
    ({ origins }) => void onOriginsGranted(origins ?? [], { getTabReport, publish }).catch(() => undefined),
  );
  onUserOriginalsChanged(() => {
    userIndex = null;
  });
  // Corpus lists: a daily alarm, and a check soon after the browser starts or the
  // extension is installed or updated (only lists not checked for a day make a request).
  browser.runtime.onInstalled.addListener(() => void scheduleListUpdates());
  browser.runtime.onStartup.addListener(() => void scheduleListUpdates());
  browser.alarms.onAlarm.addListener((alarm) => void onListAlarm(alarm.name));
  // Followed newsrooms: an alarm every few hours (the settings'), kept across restarts.
  browser.runtime.onInstalled.addListener(() => void scheduleFollowUpdates());
  browser.runtime.onStartup.addListener(() => void scheduleFollowUpdates());
  browser.alarms.onAlarm.addListener((alarm) => void onFollowAlarm(alarm.name));
  // First run: the onboarding page, on a fresh install only.
  browser.runtime.onInstalled.addListener(openOnboardingOnInstall);
});

/** The user's own originals (options page), indexed with full text; rebuilt when they change. */
let userIndex: Promise<CorpusIndex | null> | null = null;
function userCorpusIndex(): Promise<CorpusIndex | null> {
  userIndex ??= loadUserOriginals().then((records) =>
    records.length > 0 ? buildCorpusIndex(records, { fullText: true }) : null,
  );
  return userIndex;
}

/** Every index a page is checked against: the user's originals, the followed sites' articles, the bundled corpus, then each subscribed list. */
async function corpora(): Promise<CorpusIndex[]> {
  const [user, followed, bundled, lists] = await Promise.all([
    userCorpusIndex().catch(() => null),
    followedIndex().catch(() => null),
    bundledIndex(),
    listIndexes().catch(() => []),
  ]);
  return [...(user ? [user] : []), ...(followed ? [followed] : []), bundled, ...lists];
}

/**
 * One handler per message the background accepts. Content scripts (channel `page`)
 * speak only of their own tab, which the browser names, never the message; reading
 * reports and originals is for the extension's own pages (protocol.ts, BACKGROUND_MESSAGES).
 */
const handlers: BackgroundHandlers = {
  'page-ready': async (message, { tabId }) =>
    // The reader may have turned the site off since the content script asked (site-switch.ts).
    (await isSiteOff(message.url))
      ? publish(tabId, { status: 'skipped', url: message.url, reason: 'site-off' })
      : checkPage(tabId, message.url, message.html),
  'page-skipped': (message, { tabId }) =>
    publish(tabId, { status: 'skipped', url: message.url, reason: message.reason }),
  'get-tab-report': async ({ tabId }) => {
    const report = await getTabReport(tabId);
    if (report?.status === 'checking' && Date.now() - report.since > STALE_CHECK_MS) {
      await sendToTab(tabId, { type: 'resend-page' });
    }
    return report;
  },
  'get-original': async ({ id, tabId }) => {
    // The original this tab was compared with (fetched or pasted), with its whole paragraphs.
    if (tabId !== undefined) {
      const report = await getTabReport(tabId);
      if (report?.status === 'checked' && report.compared?.record.id === id)
        return originalView(report.compared.record);
    }
    for (const index of await corpora()) {
      const found = index.findOriginal(id);
      if (found >= 0) return { original: index.originalOf(found), paragraphs: index.keptParagraphsOf(found) };
    }
    return null;
  },
  'compare-saved': async ({ id }) =>
    compareSaved(
      (await loadExamples()).find((e) => e.id === id),
      await corpora(),
    ),
  'compare-original': ({ tabId, target }) => compareOnce(tabId, target, { getTabReport, publish }),
  'expect-grant': async ({ tabId, target }) => expectGrant(tabId, target),
  'get-lists': async () => ({ lists: await listViews() }),
  'add-list': ({ url }) => addList(url),
  'remove-list': ({ url }) => removeList(url),
  'update-lists': ({ url }) => updateNow(url),
  'get-followed': () => followedReply(),
  'follow-site': ({ url }) => followSite(url),
  'unfollow-site': ({ url }) => unfollowSite(url),
  'update-followed': ({ url }) => updateFollowedNow(url),
  'set-follow-settings': ({ intervalHours, expiryDays }) => setFollowSettings({ intervalHours, expiryDays }),
};

async function checkPage(tabId: number, url: string, html: string): Promise<void> {
  const checkId = `${Date.now()}-${Math.random()}`;
  await publish(tabId, { status: 'checking', url, since: Date.now(), checkId });
  let result: TabReport;
  try {
    // A list found damaged is left out of this answer and downloaded again.
    // One parse of the markup gives the article and the sources the page credits.
    const page = readPage(html, url);
    const { article, ...analysis } = analyzeAgainst(page.article, await corpora(), (index, error) => {
      void reloadDamaged(index, error.message).catch(() => undefined);
    });
    // The text outside the article serves a later comparison with a credited source
    // (text found there is not missing); kept only when small, so the stored report stays small.
    const { outside, ...kept } = article;
    const credits = page.credits.slice(0, MAX_STORED_CREDITS);
    result = {
      status: 'checked',
      url,
      checkedAt: Date.now(),
      analysis: { ...analysis, article: { ...kept, ...keptOutside(outside) } },
      ...(credits.length > 0 ? { credits } : {}),
      ...(page.creditsSelf ? { creditsSelf: true as const } : {}),
    };
  } catch (error) {
    result = { status: 'failed', url, message: errorMessage(error) };
  }
  // A newer check of the same tab (a single-page site moved on) wins over this one.
  const current = await getTabReport(tabId);
  if (current?.status === 'checking' && current.checkId !== checkId) return;
  await publish(tabId, result);
  if (result.status === 'checked') {
    const credit = creditToOffer(result.analysis.report, result.credits, undefined);
    await autoCompareCredited(tabId, result, credit, { getTabReport, publish }).catch(() => undefined);
  }
}

async function publish(tabId: number, report: TabReport): Promise<void> {
  try {
    await setTabReport(tabId, report);
  } catch {
    // Session storage is full (many tabs of long pages): keep the verdict and its
    // evidence, drop the page's text (the comparison page and saving need it).
    if (report.status !== 'checked') throw new Error('session storage is full');
    const { analysis } = report;
    await setTabReport(tabId, {
      ...report,
      analysis: { ...analysis, article: { ...analysis.article, paragraphs: [] } },
    });
  }
  const badge = badgeFor(report, ui);
  const action = browser.action ?? browser.browserAction;
  try {
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
    ]);
  } catch {
    // The tab was closed meanwhile: nothing to show.
  }
}
