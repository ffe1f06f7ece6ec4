import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  creditToOffer,
  displayHost,
  failureMessage,
  originPattern,
  targetFromInput,
  type CompareTarget,
} from '../../src/browser/credited';
import { sendToBackground } from '../../src/browser/messaging';
import type { TabReport } from '../../src/browser/protocol';
import { errorMessage } from '../../src/text/error-message';
import { t, ui } from '../../src/ui/i18n';

type Checked = Extract<TabReport, { status: 'checked' }>;

// "Compare with the credited source" and "Compare with another article…". The site's
// permission is asked for in the click itself (a browser grants it only in a user
// gesture), and only when not already given: the popup looks that up when it opens.
// Nothing is fetched before the click; a failure is said here and the report stays.

export function CompareOffer({ tabId, report }: { tabId: number; report: Checked }) {
  const credit = creditToOffer(report.analysis.report, report.credits, report.compared);
  const [granted, setGranted] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [input, setInput] = useState('');

  const creditPattern = credit ? originPattern(credit.url) : null;
  useEffect(() => {
    if (creditPattern === null) return;
    void browser.permissions.contains({ origins: [creditPattern] }).then(
      (yes) => yes && setGranted((g) => new Set([...g, creditPattern])),
      () => undefined,
    );
  }, [creditPattern]);

  const run = (target: CompareTarget): void => {
    // The permission request must be made before any await: it needs the click's gesture.
    const pattern = target.kind === 'text' ? null : originPattern(target.url);
    if (target.kind !== 'text' && pattern === null) {
      setStatus({ text: failureMessage('bad-url', target.url, ui), error: true });
      return;
    }
    let asked: Promise<boolean>;
    if (pattern === null || granted.has(pattern)) {
      asked = Promise.resolve(true);
    } else {
      try {
        // Named first: should the popup close while the prompt is up, the grant still runs it.
        void sendToBackground({ type: 'expect-grant', tabId, target }).catch(() => undefined);
        asked = browser.permissions.request({ origins: [pattern] });
      } catch (error) {
        asked = Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      setStatus({
        text: t('popup_compare_asking', displayHost(target.kind === 'text' ? '' : target.url)),
        error: false,
      });
    }
    setBusy(true);
    void (async () => {
      if (!(await asked)) {
        return setStatus({ text: failureMessage('permission-refused', pattern ?? '', ui), error: true });
      }
      setStatus({
        text:
          target.kind === 'text' ? t('popup_compare_comparing') : t('popup_compare_fetching', displayHost(target.url)),
        error: false,
      });
      const reply = await sendToBackground({ type: 'compare-original', tabId, target });
      // On success the tab's report changes and the popup shows it (watchTabReport).
      setStatus(
        reply.ok
          ? { text: t('popup_compare_done'), error: false }
          : {
              text: reply.said ? ui.say(reply.said) : failureMessage(reply.reason, reply.detail ?? '', ui),
              error: true,
            },
      );
    })()
      .catch((error: unknown) => setStatus({ text: t('popup_compare_failed', errorMessage(error)), error: true }))
      .finally(() => setBusy(false));
  };

  const submit = (e: Event): void => {
    e.preventDefault();
    const target = targetFromInput(input);
    if (target === null) return setStatus({ text: t('popup_compare_paste_first'), error: true });
    run(target);
  };

  const { verdict } = report.analysis.report;
  const silent = verdict === 'unrelated' && !report.compared;
  return (
    <section class="compare-offer" aria-label={t('popup_compare_region')}>
      {credit && (
        <button
          type="button"
          class="compare-credited"
          disabled={busy}
          onClick={() => run({ kind: 'credited', url: credit.url })}
        >
          {t('popup_compare_credited', displayHost(credit.url))}
        </button>
      )}
      {silent && !credit && (
        <p class="compare-note">{report.creditsSelf ? t('popup_credits_self') : t('popup_credits_none')}</p>
      )}
      <details class="compare-other">
        <summary>{t('popup_compare_other')}</summary>
        <form onSubmit={submit}>
          <label for="compare-input">{t('popup_compare_input')}</label>
          <textarea
            id="compare-input"
            data-testid="compare-input"
            rows={3}
            value={input}
            onInput={(e) => setInput((e.target as HTMLTextAreaElement).value)}
          />
          <button type="submit" disabled={busy}>
            {t('popup_compare_button')}
          </button>
        </form>
      </details>
      {status && (
        <p class={`compare-status${status.error ? ' compare-error' : ''}`} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </section>
  );
}
