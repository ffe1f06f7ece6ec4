import { loadUserOriginals, storeUserOriginals } from '../../src/browser/local-store';
import { originalsFromFile } from '../../src/corpus/from-files';
import { CorpusError, type OriginalRecord } from '../../src/corpus/records';
import type { Article } from '../../src/extract/article';
import { extractArticle } from '../../src/extract/extract';
import { errorMessage } from '../../src/text/error-message';
import { n, t } from '../../src/ui/i18n';
import { day } from './labels';
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
  if (records.length === 0) throw new CorpusError(t('options_no_originals_found'));
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
      await save(next, n('options_originals_loaded', incoming.length));
    } catch (error) {
      setStatus(t('options_originals_not_imported', errorMessage(error)));
    }
  };
  const pick = (e: Event & { currentTarget: HTMLInputElement }): void => {
    const files = [...(e.currentTarget.files ?? [])];
    e.currentTarget.value = '';
    if (files.length) void importFiles(files);
  };
  return (
    <section id="originals" aria-labelledby="originals-title">
      <h2 id="originals-title">{t('options_originals_title', originals.length)}</h2>
      <p class="hint">
        {t('options_originals_hint', '{"id", "title", "author", "publisher", "url", "published", "text"}')}
      </p>
      <div class="toolbar">
        <label class="file-button">
          {t('options_load_jsonl')}
          <input type="file" accept=".jsonl,.json" data-testid="import-originals" onChange={pick} />
        </label>
        <label class="file-button">
          {t('options_load_folder')}
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
              {[
                original.author,
                original.publisher,
                original.published ? day(original.published) : '',
                t('options_original_id', original.id),
                n('options_paragraphs', original.text.split(/\n\s*\n/).length),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <button type="button" onClick={() => remove((o) => o.id !== original.id, t('options_original_removed'))}>
              {t('options_remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
