import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../src/browser/messaging';
import type { TabReport } from '../../src/browser/protocol';
import { loadExamples, storeExamples } from '../../src/browser/local-store';
import { watchTabReport } from '../../src/browser/tab-reports';
import { exampleId, mergeExamples, type SavedExample } from '../../src/saved-examples/example';
import { ReportView } from '../../src/ui/ReportView';
import '../../assets/report.css';
import { errorMessage } from '../../src/text/error-message';
import { CompareOffer } from './compare-offer';

/** The tab to report on: ?tabId=N (tests, links from other pages) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Keeps the page, its report and its text in the saved examples (the options page lists them). */
async function saveExample(report: Extract<TabReport, { status: 'checked' }>): Promise<boolean> {
  const { article, report: r } = report.analysis;
  const example: SavedExample = {
    id: exampleId(report.url, article.paragraphs),
    url: report.url,
    savedAt: new Date().toISOString(),
    title: article.title,
    verdict: r.verdict,
    match: r.match,
    findings: r.findings,
    paragraphs: article.paragraphs,
    tags: [],
  };
  const { examples, added } = mergeExamples(await loadExamples(), [example]);
  if (added > 0) await storeExamples(examples);
  return added > 0;
}

function Actions({ tabId, report }: { tabId: number; report: Extract<TabReport, { status: 'checked' }> }) {
  const [saved, setSaved] = useState<string>('');
  const { verdict } = report.analysis.report;
  return (
    <nav class="actions" aria-label="Actions">
      {(verdict === 'repost' || verdict === 'rewritten' || verdict === 'original') && (
        <button
          type="button"
          onClick={() => void browser.tabs.create({ url: `${browser.runtime.getURL('/compare.html')}?tabId=${tabId}` })}
        >
          Compare side by side
        </button>
      )}
      {verdict !== 'not-an-article' && verdict !== 'too-large' && (
        <button
          type="button"
          onClick={() =>
            void saveExample(report).then(
              (added) => setSaved(added ? 'Saved to your examples.' : 'Already in your examples.'),
              (error: unknown) => setSaved(`Not saved: ${errorMessage(error)}`),
            )
          }
        >
          Save this example
        </button>
      )}
      <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
        Examples and originals
      </button>
      {saved && (
        <p class="saved" role="status">
          {saved}
        </p>
      )}
    </nav>
  );
}

function Popup() {
  const [report, setReport] = useState<TabReport | null | undefined>(undefined);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  useEffect(() => {
    let stop = (): void => {};
    void targetTab().then(async (tab) => {
      if (tab === undefined) return setReport(null);
      setTabId(tab);
      stop = watchTabReport(tab, setReport);
      setReport(await sendToBackground({ type: 'get-tab-report', tabId: tab }));
    });
    return () => stop();
  }, []);
  return (
    <main class="popup">
      {report === undefined ? <p class="loading">Loading…</p> : <ReportView report={report} />}
      {tabId !== undefined &&
        report?.status === 'checked' &&
        report.analysis.report.verdict !== 'not-an-article' &&
        report.analysis.report.verdict !== 'too-large' && <CompareOffer tabId={tabId} report={report} />}
      {tabId !== undefined && report?.status === 'checked' && <Actions tabId={tabId} report={report} />}
      <footer class="privacy">
        Checked on this computer. Repost Radar sends nothing anywhere, and fetches an original only when you ask.
      </footer>
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
