import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadExamples, loadUserOriginals, storeExamples, storeUserOriginals } from '../../src/browser/local-store';
import { describeStatus, formatBytes, hostPattern, type ListsReply, type ListView } from '../../src/browser/lists-view';
import { sendToBackground } from '../../src/browser/messaging';
import { CreditedSites } from './credited-sites';
import { originalsFromFile } from '../../src/corpus/from-files';
import { CorpusError, type OriginalRecord } from '../../src/corpus/records';
import { mergeExamples, parseExamples, toCsv, toJsonl } from '../../src/saved-examples/example';
import type { Article } from '../../src/extract/article';
import { extractArticle } from '../../src/extract/extract';
import { errorMessage } from '../../src/text/error-message';
import { plural } from '../../src/text/plural';
import { FollowedSites } from './FollowedSites';
import '../../assets/report.css';
import '../../assets/options.css';

// Page text and everything a corpus list says of itself are untrusted: rendered as text only.

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

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
      setStatus(`Not saved, nothing changed: ${errorMessage(error)}`);
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

const when = (ms: number | null): string =>
  ms === null ? 'never' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/**
 * Corpus lists, as uBlock Origin shows filter lists: the bundled corpus first, then each
 * list the user subscribed to, with its figures, its last update and why it failed.
 * Adding a list first asks the browser for that list's host only, in the click itself
 * (the browser requires a user gesture); the background does the downloading.
 */
function CorpusLists() {
  const [lists, setLists] = useState<readonly ListView[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [address, setAddress] = useState('');

  const apply = (reply: ListsReply | undefined, done: string): void => {
    if (reply === undefined) return setStatus('The extension did not answer: try again.');
    setLists(reply.lists);
    setStatus(reply.error ?? done);
  };
  useEffect(() => void sendToBackground({ type: 'get-lists' }).then((reply) => apply(reply, '')), []);

  /** Runs one list action, marking `key` busy meanwhile; true when it succeeded. */
  const act = async (
    key: string,
    working: string,
    action: () => Promise<ListsReply>,
    done: string,
  ): Promise<boolean> => {
    setBusy((b) => new Set(b).add(key));
    setStatus(working);
    try {
      const reply = await action();
      apply(reply, done);
      return reply !== undefined && reply.error === undefined;
    } catch (error) {
      setStatus(errorMessage(error));
      return false;
    } finally {
      setBusy((b) => {
        const next = new Set(b);
        next.delete(key);
        return next;
      });
    }
  };

  const add = (e: Event): void => {
    e.preventDefault();
    const url = address.trim();
    let pattern: string;
    try {
      pattern = hostPattern(url);
    } catch (error) {
      setStatus(`Not added: ${errorMessage(error)}`);
      return;
    }
    // Called in the click itself: the browser asks the user for this one site.
    let asked: Promise<boolean>;
    try {
      asked = browser.permissions.request({ origins: [pattern] });
    } catch (error) {
      asked = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    void act(
      'add',
      `Asking for access to ${pattern}…`,
      async () => {
        if (!(await asked)) return { lists, error: `Not added: access to ${pattern} was not given.` };
        setStatus(`Downloading ${url}…`);
        return sendToBackground({ type: 'add-list', url });
      },
      'List added.',
    ).then((added) => added && setAddress(''));
  };

  return (
    <section aria-labelledby="lists-title">
      <h2 id="lists-title">Corpus lists ({lists.length})</h2>
      <p class="hint">
        Pages are checked against every list here. A list is a signed file on a website; it is downloaded when you add
        it, then checked for a new version once a day. Adding one lets Repost Radar reach that site only.
      </p>
      <ul class="lists">
        {lists.map((list) => {
          const key = list.url ?? 'bundled';
          const updating = busy.has(key) || list.status === 'updating';
          return (
            <li key={key} class="list" data-status={list.status} data-url={list.url ?? ''}>
              <div class="list-head">
                <strong class="list-name">{list.name}</strong>
                {list.maintainer ? <span class="list-maintainer">by {list.maintainer}</span> : null}
              </div>
              <p class="list-meta">
                {list.originals === null ? '' : `${list.originals.toLocaleString('en')} originals · `}
                {list.bytes === null ? '' : `${formatBytes(list.bytes)} · `}
                {list.version === null ? '' : `version ${list.version} · `}
                {list.status === 'bundled'
                  ? `built ${list.published?.slice(0, 10) ?? 'unknown'}`
                  : `updated ${when(list.updatedAt)} · checked ${when(list.checkedAt)}`}
              </p>
              {list.url === null ? null : <p class="list-url">{list.url}</p>}
              <p
                class={`list-state${list.status === 'error' ? ' list-error' : ''}`}
                role={list.status === 'error' ? 'alert' : undefined}
              >
                {updating ? 'Updating…' : describeStatus(list)}
              </p>
              {list.url === null ? null : (
                <div class="toolbar">
                  <button
                    type="button"
                    disabled={updating}
                    onClick={() =>
                      void act(
                        key,
                        `Updating ${list.name}…`,
                        () => sendToBackground({ type: 'update-lists', url: list.url! }),
                        '',
                      )
                    }
                  >
                    Update now
                  </button>
                  <button
                    type="button"
                    disabled={updating}
                    onClick={() =>
                      void act(
                        key,
                        `Removing ${list.name}…`,
                        () => sendToBackground({ type: 'remove-list', url: list.url! }),
                        'List removed.',
                      )
                    }
                  >
                    Remove
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <form class="toolbar add-list" onSubmit={add}>
        <label>
          Add a list by address{' '}
          <input
            type="url"
            required
            placeholder="https://example.org/list/manifest.json"
            value={address}
            data-testid="list-url"
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy.has('add')}>
          Add list
        </button>
      </form>
      {status ? (
        <p class="lists-status" role="status">
          {status}
        </p>
      ) : null}
    </section>
  );
}

function Examples() {
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

function Originals() {
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

render(
  <main class="options">
    <h1>Repost Radar</h1>
    <CorpusLists />
    <FollowedSites />
    <Examples />
    <Originals />
    <CreditedSites />
    <footer class="privacy">
      Everything here is kept on this computer. Repost Radar sends nothing anywhere; it only downloads the corpus lists
      you add and the sites you follow.
    </footer>
  </main>,
  document.getElementById('app')!,
);
