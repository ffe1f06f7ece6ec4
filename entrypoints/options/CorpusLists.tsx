import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hostPattern, type ListsReply, type ListView } from '../../src/browser/lists-view';
import { sendToBackground } from '../../src/browser/messaging';
import { errorMessage } from '../../src/text/error-message';
import { n, t } from '../../src/ui/i18n';
import { bytes, day, when } from './labels';

// Everything a corpus list says of itself is untrusted: rendered as text only.

/** What the page says of a list's last update, in words (the reason a download failed is the background's). */
function describeStatus(list: ListView): string {
  const error = list.error ?? t('options_unknown_error');
  switch (list.status) {
    case 'bundled':
      return t('options_list_status_bundled');
    case 'updating':
      return t('options_updating');
    case 'never-loaded':
      return list.error === null ? t('options_list_status_not_yet') : t('options_list_status_not_downloaded', error);
    case 'ok':
      return t('options_up_to_date');
    case 'error':
      if (list.version === null) return t('options_list_status_not_downloaded', error);
      return list.published
        ? t('options_list_status_failed_from', error, list.version, day(list.published))
        : t('options_list_status_failed', error, list.version);
  }
}

/** The bundled corpus's name is the extension's to translate; a list's is its maintainer's. */
const listName = (list: ListView): string => (list.url === null ? t('options_list_bundled_name') : list.name);

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
    if (reply === undefined) return setStatus(t('options_no_answer'));
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
      setStatus(t('options_not_added', errorMessage(error)));
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
      t('options_asking_access', pattern),
      async () => {
        if (!(await asked)) return { lists, error: t('options_list_refused', pattern) };
        setStatus(t('options_downloading', url));
        return sendToBackground({ type: 'add-list', url });
      },
      t('options_list_added'),
    ).then((added) => added && setAddress(''));
  };

  return (
    <section id="lists" aria-labelledby="lists-title">
      <h2 id="lists-title">{t('options_lists_title', lists.length)}</h2>
      <p class="hint">{t('options_lists_hint')}</p>
      <ul class="lists">
        {lists.map((list) => {
          const key = list.url ?? 'bundled';
          const updating = busy.has(key) || list.status === 'updating';
          return (
            <li key={key} class="list" data-status={list.status} data-url={list.url ?? ''}>
              <div class="list-head">
                <strong class="list-name">{listName(list)}</strong>
                {list.maintainer ? <span class="list-maintainer">{t('options_list_by', list.maintainer)}</span> : null}
              </div>
              <p class="list-meta">
                {[
                  list.originals === null ? null : n('options_originals', list.originals),
                  list.bytes === null ? null : bytes(list.bytes),
                  list.version === null ? null : t('options_list_version', list.version),
                  ...(list.status === 'bundled'
                    ? [list.published ? t('options_list_built', day(list.published)) : null]
                    : [t('options_updated_at', when(list.updatedAt)), t('options_checked_at', when(list.checkedAt))]),
                ]
                  .filter((part) => part !== null)
                  .join(' · ')}
              </p>
              {list.url === null ? null : <p class="list-url">{list.url}</p>}
              <p
                class={`list-state${list.status === 'error' ? ' list-error' : ''}`}
                role={list.status === 'error' ? 'alert' : undefined}
              >
                {updating ? t('options_updating') : describeStatus(list)}
              </p>
              {list.url === null ? null : (
                <div class="toolbar">
                  <button
                    type="button"
                    disabled={updating}
                    onClick={() =>
                      void act(
                        key,
                        t('options_updating_named', listName(list)),
                        () => sendToBackground({ type: 'update-lists', url: list.url! }),
                        '',
                      )
                    }
                  >
                    {t('options_update_now')}
                  </button>
                  <button
                    type="button"
                    disabled={updating}
                    onClick={() =>
                      void act(
                        key,
                        t('options_removing_named', listName(list)),
                        () => sendToBackground({ type: 'remove-list', url: list.url! }),
                        t('options_list_removed'),
                      )
                    }
                  >
                    {t('options_remove')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      <form class="toolbar add-list" onSubmit={add}>
        <label>
          {t('options_add_list_label')}{' '}
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
          {t('options_add_list')}
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
