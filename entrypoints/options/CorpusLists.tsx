import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { describeStatus, formatBytes, hostPattern, type ListsReply, type ListView } from '../../src/browser/lists-view';
import { sendToBackground } from '../../src/browser/messaging';
import { errorMessage } from '../../src/text/error-message';

// Everything a corpus list says of itself is untrusted: rendered as text only.

const when = (ms: number | null): string =>
  ms === null ? 'never' : new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';

/**
 * Corpus lists, as uBlock Origin shows filter lists: the bundled corpus first, then each
 * list the user subscribed to, with its figures, its last update and why it failed.
 * Adding a list first asks the browser for that list's host only, in the click itself
 * (the browser requires a user gesture); the background does the downloading.
 */
export function CorpusLists() {
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
