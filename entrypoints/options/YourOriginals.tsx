import { loadUserOriginals, storeUserOriginals } from '../../src/browser/local-store';
import { originalsFromFile } from '../../src/corpus/from-files';
import { CorpusError, type OriginalRecord } from '../../src/corpus/records';
import type { Article } from '../../src/extract/article';
import { extractArticle } from '../../src/extract/extract';
import { errorMessage } from '../../src/text/error-message';
import { plural } from '../../src/text/plural';
import { Status, useStoredList } from './stored-list';

// The reader's files are untrusted: rendered as text only.

/** A page the reader chose, read with the browser's own parser (no linkedom in this page). */
const readHtml = (html: string): Article => extractArticle(new DOMParser().parseFromString(html, 'text/html'));

/** Originals from the chosen files: JSON Lines, or .txt / .html files (a folder). */
async function originalsFromFiles(files: readonly File[]): Promise<OriginalRecord[]> {
  const records: OriginalRecord[] = [];
  for (const file of files) {
    records.push(...originalsFromFile(file.webkitRelativePath || file.name, await file.text(), readHtml));
  }
  if (records.length === 0)
    throw new CorpusError('no originals found: choose a .jsonl file, or a folder of .txt / .html files');
  return records;
}

export function YourOriginals() {
  const { items: originals, status, setStatus, save, remove } = useStoredList(loadUserOriginals, storeUserOriginals);
  const importFiles = async (files: File[]): Promise<void> => {
    try {
      const incoming = await originalsFromFiles(files);
      const kept = await loadUserOriginals();
      const replaced = new Set(incoming.map((o) => o.id));
      const next = [...kept.filter((o) => !replaced.has(o.id)), ...incoming];
      await save(next, `${plural(incoming.length, 'original')} loaded.`);
    } catch (error) {
      setStatus(`Not imported, nothing already loaded was changed: ${errorMessage(error)}`);
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
