// The comparison page's own copy of what it shows, so that a reload, or a visit after the
// article's tab was closed (its report goes with the tab), still shows the comparison.
// Kept in session storage: on this computer, in memory, gone when the browser closes;
// only the latest few, since each holds a page's text and its original's.
import { storage } from 'wxt/utils/storage';
import type { OriginalView, TabReport } from './protocol';

/** How many comparisons are kept; the oldest goes first. */
export const MAX_SNAPSHOTS = 10;

export type CheckedReport = Extract<TabReport, { status: 'checked' }>;

export interface CompareSnapshot {
  /** Named in the comparison page's address: compare.html?id=… */
  readonly id: string;
  readonly report: CheckedReport;
  readonly original: OriginalView;
}

/** The same tab's same check gives the same id: opening it twice keeps one copy. */
export const snapshotId = (tabId: number, report: CheckedReport): string => `${tabId}-${report.checkedAt}`;

/** `list` with `snapshot` first (replacing one of the same id), at most `cap` long. */
export function keepSnapshot(
  list: readonly CompareSnapshot[],
  snapshot: CompareSnapshot,
  cap = MAX_SNAPSHOTS,
): CompareSnapshot[] {
  return [snapshot, ...list.filter((s) => s.id !== snapshot.id)].slice(0, cap);
}

const snapshots = storage.defineItem<CompareSnapshot[]>('session:compareSnapshots', { fallback: [] });

/**
 * Keeps `snapshot`; when storage is full (long pages), older ones give way, down to this
 * one alone. Whether it was kept.
 */
export async function saveSnapshot(snapshot: CompareSnapshot): Promise<boolean> {
  const list = keepSnapshot(await snapshots.getValue(), snapshot);
  for (let keep = list.length; keep > 0; keep--) {
    try {
      await snapshots.setValue(list.slice(0, keep));
      return true;
    } catch {
      // Over the quota: try again with one fewer.
    }
  }
  return false;
}

export async function loadSnapshot(id: string): Promise<CompareSnapshot | null> {
  return (await snapshots.getValue()).find((s) => s.id === id) ?? null;
}
