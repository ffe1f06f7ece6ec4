// Each tab's report in session storage (src/browser/tab-reports.ts), with WXT's fake browser.
import { fakeBrowser } from '../support/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TabReport } from '../../src/browser/protocol';
import { getTabReport, removeTabReport, setTabReport, watchTabReport } from '../../src/browser/tab-reports';

const url = 'https://reposts.example/story';
const checking: TabReport = { status: 'checking', url, since: 1_700_000_000_000, checkId: 'check-1' };
const skipped: TabReport = { status: 'skipped', url, reason: 'not-an-article' };
const failed: TabReport = { status: 'failed', url, message: 'the corpus could not be read' };

beforeEach(() => fakeBrowser.reset());

describe('tab reports', () => {
  it('keeps a report per tab, in session storage only', async () => {
    expect(await getTabReport(1)).toBeNull();
    await setTabReport(1, checking);
    await setTabReport(2, skipped);
    expect(await getTabReport(1)).toEqual(checking);
    expect(await getTabReport(2)).toEqual(skipped);
    // Gone when the browser closes, kept while the service worker sleeps: not in local storage.
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(Object.keys(await fakeBrowser.storage.session.get()).sort()).toEqual(['tab:1', 'tab:2']);
  });

  it('replaces a tab’s report, and removes it without touching other tabs', async () => {
    await setTabReport(1, checking);
    await setTabReport(2, skipped);
    await setTabReport(1, failed);
    expect(await getTabReport(1)).toEqual(failed);
    await removeTabReport(1);
    expect(await getTabReport(1)).toBeNull();
    expect(await getTabReport(2)).toEqual(skipped);
  });

  it('tells a watcher of each change to its tab’s report, and of nothing else', async () => {
    const seen: (TabReport | null)[] = [];
    const stop = watchTabReport(1, (report) => seen.push(report));
    await setTabReport(1, checking);
    await setTabReport(2, skipped);
    await fakeBrowser.storage.local.set({ 'tab:1': failed });
    await setTabReport(1, failed);
    await removeTabReport(1);
    expect(seen).toEqual([checking, failed, null]);
    stop();
    await setTabReport(1, skipped);
    expect(seen).toHaveLength(3);
  });
});
