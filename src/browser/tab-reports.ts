import { browser } from 'wxt/browser';
import type { TabReport } from './protocol';

// Reports live in session storage: in memory, gone when the browser closes, and kept
// when the MV3 service worker is stopped and started again.
const key = (tabId: number): string => `tab:${tabId}`;

export async function getTabReport(tabId: number): Promise<TabReport | null> {
  const stored = await browser.storage.session.get(key(tabId));
  return (stored[key(tabId)] as TabReport | undefined) ?? null;
}

export async function setTabReport(tabId: number, report: TabReport): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: report });
}

export async function removeTabReport(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}

/** Calls `listener` whenever the report of `tabId` changes. Returns the unsubscribe. */
export function watchTabReport(tabId: number, listener: (report: TabReport | null) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'session' && key(tabId) in changes) listener((changes[key(tabId)]!.newValue as TabReport) ?? null);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
