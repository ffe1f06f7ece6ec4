import { useEffect, useState } from 'preact/hooks';
import { siteHost } from '../../src/browser/credited';
import { loadAutoCreditedSites, storeAutoCreditedSites } from '../../src/browser/credited-settings';
import { errorMessage } from '../../src/text/error-message';
import { t } from '../../src/ui/i18n';
import { Status } from './stored-list';

// "Check credited sources automatically on these sites": off until the reader names a site.
// Adding a site asks for no permission: a page there is compared with its credited source
// only when the reader already let Repost Radar reach that source's site (by a click on
// "Compare with the credited source" once). Anything else stays a button in the popup, so
// no site is contacted that the reader did not choose.

export function CreditedSites() {
  const [sites, setSites] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => void loadAutoCreditedSites().then(setSites), []);

  const save = async (next: string[], done: string): Promise<void> => {
    try {
      await storeAutoCreditedSites(next);
      setSites(next);
      setStatus(done);
    } catch (error) {
      setStatus(t('options_not_saved', errorMessage(error)));
    }
  };
  const add = (e: Event): void => {
    e.preventDefault();
    const host = siteHost(input);
    if (host === null) return setStatus(t('options_credited_not_a_site', input.trim()));
    if (sites.includes(host)) return setStatus(t('options_credited_already', host));
    void save([...sites, host], t('options_credited_added', host)).then(() => setInput(''));
  };

  return (
    <section id="credited" aria-labelledby="credited-title" class="credited-sites">
      <h2 id="credited-title">{t('options_credited_title')}</h2>
      <p class="hint">{t('options_credited_hint')}</p>
      <ul class="items">
        {sites.map((site) => (
          <li key={site} class="item" data-site={site}>
            <strong>{site}</strong>{' '}
            <button
              type="button"
              onClick={() =>
                void save(
                  sites.filter((s) => s !== site),
                  t('options_credited_removed', site),
                )
              }
            >
              {t('options_remove')}
            </button>
          </li>
        ))}
      </ul>
      <form class="toolbar" onSubmit={add}>
        <label>
          {t('options_credited_add_label')}{' '}
          <input
            type="text"
            placeholder="news.example.com"
            value={input}
            data-testid="credited-site"
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        </label>
        <button type="submit">{t('options_credited_add')}</button>
      </form>
      <Status text={status} class="status credited-status" />
    </section>
  );
}
