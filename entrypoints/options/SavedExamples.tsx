import { loadExamples, storeExamples } from '../../src/browser/local-store';
import { mergeExamples, parseExamples, toCsv, toJsonl } from '../../src/saved-examples/example';
import { errorMessage } from '../../src/text/error-message';
import { plural } from '../../src/text/plural';
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

export function SavedExamples() {
  const { items: examples, status, setStatus, save, remove } = useStoredList(loadExamples, storeExamples);
  const importFile = async (file: File): Promise<void> => {
    try {
      const incoming = parseExamples(await file.text());
      const { examples: merged, added } = mergeExamples(await loadExamples(), incoming);
      await save(merged, `${file.name}: ${plural(added, 'example')} added, ${incoming.length - added} already here.`);
    } catch (error) {
      setStatus(`${file.name} was not imported, nothing changed: ${errorMessage(error)}`);
    }
  };
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="examples-title">
      <h2 id="examples-title">Saved examples ({examples.length})</h2>
      <p class="hint">Pages you saved from the popup, with their report and their text as it was.</p>
      <div class="toolbar">
        <button
          type="button"
          disabled={!examples.length}
          onClick={() => download(`repost-radar-examples-${stamp}.jsonl`, 'application/x-ndjson', toJsonl(examples))}
        >
          Export JSON Lines
        </button>
        <button
          type="button"
          disabled={!examples.length}
          onClick={() => download(`repost-radar-examples-${stamp}.csv`, 'text/csv', toCsv(examples))}
        >
          Export CSV
        </button>
        <label class="file-button">
          Import JSON Lines or CSV
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
          onClick={() => confirm('Delete every saved example?') && void save([], 'All examples deleted.')}
        >
          Delete all
        </button>
      </div>
      <Status text={status} />
      <ul class="items">
        {examples.map((example) => (
          <li key={example.id} class="item" data-id={example.id}>
            <div class="item-head">
              <span class={`pill verdict-${example.verdict}`}>{example.verdict}</span>
              <a href={example.url} target="_blank" rel="noopener noreferrer">
                {example.title || example.url}
              </a>
            </div>
            <p class="item-meta">
              Saved {example.savedAt.slice(0, 16).replace('T', ' ')}
              {example.match ? ` · original: ${example.match.title}` : ''} ·{' '}
              {example.findings.map((f) => f.kind).join(', ') || 'no findings'}
            </p>
            <label class="tags">
              Tags
              <input
                type="text"
                value={example.tags.join(', ')}
                placeholder="workshop, translated…"
                onChange={(e) => {
                  const tags = e.currentTarget.value
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean);
                  void save(
                    examples.map((x) => (x.id === example.id ? { ...x, tags } : x)),
                    'Tags saved.',
                  );
                }}
              />
            </label>
            <button type="button" onClick={() => remove((x) => x.id !== example.id, 'Example deleted.')}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
