import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
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
import './followed.css';

// Followed newsrooms: the reader adds a feed or sitemap (or picks a suggested newsroom);
// the browser is asked for that site only, in the click; the background reads the feed
// every few hours and keeps its new articles here, on this computer. What a feed says of
// itself is untrusted: rendered as text only.

/** Asks for the feed's host in the click itself (the browser requires a user gesture). */
function askFor(url: string): { pattern: string; asked: Promise<boolean> } {
  const pattern = feedHostPattern(url);
  let asked: Promise<boolean>;
  try {
    asked = browser.permissions.request({ origins: [pattern] });
  } catch (error) {
    asked = Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return { pattern, asked };
}

export function FollowedSites() {
  const [sites, setSites] = useState<readonly FollowedView[]>([]);
  const [settings, setSettings] = useState<FollowSettings>(DEFAULT_FOLLOW_SETTINGS);
  const [draft, setDraft] = useState({ intervalHours: '', expiryDays: '' });
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [address, setAddress] = useState('');

  const apply = (reply: FollowedReply | undefined, done: string): boolean => {
    if (reply === undefined) {
      setStatus(t('options_no_answer'));
      return false;
    }
    setSites(reply.sites);
    setSettings(reply.settings);
    setStatus(reply.error ?? done);
    return reply.error === undefined;
  };
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

  /** Runs one action, marking `key` busy meanwhile; true when it succeeded. */
  const act = async (
    key: string,
    working: string,
    action: () => Promise<FollowedReply | undefined>,
    done: string,
  ): Promise<boolean> => {
    setBusy((b) => new Set(b).add(key));
    setStatus(working);
    try {
      return apply(await action(), done);
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

  const follow = (url: string, key: string): Promise<boolean> => {
    let pattern: string;
    let asked: Promise<boolean>;
    try {
      ({ pattern, asked } = askFor(url));
    } catch (error) {
      setStatus(t('options_not_followed', errorMessage(error)));
      return Promise.resolve(false);
    }
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
              <div class="toolbar">
                <button
                  type="button"
                  disabled={updating}
                  onClick={() =>
                    void act(
                      site.url,
                      t('options_updating_named', site.name),
                      () => sendToBackground({ type: 'update-followed', url: site.url }),
                      '',
                    )
                  }
                >
                  {t('options_update_now')}
                </button>
                <button
                  type="button"
                  disabled={busy.has(site.url)}
                  onClick={() =>
                    void act(
                      site.url,
                      t('options_removing_named', site.name),
                      () => sendToBackground({ type: 'unfollow-site', url: site.url }),
                      t('options_site_removed'),
                    )
                  }
                >
                  {t('options_remove')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <form
        class="toolbar follow-site"
        onSubmit={(e) => {
          e.preventDefault();
          void follow(address, 'add').then((ok) => ok && setAddress(''));
        }}
      >
        <label>
          {t('options_follow_label')}{' '}
          <input
            type="url"
            required
            placeholder="https://example.org/feed/"
            value={address}
            data-testid="feed-url"
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy.has('add')}>
          {t('options_follow')}
        </button>
      </form>
      {status ? (
        <p class="followed-status" role="status">
          {status}
        </p>
      ) : null}
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
        <label>
          {t('options_interval_label')}{' '}
          <input
            type="number"
            min={INTERVAL_HOURS_RANGE.min}
            max={INTERVAL_HOURS_RANGE.max}
            step={1}
            value={draft.intervalHours}
            data-testid="follow-interval"
            onInput={(e) => setDraft({ ...draft, intervalHours: e.currentTarget.value })}
          />
        </label>
        <label>
          {t('options_expiry_label')}{' '}
          <input
            type="number"
            min={EXPIRY_DAYS_RANGE.min}
            max={EXPIRY_DAYS_RANGE.max}
            step={1}
            value={draft.expiryDays}
            data-testid="follow-expiry"
            onInput={(e) => setDraft({ ...draft, expiryDays: e.currentTarget.value })}
          />
        </label>
        <button type="submit" disabled={busy.has('settings')}>
          {t('options_save_settings')}
        </button>
      </form>
    </section>
  );
}
