import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../src/browser/messaging';
import type { OriginalView, TabReport } from '../../src/browser/protocol';
import { CATEGORY_LABEL } from '../../src/report/verdict';
import { sourceLine } from '../../src/ui/ReportView';
import { comparisonRows, type ComparisonRow, type OriginalMark, type PageMark } from '../../src/ui/comparison';
import { pairDiff, type DiffSpan, type PairDiff } from '../../src/ui/word-diff';
import '../../assets/report.css';
import '../../assets/compare.css';

// Page text is untrusted: rendered as text only.

// "Machine translated" only where the report found machine translation: a rewording
// without its tells is called what it is (a newsroom's rewrite is no translation).
const pageLabels = (translated: boolean): Record<PageMark, string> => ({
  same: 'same text',
  reworded: translated ? 'reworded (machine translated)' : 'reworded',
  added: 'added boilerplate',
  continues: 'same text (split)',
  chrome: 'page chrome, not article text',
});
const ORIGINAL_LABEL: Record<OriginalMark, string> = {
  same: 'same text',
  reworded: 'reworded on the page',
  missing: 'missing from the page',
  merged: 'on the page, merged or moved',
};

function Legend({ translated, words }: { translated: boolean; words: boolean }) {
  return (
    <ul class="legend" aria-label="Legend">
      <li class="mark-same">Same text</li>
      <li class="mark-reworded">{translated ? 'Reworded: machine translated' : 'Reworded in other words'}</li>
      <li class="mark-missing">Missing from the repost</li>
      <li class="mark-added">Added boilerplate</li>
      <li class="mark-chrome">Page chrome (not article text)</li>
      {words && (
        <>
          <li class="legend-words">
            <ins>Underlined</ins>: the page's own words in a reworded paragraph
          </li>
          <li class="legend-words">
            <del>Struck through</del>: the original's words it replaced
          </li>
        </>
      )}
    </ul>
  );
}

/** Text with its changed words marked: the page's own as insertions, the original's replaced ones as deletions. */
function Marked({ side, spans }: { side: 'page' | 'original'; spans: readonly DiffSpan[] }) {
  return (
    <>
      {spans.map((span, k) =>
        span.change !== 'changed' ? (
          span.text
        ) : side === 'page' ? (
          <ins key={k}>{span.text}</ins>
        ) : (
          <del key={k}>{span.text}</del>
        ),
      )}
    </>
  );
}

function Cell({
  side,
  cell,
  translated,
  words,
}: {
  side: 'page' | 'original';
  cell: ComparisonRow['page'] | ComparisonRow['original'];
  translated: boolean;
  /** The cell's text with its changed words, in a reworded pair. */
  words?: readonly DiffSpan[] | undefined;
}) {
  if (!cell) return <div class={`cell empty ${side}`} aria-hidden="true" />;
  const label =
    side === 'page' ? pageLabels(translated)[cell.mark as PageMark] : ORIGINAL_LABEL[cell.mark as OriginalMark];
  const category = 'category' in cell && cell.category ? ` · ${CATEGORY_LABEL[cell.category]}` : '';
  return (
    <div class={`cell ${side} mark-${cell.mark}`}>
      <span class="cell-label">
        ¶{cell.index + 1} · {label}
        {category}
      </span>
      <p>{words ? <Marked side={side} spans={words} /> : cell.text}</p>
      {'snippetOnly' in cell && cell.snippetOnly && (
        <span class="cell-note">
          opening sentence only (the corpus keeps no more)
          {words ? "; its words are compared with the page's closest sentence" : ''}
        </span>
      )}
    </div>
  );
}

function Compare() {
  const [state, setState] = useState<{ report: TabReport | null; original: OriginalView | null } | string>('Loading…');
  useEffect(() => {
    const tabId = Number(new URLSearchParams(location.search).get('tabId'));
    void (async () => {
      const report = await sendToBackground({ type: 'get-tab-report', tabId });
      if (report?.status !== 'checked' || !report.analysis.report.match) {
        return setState('This page has no matching original to compare with.');
      }
      if (report.analysis.article.paragraphs.length === 0) {
        return setState(
          "The page's text was not kept (the browser's session storage was full): reload the page to compare.",
        );
      }
      // With the tab: an original fetched or pasted for this page is kept with its report.
      const original = await sendToBackground({ type: 'get-original', id: report.analysis.report.match.id, tabId });
      setState({ report, original });
    })().catch((error: unknown) => setState(String(error)));
  }, []);
  if (typeof state === 'string') return <p class="compare-message">{state}</p>;
  const { report, original } = state;
  if (report?.status !== 'checked' || !original)
    return <p class="compare-message">The original is no longer in the corpus.</p>;
  const { analysis } = report;
  const rows = comparisonRows(analysis, original.paragraphs);
  const meta = original.original;
  const translated = analysis.report.findings.some((f) => f.kind === 'machine-translation');
  // Reworded pairs, page and original, with their changed words.
  const diffs: (PairDiff | null)[] = rows.map(({ page, original: o }) =>
    page?.mark === 'reworded' && o?.mark === 'reworded' ? pairDiff(page.text, o.text, o.snippetOnly) : null,
  );
  return (
    <main class="compare">
      <header class="compare-header">
        <h1>
          {analysis.report.verdict === 'repost'
            ? 'Repost and original'
            : analysis.report.verdict === 'rewritten'
              ? 'Rewrite and original'
              : 'Page and original'}
          , side by side
        </h1>
        <p class="compare-verdict">{analysis.report.message}</p>
        <Legend translated={translated} words={diffs.some(Boolean)} />
      </header>
      <div class="columns" role="table" aria-label="Paragraphs of the page and of the original">
        <div class="column-head" role="row">
          <div role="columnheader">
            <strong>This page</strong>
            <span class="source">{report.url}</span>
          </div>
          <div role="columnheader">
            <strong>Original: {meta.title}</strong>
            {analysis.report.originalSource && (
              <span class="source original-source">{sourceLine(analysis.report.originalSource)}</span>
            )}
            <span class="source">
              {[meta.author, meta.publisher, meta.published].filter(Boolean).join(' · ')}
              {meta.url && (
                <>
                  {' · '}
                  <a href={meta.url} target="_blank" rel="noopener noreferrer">
                    {meta.url}
                  </a>
                </>
              )}
            </span>
          </div>
        </div>
        {rows.map((row, k) => (
          <div class="row" role="row" key={k}>
            <Cell side="page" cell={row.page} translated={translated} words={diffs[k]?.page} />
            <Cell side="original" cell={row.original} translated={translated} words={diffs[k]?.original} />
          </div>
        ))}
      </div>
      {/* Printing: one article per page, each in reading order with its marks. */}
      <section class="print-only">
        <h2>This page — {report.url}</h2>
        {rows.map(
          (r, k) => r.page && <Cell key={k} side="page" cell={r.page} translated={translated} words={diffs[k]?.page} />,
        )}
      </section>
      <section class="print-only print-break">
        <h2>Original — {meta.title}</h2>
        {rows.map(
          (r, k) =>
            r.original && (
              <Cell key={k} side="original" cell={r.original} translated={translated} words={diffs[k]?.original} />
            ),
        )}
      </section>
    </main>
  );
}

render(<Compare />, document.getElementById('app')!);
