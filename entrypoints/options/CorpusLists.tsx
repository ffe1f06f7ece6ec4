import { useEffect, useState } from 'preact/hooks';
import { hostPattern, type ListsReply, type ListView } from '../../src/browser/lists-view';
import { sendToBackground } from '../../src/browser/messaging';
import { errorMessage } from '../../src/text/error-message';
import { n, t } from '../../src/ui/i18n';
import { bytes, day, when } from './labels';
import { Status } from './stored-list';
import { AddressForm, askForSite, UpdateRemove, useActions } from './subscriptions';

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
  const { status, setStatus, busy, apply, act } = useActions<ListsReply>((reply) => setLists(reply.lists));
  useEffect(() => void sendToBackground({ type: 'get-lists' }).then((reply) => apply(reply, '')), []);

  const add = (address: string): Promise<boolean> => {
    const url = address.trim();
    let pattern: string;
    try {
      pattern = hostPattern(url);
    } catch (error) {
      setStatus(t('options_not_added', errorMessage(error)));
      return Promise.resolve(false);
    }
    // Called in the click itself: the browser asks the user for this one site.
    const asked = askForSite(pattern);
    return act(
      'add',
      t('options_asking_access', pattern),
      async () => {
        if (!(await asked)) return { lists, error: t('options_list_refused', pattern) };
        setStatus(t('options_downloading', url));
        return sendToBackground({ type: 'add-list', url });
      },
      t('options_list_added'),
    );
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
                <UpdateRemove
                  name={listName(list)}
                  updateDisabled={updating}
                  removeDisabled={updating}
                  update={(working) =>
                    void act(key, working, () => sendToBackground({ type: 'update-lists', url: list.url! }), '')
                  }
                  remove={(working) =>
                    void act(
                      key,
                      working,
                      () => sendToBackground({ type: 'remove-list', url: list.url! }),
                      t('options_list_removed'),
                    )
                  }
                />
              )}
            </li>
          );
        })}
      </ul>
      <AddressForm
        onSubmit={add}
        names={{ form: 'add-list', input: 'list-url' }}
        label={t('options_add_list_label')}
        placeholder="https://example.org/list/manifest.json"
        submit={t('options_add_list')}
      />
      <Status text={status} class="lists-status" />
    </section>
  );
}
