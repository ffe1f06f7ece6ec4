// The background keeps each tab's report in storage.session under "tab:<id>"; the Chromium
// and Firefox tests read them there, each browser its own way.
import type { TabReport } from '../../src/browser/protocol';

/** Stored reports by tab id. */
export const byTab = (stored: Record<string, TabReport>): Map<number, TabReport> =>
  new Map(Object.entries(stored).map(([key, report]) => [Number(key.slice('tab:'.length)), report]));

/** Reads the stored reports every `everyMs` until the one for `url` is finished. */
export async function waitForFinished(
  read: () => Promise<Map<number, TabReport>>,
  url: string,
  timeoutMs: number,
  everyMs: number,
): Promise<{ tabId: number; report: TabReport }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const [tabId, report] of await read()) {
      if (report.url === url && report.status !== 'checking') return { tabId, report };
    }
    if (Date.now() > deadline) throw new Error(`no report for ${url} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
