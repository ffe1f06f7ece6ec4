import { storage, type WxtStorageItem } from 'wxt/utils/storage';

// The reader's per-site off switch (popup): the sites whose pages Repost Radar does not
// read at all, kept in storage.local. The content script asks before it looks at a page
// and the background before it checks one; both hear when the list changes.

// Defined on first use: a page that only names sites (ReportView's `siteOf`) touches no storage.
let item: WxtStorageItem<string[], Record<string, unknown>> | undefined;
const sitesOff = (): WxtStorageItem<string[], Record<string, unknown>> =>
  (item ??= storage.defineItem<string[]>('local:sitesOff', { fallback: [] }));

/** A page's site as the switch names it: its host, without a leading "www."; "" for anything else. */
export function siteOf(url: string): string {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return '';
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

export async function isSiteOff(url: string): Promise<boolean> {
  const site = siteOf(url);
  return site !== '' && (await sitesOff().getValue()).includes(site);
}

/** Turns checking off (`off`) or back on for the site of `url`. */
export async function setSiteOff(url: string, off: boolean): Promise<void> {
  const site = siteOf(url);
  if (site === '') return;
  const list = (await sitesOff().getValue()).filter((s) => s !== site);
  await sitesOff().setValue(off ? [...list, site] : list);
}

/** Calls `listener` with the new list whenever the reader turns a site off or on. Returns the unsubscribe. */
export function watchSitesOff(listener: (sites: readonly string[]) => void): () => void {
  return sitesOff().watch((sites) => listener(sites ?? []));
}
