import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../src/browser/messaging';
import type { TabReport } from '../../src/browser/protocol';
import { watchTabReport } from '../../src/browser/tab-reports';
import { ReportView } from '../../src/ui/ReportView';
import '../../src/ui/report.css';

/** The tab to report on: ?tabId=N (tests, links from other pages) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function Popup() {
  const [report, setReport] = useState<TabReport | null | undefined>(undefined);
  useEffect(() => {
    let stop = (): void => {};
    void targetTab().then(async (tabId) => {
      if (tabId === undefined) return setReport(null);
      stop = watchTabReport(tabId, setReport);
      setReport(await sendToBackground({ type: 'get-tab-report', tabId }));
    });
    return () => stop();
  }, []);
  return (
    <main class="popup">
      {report === undefined ? <p class="loading">Loading…</p> : <ReportView report={report} />}
      <footer class="privacy">Checked on this computer. Repost Radar sends nothing anywhere.</footer>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
