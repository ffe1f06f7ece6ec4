import { render, type ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../src/browser/messaging';
import type { OriginalView } from '../../src/browser/protocol';
import {
  loadSnapshot,
  MAX_SNAPSHOTS,
  saveSnapshot,
  snapshotId,
  type CheckedReport,
} from '../../src/browser/compare-snapshots';
import type { BoilerplateCategory } from '../../src/report/report';
import { t, ui, useLanguage } from '../../src/ui/i18n';
import type { MessageKey } from '../../src/i18n/translator';
import { sourceLine } from '../../src/ui/ReportView';
import { verdictText } from '../../src/ui/report-words';
import { comparisonRows, type ComparisonRow, type OriginalMark, type PageMark } from '../../src/ui/comparison';
import { pairDiff, type DiffSpan, type PairDiff } from '../../src/ui/word-diff';
import '../../assets/report.css';
import '../../assets/compare.css';

// Page text is untrusted: rendered as text only.
//
// Addresses: compare.html?tabId=<tab> (the popup) shows that tab's report and keeps a copy,
// then names the copy, compare.html?id=<copy>, so that a reload or a visit after the tab
// closed still shows it (compare-snapshots.ts); compare.html?saved=<example id> lays out a
// saved example against its original again (compare-saved.ts).

useLanguage();
document.title = t('compare_document_title');

type Mark = PageMark | OriginalMark;

// "Machine translated" only where the report found machine translation: a rewording
// without its tells is called what it is (a newsroom's rewrite is no translation).
const PAGE_LABEL: Record<PageMark, MessageKey> = {
  same: 'compare_page_same',
  reworded: 'compare_page_reworded',
  added: 'compare_page_added',
  continues: 'compare_page_continues',
  chrome: 'compare_page_chrome',
};
const ORIGINAL_LABEL: Record<OriginalMark, MessageKey> = {
  same: 'compare_original_same',
  reworded: 'compare_original_reworded',
  missing: 'compare_original_missing',
  merged: 'compare_original_merged',
};
const CATEGORY: Record<BoilerplateCategory, MessageKey> = {
  'author-bio': 'compare_category_author_bio',
  'source-credit': 'compare_category_source_credit',
  comments: 'compare_category_comments',
  promo: 'compare_category_promo',
  other: 'compare_category_other',
};
/** The legend, in this order, of the marks the table shows. */
const LEGEND: readonly [Mark, MessageKey][] = [
  ['same', 'compare_legend_same'],
  ['continues', 'compare_legend_continues'],
  ['reworded', 'compare_legend_reworded'],
  ['missing', 'compare_legend_missing'],
  ['merged', 'compare_legend_merged'],
  ['added', 'compare_legend_added'],
  ['chrome', 'compare_legend_chrome'],
];

/** A link only to a web page: an address from a page is untrusted. */
const webAddress = (url: string): string | undefined => (/^https?:\/\//i.test(url) ? url : undefined);

/** A publication date in the reader's language, or as the original gives it when it is no date. */
const published = (when: string): string => (Number.isNaN(Date.parse(when)) ? when : ui.date(when));

/** `message` with its `$1` given as `marked`: the sample of a mark inside a translated sentence. */
function withMarked(key: MessageKey, marked: ComponentChildren): ComponentChildren {
  const [before, after] = t(key, '\uE000').split('\uE000');
  return (
    <>
      {before}
      {marked}
      {after}
    </>
  );
}

function Legend({ marks, translated, words }: { marks: ReadonlySet<Mark>; translated: boolean; words: boolean }) {
  return (
    <ul class="legend" aria-label={t('compare_legend')}>
      {LEGEND.filter(([mark]) => marks.has(mark)).map(([mark, key]) => (
        <li key={mark}>
          <span class={`swatch mark-${mark}`} aria-hidden="true" />
          {t(mark === 'reworded' && translated ? 'compare_legend_translated' : key)}
        </li>
      ))}
      {words && (
        <>
          <li class="legend-words">{withMarked('compare_legend_ins', <ins>{t('compare_legend_ins_mark')}</ins>)}</li>
          <li class="legend-words">{withMarked('compare_legend_del', <del>{t('compare_legend_del_mark')}</del>)}</li>
        </>
      )}
    </ul>
  );
}

/**
 * Text with its changed words marked: the page's own as insertions, the original's replaced
 * ones as deletions, each named for screen readers (compare.css reads `data-label`).
 */
function Marked({ side, spans }: { side: 'page' | 'original'; spans: readonly DiffSpan[] }) {
  return (
    <>
      {spans.map((span, k) =>
        span.change !== 'changed' ? (
          span.text
        ) : side === 'page' ? (
          <ins key={k} data-label={t('compare_sr_ins')}>
            {span.text}
          </ins>
        ) : (
          <del key={k} data-label={t('compare_sr_del')}>
            {span.text}
          </del>
        ),
      )}
    </>
  );
}

/** What an empty side holds, said in words, from what happened to the other side's paragraph. */
function emptySide(row: ComparisonRow): MessageKey {
  if (row.original) return row.original.mark === 'merged' ? 'compare_empty_page_merged' : 'compare_empty_page_missing';
  return row.page?.mark === 'continues' ? 'compare_empty_original_continues' : 'compare_empty_original';
}

const hasWords = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);

function Cell({
  side,
  row,
  translated,
  words,
}: {
  side: 'page' | 'original';
  row: ComparisonRow;
  translated: boolean;
  /** The cell's text with its changed words, in a reworded pair. */
  words?: readonly DiffSpan[] | undefined;
}) {
  const cell = row[side];
  if (!cell) return <td class={`cell ${side} empty`}>{t(emptySide(row))}</td>;
  const reworded = cell.mark === 'reworded' && translated;
  const label =
    side === 'page'
      ? t(reworded ? 'compare_page_translated' : PAGE_LABEL[cell.mark as PageMark])
      : t(reworded ? 'compare_original_translated' : ORIGINAL_LABEL[cell.mark as OriginalMark]);
  const category = 'category' in cell && cell.category ? ` · ${t(CATEGORY[cell.category])}` : '';
  return (
    <td class={`cell ${side} mark-${cell.mark}`}>
      <span class="cell-label">
        {t('compare_paragraph', cell.index + 1)} · {label}
        {category}
      </span>
      {hasWords(cell.text) ? (
        <p>{words ? <Marked side={side} spans={words} /> : cell.text}</p>
      ) : (
        <p class="no-words">{t('compare_no_words', cell.text.trim())}</p>
      )}
      {'snippetOnly' in cell && cell.snippetOnly && (
        <span class="cell-note">{t(words ? 'compare_snippet_compared' : 'compare_snippet_only')}</span>
      )}
    </td>
  );
}

interface Shown {
  readonly report: CheckedReport;
  readonly original: OriginalView;
  /** Whether a reload will still show it: kept (a copy), saved (an example), or neither. */
  readonly kept: 'kept' | 'saved' | 'not-kept';
  readonly savedAt?: string;
}

/** What the address names, ready to show, or what to say instead. */
async function load(params: URLSearchParams): Promise<Shown | string> {
  const saved = params.get('saved');
  if (saved !== null) {
    const reply = await sendToBackground({ type: 'compare-saved', id: saved });
    if (!reply.ok) return t(reply.reason === 'no-example' ? 'compare_saved_gone' : 'compare_saved_no_original');
    return { report: reply.report, original: reply.original, kept: 'saved', savedAt: reply.savedAt };
  }
  const id = params.get('id');
  if (id !== null) {
    const snapshot = await loadSnapshot(id);
    return snapshot ? { ...snapshot, kept: 'kept' } : t('compare_snapshot_gone', MAX_SNAPSHOTS);
  }
  const tabId = Number(params.get('tabId'));
  const report = await sendToBackground({ type: 'get-tab-report', tabId });
  if (report?.status !== 'checked' || !report.analysis.report.match) return t('compare_no_match');
  if (report.analysis.article.paragraphs.length === 0) return t('compare_text_not_kept');
  // With the tab: an original fetched or pasted for this page is kept with its report.
  const original = await sendToBackground({ type: 'get-original', id: report.analysis.report.match.id, tabId });
  if (!original) return t('compare_original_gone');
  const snapshot = { id: snapshotId(tabId, report), report, original };
  const kept = await saveSnapshot(snapshot).catch(() => false);
  // The copy's address from now on: a reload reads the copy, not the tab's report.
  if (kept) history.replaceState(null, '', `?id=${encodeURIComponent(snapshot.id)}`);
  return { report, original, kept: kept ? 'kept' : 'not-kept' };
}

function Compare() {
  const [state, setState] = useState<Shown | string>(t('compare_loading'));
  useEffect(() => {
    load(new URLSearchParams(location.search)).then(setState, (error: unknown) =>
      setState(t('compare_failed', String(error))),
    );
  }, []);
  if (typeof state === 'string')
    return (
      <main class="compare">
        <p class="compare-message" role="status">
          {state}
        </p>
      </main>
    );
  return <Comparison shown={state} />;
}

function Comparison({ shown: { report, original, kept, savedAt } }: { shown: Shown }) {
  const { analysis } = report;
  const rows = comparisonRows(analysis, original.paragraphs);
  const meta = original.original;
  const translated = analysis.report.findings.some((f) => f.kind === 'machine-translation');
  // Reworded pairs, page and original, with their changed words.
  const diffs: (PairDiff | null)[] = rows.map(({ page, original: o }) =>
    page?.mark === 'reworded' && o?.mark === 'reworded' ? pairDiff(page.text, o.text, o.snippetOnly) : null,
  );
  const marks = new Set<Mark>(rows.flatMap((r) => [r.page?.mark, r.original?.mark].filter((m) => m !== undefined)));
  const { verdict } = analysis.report;
  const pageLink = webAddress(report.url);
  const originalLink = meta.url ? webAddress(meta.url) : undefined;
  return (
    <main class="compare">
      <header class="compare-header">
        <h1>
          {t(
            verdict === 'repost'
              ? 'compare_title_repost'
              : verdict === 'rewritten'
                ? 'compare_title_rewritten'
                : 'compare_title_other',
          )}
        </h1>
        <p class="compare-verdict">{verdictText(analysis.report)}</p>
        <p class="compare-when">
          {savedAt
            ? t('compare_saved_at', ui.dateTime(savedAt))
            : t('compare_checked_at', ui.dateTime(report.checkedAt))}
        </p>
        <Legend marks={marks} translated={translated} words={diffs.some(Boolean)} />
      </header>
      <table class="columns">
        <caption class="visually-hidden">{t('compare_caption')}</caption>
        <thead class="column-head">
          <tr>
            <th scope="col">
              <strong>{t('compare_head_page')}</strong>
              <span class="source">
                {pageLink ? (
                  <a href={pageLink} target="_blank" rel="noopener noreferrer">
                    {report.url}
                  </a>
                ) : (
                  report.url
                )}
              </span>
            </th>
            <th scope="col">
              <strong>{t('compare_head_original', meta.title)}</strong>
              {analysis.report.originalSource && (
                <span class="source original-source">{sourceLine(analysis.report.originalSource)}</span>
              )}
              <span class="source">
                {[meta.author, meta.publisher, meta.published && t('compare_published', published(meta.published))]
                  .filter(Boolean)
                  .join(' · ')}
                {meta.url && (
                  <>
                    {' · '}
                    {originalLink ? (
                      <a href={originalLink} target="_blank" rel="noopener noreferrer">
                        {meta.url}
                      </a>
                    ) : (
                      meta.url
                    )}
                  </>
                )}
              </span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, k) => (
            <tr class="row" key={k}>
              <Cell side="page" row={row} translated={translated} words={diffs[k]?.page} />
              <Cell side="original" row={row} translated={translated} words={diffs[k]?.original} />
            </tr>
          ))}
        </tbody>
      </table>
      {kept !== 'saved' && (
        <p class="compare-kept">{kept === 'kept' ? t('compare_kept', MAX_SNAPSHOTS) : t('compare_not_kept')}</p>
      )}
    </main>
  );
}

render(<Compare />, document.getElementById('app')!);
