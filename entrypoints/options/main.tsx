import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadExamples, loadUserOriginals, storeExamples, storeUserOriginals } from '../../src/browser/local-store';
import { idFromFileName, originalFromArticle, originalFromText } from '../../src/corpus/from-files';
import { CorpusError, parseCorpusJsonl, type OriginalRecord } from '../../src/corpus/records';
import { mergeExamples, parseExamples, toCsv, toJsonl } from '../../src/examples/example';
import { extractArticle } from '../../src/extract/extract';
import '../../src/ui/report.css';
import '../../src/ui/options.css';

// Page text is untrusted: rendered as text only.

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * A list kept in storage.local, with a status line. `save` writes the whole list and
 * shows `done`; if the write fails the list on screen and in storage stay as they were.
 */
function useStoredList<T>(load: () => Promise<T[]>, store: (items: readonly T[]) => Promise<void>) {
  const [items, setItems] = useState<T[]>([]);
  const [status, setStatus] = useState('');
  useEffect(() => void load().then(setItems), []);
  const save = async (next: T[], done: string): Promise<void> => {
    try {
      await store(next);
      setItems(next);
      setStatus(done);
    } catch (error) {
      setStatus(`Not saved, nothing changed: ${message(error)}`);
    }
  };
  /** Removes one item, saying so. */
  const remove = (keep: (item: T) => boolean, done: string): void => void save(items.filter(keep), done);
  return { items, status, setStatus, save, remove };
}

function Status({ text }: { text: string }) {
  return text ? (
    <p class="status" role="status">
      {text}
    </p>
  ) : null;
}

function Examples() {
  const { items: examples, status, setStatus, save, remove } = useStoredList(loadExamples, storeExamples);
  const importFile = async (file: File): Promise<void> => {
    try {
      const incoming = parseExamples(await file.text());
      const { examples: merged, added } = mergeExamples(await loadExamples(), incoming);
      await save(
        merged,
        `${file.name}: ${added} example${added === 1 ? '' : 's'} added, ${incoming.length - added} already here.`,
      );
    } catch (error) {
      setStatus(`${file.name} was not imported, nothing changed: ${message(error)}`);
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

/** Originals from the chosen files: JSON Lines, or .txt / .html files (a folder). */
async function originalsFromFiles(files: readonly File[]): Promise<OriginalRecord[]> {
  const records: OriginalRecord[] = [];
  for (const file of files) {
    const name = file.webkitRelativePath || file.name;
    const text = await file.text();
    try {
      if (/\.jsonl?$/i.test(file.name)) records.push(...parseCorpusJsonl(text));
      else if (/\.txt$/i.test(file.name)) records.push(originalFromText(idFromFileName(file.name), text));
      else if (/\.html?$/i.test(file.name)) {
        const doc = new DOMParser().parseFromString(text, 'text/html');
        records.push(originalFromArticle(idFromFileName(file.name), extractArticle(doc)));
      }
    } catch (error) {
      throw new CorpusError(`${name}: ${message(error)}`);
    }
  }
  if (records.length === 0)
    throw new CorpusError('no originals found: choose a .jsonl file, or a folder of .txt / .html files');
  return records;
}

function Originals() {
  const { items: originals, status, setStatus, save, remove } = useStoredList(loadUserOriginals, storeUserOriginals);
  const importFiles = async (files: File[]): Promise<void> => {
    try {
      const incoming = await originalsFromFiles(files);
      const kept = await loadUserOriginals();
      const replaced = new Set(incoming.map((o) => o.id));
      const next = [...kept.filter((o) => !replaced.has(o.id)), ...incoming];
      await save(next, `${incoming.length} original${incoming.length === 1 ? '' : 's'} loaded.`);
    } catch (error) {
      setStatus(`Not imported, nothing already loaded was changed: ${message(error)}`);
    }
  };
  const pick = (e: Event & { currentTarget: HTMLInputElement }): void => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    if (files.length) void importFiles(files);
  };
  return (
    <section aria-labelledby="originals-title">
      <h2 id="originals-title">Your originals ({originals.length})</h2>
      <p class="hint">
        Originals you load here stay on this computer and are checked beside the bundled ones, with their full text.
        Format: JSON Lines, one original a line — {'{"id", "title", "author", "publisher", "url", "published", "text"}'}{' '}
        — or a folder of .txt and .html files.
      </p>
      <div class="toolbar">
        <label class="file-button">
          Load a JSON Lines file
          <input type="file" accept=".jsonl,.json" data-testid="import-originals" onChange={pick} />
        </label>
        <label class="file-button">
          Load a folder
          <input type="file" {...{ webkitdirectory: '' }} multiple onChange={pick} />
        </label>
      </div>
      <Status text={status} />
      <ul class="items">
        {originals.map((original) => (
          <li key={original.id} class="item" data-id={original.id}>
            <div class="item-head">
              <strong>{original.title || original.id}</strong>
            </div>
            <p class="item-meta">
              {[original.author, original.publisher, original.published].filter(Boolean).join(' · ')} · id {original.id}{' '}
              · {original.text.split(/\n\s*\n/).length} paragraphs
            </p>
            <button type="button" onClick={() => remove((o) => o.id !== original.id, 'Original removed.')}>
              Remove
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

render(
  <main class="options">
    <h1>Repost Radar</h1>
    <Examples />
    <Originals />
    <footer class="privacy">Everything here is kept on this computer. Repost Radar sends nothing anywhere.</footer>
  </main>,
  document.getElementById('app')!,
);
