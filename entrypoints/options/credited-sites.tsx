import { useEffect, useState } from 'preact/hooks';
import { siteHost } from '../../src/browser/credited';
import { loadAutoCreditedSites, storeAutoCreditedSites } from '../../src/browser/credited-settings';
import { errorMessage } from '../../src/text/error-message';

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
      setStatus(`Not saved: ${errorMessage(error)}`);
    }
  };
  const add = (e: Event): void => {
    e.preventDefault();
    const host = siteHost(input);
    if (host === null) return setStatus(`Not added: "${input.trim()}" is not a site's address.`);
    if (sites.includes(host)) return setStatus(`${host} is already in the list.`);
    void save([...sites, host], `Pages on ${host} will be compared with their credited source.`).then(() =>
      setInput(''),
    );
  };

  return (
    <section aria-labelledby="credited-title" class="credited-sites">
      <h2 id="credited-title">Check credited sources automatically</h2>
      <p class="hint">
        On the sites listed here, a page that names its source (a canonical link, "Originally published at …") and
        matches nothing in the corpora is compared with that source as soon as it is checked, without a click. Only
        sources on sites you have already let Repost Radar reach are fetched — by clicking "Compare with the credited
        source" in the popup once; for others the popup keeps the button. Off until you add a site.
      </p>
      <ul class="items">
        {sites.map((site) => (
          <li key={site} class="item" data-site={site}>
            <strong>{site}</strong>{' '}
            <button
              type="button"
              onClick={() =>
                void save(
                  sites.filter((s) => s !== site),
                  `${site} removed.`,
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form class="toolbar" onSubmit={add}>
        <label>
          Add a site{' '}
          <input
            type="text"
            placeholder="news.example.com"
            value={input}
            data-testid="credited-site"
            onInput={(e) => setInput(e.currentTarget.value)}
          />
        </label>
        <button type="submit">Add site</button>
      </form>
      {status ? (
        <p class="status credited-status" role="status">
          {status}
        </p>
      ) : null}
    </section>
  );
}
