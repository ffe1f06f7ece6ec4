import { useEffect, useState } from 'preact/hooks';
import { sendToBackground } from '../../src/browser/messaging';
import {
  DEFAULT_FOLLOW_SETTINGS,
  EXPIRY_DAYS_RANGE,
  feedHostPattern,
  INTERVAL_HOURS_RANGE,
  type FollowSettings,
} from '../../src/follow/sites';
import { SUGGESTED_NEWSROOMS } from '../../src/follow/suggested';
import type { FollowedReply, FollowedView } from '../../src/follow/view';
import { errorMessage } from '../../src/text/error-message';
import { n, t } from '../../src/ui/i18n';
import { when } from './labels';
import { Status } from './stored-list';
import { AddressForm, askForSite, UpdateRemove, useActions } from './subscriptions';
import './followed.css';

// Followed newsrooms: the reader adds a feed or sitemap (or picks a suggested newsroom);
// the browser is asked for that site only, in the click; the background reads the feed
// every few hours and keeps its new articles here, on this computer. What a feed says of
// itself is untrusted: rendered as text only.

/** The settings form's two whole numbers. */
const SETTING_FIELDS = [
  { field: 'intervalHours', label: 'options_interval_label', range: INTERVAL_HOURS_RANGE, testId: 'follow-interval' },
  { field: 'expiryDays', label: 'options_expiry_label', range: EXPIRY_DAYS_RANGE, testId: 'follow-expiry' },
] as const;

export function FollowedSites() {
  const [sites, setSites] = useState<readonly FollowedView[]>([]);
  const [settings, setSettings] = useState<FollowSettings>(DEFAULT_FOLLOW_SETTINGS);
  const [draft, setDraft] = useState({ intervalHours: '', expiryDays: '' });
  const { status, setStatus, busy, act } = useActions<FollowedReply>((reply) => {
    setSites(reply.sites);
    setSettings(reply.settings);
  });
  const refresh = (): Promise<void> =>
    sendToBackground({ type: 'get-followed' }).then((reply) => {
      if (reply === undefined) return;
      setSites(reply.sites);
      setSettings(reply.settings);
    });
  useEffect(() => void refresh(), []);
  // A site just followed has its articles read in the background: show them as they come.
  const reading = sites.some((s) => s.updating);
  useEffect(() => {
    if (!reading) return;
    const timer = setInterval(() => void refresh(), 1_000);
    return () => clearInterval(timer);
  }, [reading]);
  useEffect(
    () => setDraft({ intervalHours: String(settings.intervalHours), expiryDays: String(settings.expiryDays) }),
    [settings.intervalHours, settings.expiryDays],
  );

  const follow = (url: string, key: string): Promise<boolean> => {
    let pattern: string;
    try {
      pattern = feedHostPattern(url);
    } catch (error) {
      setStatus(t('options_not_followed', errorMessage(error)));
      return Promise.resolve(false);
    }
    // Called in the click itself: the browser asks the user for this one site.
    const asked = askForSite(pattern);
    return act(
      key,
      t('options_asking_access', pattern),
      async () => {
        if (!(await asked)) {
          return { sites, settings, error: t('options_follow_refused', pattern) };
        }
        setStatus(t('options_reading', url));
        return sendToBackground({ type: 'follow-site', url: url.trim() });
      },
      t('options_follow_started'),
    );
  };

  const followed = new Set(sites.map((s) => s.url));
  const saveSettings = (e: Event): void => {
    e.preventDefault();
    const next = { intervalHours: Number(draft.intervalHours), expiryDays: Number(draft.expiryDays) };
    void act(
      'settings',
      t('options_saving'),
      () => sendToBackground({ type: 'set-follow-settings', ...next }),
      t('options_settings_saved'),
    );
  };

  return (
    <section id="followed" aria-labelledby="followed-title">
      <h2 id="followed-title">{t('options_followed_title', sites.length)}</h2>
      <p class="hint">
        {t(
          'options_followed_hint',
          n('options_every_hours', settings.intervalHours),
          n('options_for_days', settings.expiryDays),
        )}
      </p>
      <ul class="followed-sites">
        {sites.map((site) => {
          const updating = busy.has(site.url) || site.updating;
          return (
            <li key={site.url} class="followed" data-url={site.url}>
              <div class="list-head">
                <strong class="followed-name">{site.name}</strong>
              </div>
              <p class="list-url">{site.url}</p>
              <p class="list-meta followed-meta">
                {[
                  n('options_articles_held', site.articles),
                  t('options_updated_at', when(site.updatedAt)),
                  t('options_checked_at', when(site.checkedAt)),
                  ...(site.pending > 0 ? [n('options_more_to_read', site.pending)] : []),
                ].join(' · ')}
              </p>
              <p
                class={`list-state followed-state${site.error === null ? '' : ' list-error'}`}
                role={site.error === null ? undefined : 'alert'}
              >
                {updating
                  ? t('options_updating')
                  : site.error === null
                    ? t('options_up_to_date')
                    : t('options_last_update', site.error)}
              </p>
              <UpdateRemove
                name={site.name}
                updateDisabled={updating}
                removeDisabled={busy.has(site.url)}
                update={(working) =>
                  void act(site.url, working, () => sendToBackground({ type: 'update-followed', url: site.url }), '')
                }
                remove={(working) =>
                  void act(
                    site.url,
                    working,
                    () => sendToBackground({ type: 'unfollow-site', url: site.url }),
                    t('options_site_removed'),
                  )
                }
              />
            </li>
          );
        })}
      </ul>
      <AddressForm
        onSubmit={(address) => follow(address, 'add')}
        names={{ form: 'follow-site', input: 'feed-url' }}
        label={t('options_follow_label')}
        placeholder="https://example.org/feed/"
        submit={t('options_follow')}
      />
      <Status text={status} class="followed-status" />
      <h3>{t('options_suggested_title')}</h3>
      <p class="hint">{t('options_suggested_hint')}</p>
      <ul class="suggested">
        {SUGGESTED_NEWSROOMS.map((room) => (
          <li key={room.feed} class="suggestion" data-feed={room.feed}>
            <strong>{room.name}</strong> <span class="pill">{room.licence}</span>{' '}
            <button
              type="button"
              disabled={followed.has(room.feed) || busy.has(room.feed)}
              onClick={() => void follow(room.feed, room.feed)}
            >
              {followed.has(room.feed) ? t('options_following') : t('options_follow')}
            </button>
          </li>
        ))}
      </ul>
      <form class="toolbar follow-settings" onSubmit={saveSettings}>
        {SETTING_FIELDS.map(({ field, label, range, testId }) => (
          <label key={field}>
            {t(label)}{' '}
            <input
              type="number"
              min={range.min}
              max={range.max}
              step={1}
              value={draft[field]}
              data-testid={testId}
              onInput={(e) => setDraft({ ...draft, [field]: e.currentTarget.value })}
            />
          </label>
        ))}
        <button type="submit" disabled={busy.has('settings')}>
          {t('options_save_settings')}
        </button>
      </form>
    </section>
  );
}
