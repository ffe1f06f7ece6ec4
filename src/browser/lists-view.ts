// Corpus lists as the options page shows them, and the one host permission a list needs.
// Pure (no browser API): shared by the options page and the background, and unit-tested.

/** One list as the options page shows it. The first is always the bundled corpus. */
export interface ListView {
  /** The manifest's URL; null for the corpus bundled with the extension. */
  readonly url: string | null;
  readonly name: string;
  readonly maintainer: string;
  /** Of the version in use; null before a first successful download. */
  readonly originals: number | null;
  readonly bytes: number | null;
  readonly version: string | null;
  /** When the version in use was published (ISO), as the list's manifest says. */
  readonly published: string | null;
  /** When the extension last asked the list's site for a new version, and last got one (ms). */
  readonly checkedAt: number | null;
  readonly updatedAt: number | null;
  readonly status: 'bundled' | 'ok' | 'never-loaded' | 'error' | 'updating';
  /** Why the last update failed (the version in use is kept). */
  readonly error: string | null;
}

/** Every list-management message is answered with the lists as they now are, and an error if the action failed. */
export interface ListsReply {
  readonly lists: readonly ListView[];
  readonly error?: string;
}

export const BUNDLED_LIST_NAME = 'Repost Radar default corpus';
/** A manifest's URL longer than this is not one. */
export const MAX_LIST_URL_CHARS = 2_048;

/**
 * The host permission a list at `url` needs: its scheme and host, every path, any port
 * (Firefox's match patterns cannot name a port). Throws a readable error for anything that
 * is not an http(s) address.
 */
export function hostPattern(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new Error(`not an address: ${url.trim() || '(empty)'}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`a list's address starts with https:// (or http://), not ${parsed.protocol}`);
  }
  if (url.length > MAX_LIST_URL_CHARS) throw new Error(`the address is longer than ${MAX_LIST_URL_CHARS} characters`);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** What the options page says of a list's last update, in words. */
export function describeStatus(list: ListView): string {
  switch (list.status) {
    case 'bundled':
      return 'Bundled with the extension, updated with each release';
    case 'updating':
      return 'Updating…';
    case 'never-loaded':
      return list.error === null ? 'Not downloaded yet' : `Not downloaded: ${list.error}`;
    case 'ok':
      return 'Up to date';
    case 'error':
      return list.version === null
        ? `Not downloaded: ${list.error ?? 'unknown error'}`
        : `Last update failed: ${list.error ?? 'unknown error'} — keeping version ${list.version}${list.published ? ` from ${list.published.slice(0, 10)}` : ''}`;
  }
}

/** Bytes in words: "1.4 MB", "820 kB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} bytes`;
}
