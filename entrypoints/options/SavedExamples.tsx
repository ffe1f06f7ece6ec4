import { loadExamples, storeExamples } from '../../src/browser/local-store';
import { mergeExamples, parseExamples, toCsv, toJsonl, type SavedExample } from '../../src/saved-examples/example';
import { errorMessage } from '../../src/text/error-message';
import { n, t, ui } from '../../src/ui/i18n';
import { findingLabel, verdictLabel } from './labels';
import { Status, useStoredList } from './stored-list';

// A saved page's text and report are untrusted: rendered as text only.

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The comparison page for a saved example: it reads the example, not a tab. */
const compareUrl = (example: SavedExample): string => `compare.html?saved=${encodeURIComponent(example.id)}`;

export function SavedExamples() {
  const { items: examples, status, setStatus, save, remove } = useStoredList(loadExamples, storeExamples);
  const importFile = async (file: File): Promise<void> => {
    try {
      const incoming = parseExamples(await file.text());
      const { examples: merged, added } = mergeExamples(await loadExamples(), incoming);
      await save(merged, n('options_examples_imported', added, file.name, incoming.length - added));
    } catch (error) {
      setStatus(t('options_examples_not_imported', file.name, errorMessage(error)));
    }
  };
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section id="examples" aria-labelledby="examples-title">
      <h2 id="examples-title">{t('options_examples_title', examples.length)}</h2>
      <p class="hint">{t('options_examples_hint')}</p>
      <div class="toolbar">
        <button
          type="button"
          disabled={!examples.length}
          onClick={() => download(`repost-radar-examples-${stamp}.jsonl`, 'application/x-ndjson', toJsonl(examples))}
        >
          {t('options_export_jsonl')}
        </button>
        <button
          type="button"
          disabled={!examples.length}
          onClick={() => download(`repost-radar-examples-${stamp}.csv`, 'text/csv', toCsv(examples))}
        >
          {t('options_export_csv')}
        </button>
        <label class="file-button">
          {t('options_import_examples')}
          <input
            type="file"
            accept=".jsonl,.json,.csv,.txt"
            data-testid="import-examples"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <button
          type="button"
          disabled={!examples.length}
          onClick={() => confirm(t('options_delete_all_confirm')) && void save([], t('options_all_deleted'))}
        >
          {t('options_delete_all')}
        </button>
      </div>
      <Status text={status} />
      <ul class="items">
        {examples.map((example) => (
          <li key={example.id} class="item" data-id={example.id}>
            <div class="item-head">
              <span class={`pill verdict-${example.verdict}`}>{verdictLabel(example.verdict)}</span>
              <a href={example.url} target="_blank" rel="noopener noreferrer">
                {example.title || example.url}
              </a>
            </div>
            <p class="item-meta">
              {[
                t('options_saved_at', ui.dateTime(example.savedAt)),
                ...(example.match ? [t('options_saved_original', example.match.title)] : []),
                example.findings.map((f) => findingLabel(f.kind)).join(', ') || t('options_no_findings'),
              ].join(' · ')}
            </p>
            {example.feedback ? (
              <p class="item-feedback">
                {t('options_verdict_marked_wrong_at', ui.dateTime(example.feedback.at))}
                {example.feedback.comment ? ` “${example.feedback.comment}”` : ''}
              </p>
            ) : null}
            <label class="tags">
              {t('options_tags')}
              <input
                type="text"
                value={example.tags.join(', ')}
                placeholder={t('options_tags_placeholder')}
                onChange={(e) => {
                  const tags = e.currentTarget.value
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean);
                  void save(
                    examples.map((x) => (x.id === example.id ? { ...x, tags } : x)),
                    t('options_tags_saved'),
                  );
                }}
              />
            </label>
            <a class="compare-link" href={compareUrl(example)} target="_blank" rel="noopener">
              {t('options_compare')}
            </a>{' '}
            <button type="button" onClick={() => remove((x) => x.id !== example.id, t('options_example_deleted'))}>
              {t('options_delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
