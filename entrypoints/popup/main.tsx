import { ONBOARDING_PAGE } from '../../src/browser/first-run';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../src/browser/messaging';
import type { TabReport } from '../../src/browser/protocol';
import { loadExamples, storeExamples } from '../../src/browser/local-store';
import { isSiteOff, setSiteOff, siteOf, watchSitesOff } from '../../src/browser/site-switch';
import { watchTabReport } from '../../src/browser/tab-reports';
import {
  exampleId,
  feedbackOf,
  mergeExamples,
  withFeedback,
  type SavedExample,
} from '../../src/saved-examples/example';
import { ReportView } from '../../src/ui/ReportView';
import { t, useLanguage } from '../../src/ui/i18n';
import '../../assets/report.css';
import { errorMessage } from '../../src/text/error-message';
import { CompareOffer } from './compare-offer';

type Checked = Extract<TabReport, { status: 'checked' }>;

/** The tab to report on: ?tabId=N (tests, links from other pages) or the active tab. */
async function targetTab(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The page, its report and its text as a saved example (the options page lists them). */
function exampleOf(report: Checked): SavedExample {
  const { article, report: r } = report.analysis;
  return {
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
}

async function saveExample(report: Checked): Promise<boolean> {
  const { examples, added } = mergeExamples(await loadExamples(), [exampleOf(report)]);
  if (added > 0) await storeExamples(examples);
  return added > 0;
}

/** "This verdict is wrong": kept with the example in the saved examples, on this computer; nothing is sent. */
async function keepFeedback(report: Checked, at: string, comment?: string): Promise<void> {
  await storeExamples(withFeedback(await loadExamples(), exampleOf(report), feedbackOf(at, comment)));
}

function Actions({ tabId, report }: { tabId: number; report: Checked }) {
  const [saved, setSaved] = useState('');
  const { verdict, match } = report.analysis.report;
  return (
    <nav class="actions" aria-label={t('popup_actions_label')}>
      <div class="action-buttons">
        {match?.url && (
          <a class="button" href={match.url} target="_blank" rel="noopener noreferrer">
            {t('popup_open_original')}
          </a>
        )}
        {(verdict === 'repost' || verdict === 'rewritten' || verdict === 'original') && (
          <button
            type="button"
            onClick={() =>
              void browser.tabs.create({ url: `${browser.runtime.getURL('/compare.html')}?tabId=${tabId}` })
            }
          >
            {t('popup_compare_side')}
          </button>
        )}
        {verdict !== 'not-an-article' && verdict !== 'too-large' && (
          <button
            type="button"
            onClick={() =>
              void saveExample(report).then(
                (added) => setSaved(added ? t('popup_saved') : t('popup_already_saved')),
                (error: unknown) => setSaved(t('popup_not_saved', errorMessage(error))),
              )
            }
          >
            {t('popup_save')}
          </button>
        )}
      </div>
      {saved && (
        <p class="saved" role="status">
          {saved}
        </p>
      )}
      {verdict !== 'too-large' && <VerdictWrong report={report} />}
    </nav>
  );
}

/** The reader's "this verdict is wrong", then an optional comment kept with it. */
function VerdictWrong({ report }: { report: Checked }) {
  const [at, setAt] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState('');
  const keep = (when: string, text: string | undefined, done: string): void =>
    void keepFeedback(report, when, text).then(
      () => setStatus(done),
      (error: unknown) => setStatus(t('popup_feedback_failed', errorMessage(error))),
    );
  if (at === null) {
    return (
      <button
        type="button"
        class="verdict-wrong"
        onClick={() => {
          const now = new Date().toISOString();
          setAt(now);
          keep(now, undefined, t('popup_feedback_kept'));
        }}
      >
        {t('popup_verdict_wrong')}
      </button>
    );
  }
  return (
    <form
      class="feedback"
      onSubmit={(e) => {
        e.preventDefault();
        keep(at, comment, t('popup_feedback_comment_kept'));
      }}
    >
      <p class="saved" role="status">
        {status}
      </p>
      <label for="feedback-comment">{t('popup_feedback_comment')}</label>
      <textarea
        id="feedback-comment"
        rows={2}
        value={comment}
        onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)}
      />
      <button type="submit">{t('popup_feedback_comment_save')}</button>
    </form>
  );
}

/** The site's switch: turning it off also ends what the popup shows of its page. */
function SiteSwitch({ url, off }: { url: string; off: boolean }) {
  const site = siteOf(url);
  return (
    <button type="button" class="site-switch" onClick={() => void setSiteOff(url, !off)}>
      {off ? t('popup_site_on', site) : t('popup_site_off', site)}
    </button>
  );
}

function Popup() {
  const [report, setReport] = useState<TabReport | null | undefined>(undefined);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [off, setOff] = useState(false);
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
  const url = report?.url;
  useEffect(() => {
    if (!url || siteOf(url) === '') return;
    void isSiteOff(url).then(setOff, () => undefined);
    return watchSitesOff((sites) => setOff(sites.includes(siteOf(url))));
  }, [url]);

  const checked = report?.status === 'checked' ? report : null;
  const verdict = checked?.analysis.report.verdict;
  // Turned off, the site's report is not shown: the page is no longer checked.
  const shown: TabReport | null | undefined = off && url ? { status: 'skipped', url, reason: 'site-off' } : report;
  const actions =
    !off && tabId !== undefined && checked ? (
      <>
        <Actions tabId={tabId} report={checked} />
        {verdict !== 'not-an-article' && verdict !== 'too-large' && <CompareOffer tabId={tabId} report={checked} />}
      </>
    ) : null;
  return (
    <main class="popup">
      {shown === undefined ? (
        <p class="loading">{t('popup_loading')}</p>
      ) : (
        <ReportView report={shown} actions={actions} />
      )}
      <footer class="popup-footer">
        {url && siteOf(url) !== '' && <SiteSwitch url={url} off={off} />}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup_examples')}
        </button>
        <p class="privacy">
          {t('popup_privacy')}{' '}
          <a href={browser.runtime.getURL(ONBOARDING_PAGE)} target="_blank" rel="noopener">
            {t('popup_how_it_works')}
          </a>
        </p>
      </footer>
    </main>
  );
}

useLanguage();
render(<Popup />, document.getElementById('app')!);
