import { browser } from 'wxt/browser';
import { badgeFor } from '../src/browser/badge';
import { bundledIndex } from '../src/browser/corpus';
import { sendToTab } from '../src/browser/messaging';
import { isMessage, type Message, type Replies, type TabReport } from '../src/browser/protocol';
import { getTabReport, removeTabReport, setTabReport } from '../src/browser/tab-reports';
import { buildCorpusIndex, type CorpusIndex } from '../src/corpus/corpus-index';
import { articleFromHtml } from '../src/extract/parse-html';
import { analyzeAgainst } from '../src/report/analyze';
import { loadUserOriginals, onUserOriginalsChanged } from '../src/browser/local-store';

/** A check older than this was lost (the service worker stopped mid-way): ask again. */
const STALE_CHECK_MS = 10_000;

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isMessage(message)) return undefined;
    return handle(message, sender.tab?.id);
  });
  browser.tabs.onRemoved.addListener((tabId) => void removeTabReport(tabId));
  onUserOriginalsChanged(() => {
    userIndex = null;
  });
});

/** The user's own originals (options page), indexed with full text; rebuilt when they change. */
let userIndex: Promise<CorpusIndex | null> | null = null;
function userCorpusIndex(): Promise<CorpusIndex | null> {
  userIndex ??= loadUserOriginals().then((records) =>
    records.length > 0 ? buildCorpusIndex(records, { fullText: true }) : null,
  );
  return userIndex;
}

async function corpora(): Promise<CorpusIndex[]> {
  const [user, bundled] = await Promise.all([userCorpusIndex().catch(() => null), bundledIndex()]);
  return user ? [user, bundled] : [bundled];
}

async function handle(message: Message, senderTab: number | undefined): Promise<Replies[Message['type']]> {
  switch (message.type) {
    case 'page-ready':
      if (senderTab !== undefined) await checkPage(senderTab, message.url, message.html);
      return;
    case 'page-skipped':
      if (senderTab !== undefined)
        await publish(senderTab, { status: 'skipped', url: message.url, reason: message.reason });
      return;
    case 'get-tab-report': {
      const report = await getTabReport(message.tabId);
      if (report?.status === 'checking' && Date.now() - report.since > STALE_CHECK_MS) {
        await sendToTab(message.tabId, { type: 'resend-page' });
      }
      return report;
    }
    case 'get-original': {
      for (const index of await corpora()) {
        const original = index.originals.find((o) => o.id === message.id);
        if (original) {
          const end = original.firstParagraph + original.paragraphCount;
          return { original, paragraphs: index.paragraphs.slice(original.firstParagraph, end) };
        }
      }
      return null;
    }
    case 'resend-page':
      return;
  }
}

async function checkPage(tabId: number, url: string, html: string): Promise<void> {
  const checkId = `${Date.now()}-${Math.random()}`;
  await publish(tabId, { status: 'checking', url, since: Date.now(), checkId });
  let result: TabReport;
  try {
    const { article, ...analysis } = analyzeAgainst(articleFromHtml(html, url), await corpora());
    // The text outside the article only served the check: keep the stored report small.
    const { outside: _outside, ...kept } = article;
    result = { status: 'checked', url, checkedAt: Date.now(), analysis: { ...analysis, article: kept } };
  } catch (error) {
    result = { status: 'failed', url, message: error instanceof Error ? error.message : String(error) };
  }
  // A newer check of the same tab (a single-page site moved on) wins over this one.
  const current = await getTabReport(tabId);
  if (current?.status === 'checking' && current.checkId !== checkId) return;
  await publish(tabId, result);
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
  const badge = badgeFor(report);
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
