// A followed newsroom: its feed (or sitemap) address, what the last check learnt, and the
// reader's settings for every followed site. Pure: shared by the background, the options
// page and the tests.
import type { OriginalRecord } from '../corpus/records';
import type { FeedEntry } from '../ingest/feeds';

export interface FollowSettings {
  /** Hours between two checks of every followed site (the alarm's period). */
  readonly intervalHours: number;
  /** Articles published (or, undated, fetched) longer ago than this are dropped. */
  readonly expiryDays: number;
}

export const DEFAULT_FOLLOW_SETTINGS: FollowSettings = { intervalHours: 6, expiryDays: 30 };
export const INTERVAL_HOURS_RANGE = { min: 1, max: 168 } as const;
export const EXPIRY_DAYS_RANGE = { min: 1, max: 365 } as const;

/** Whether settings are whole numbers within their ranges (they come from a form). */
export function validSettings(value: { intervalHours: unknown; expiryDays: unknown }): value is FollowSettings {
  const within = (n: unknown, range: { min: number; max: number }): boolean =>
    Number.isInteger(n) && (n as number) >= range.min && (n as number) <= range.max;
  return within(value.intervalHours, INTERVAL_HOURS_RANGE) && within(value.expiryDays, EXPIRY_DAYS_RANGE);
}

/** One followed site as stored. */
export interface FollowedSite {
  /** The feed's or sitemap's address, as the reader gave it (the key). */
  readonly url: string;
  /** The feed's own title, or its host. */
  readonly name: string;
  readonly addedAt: number;
  /** Validators of the last feed read, sent back as If-None-Match / If-Modified-Since. */
  readonly etag?: string;
  readonly lastModified?: string;
  /** When the feed was last asked for, and when that last brought articles in (ms). */
  readonly checkedAt?: number;
  readonly updatedAt?: number;
  /** Why the last check failed, or which articles could not be read. */
  readonly error?: string;
  /** Addresses (urlIdentity) of the feed's entries already read: not fetched again. */
  readonly seen: readonly string[];
  /** New entries over one run's cap, read by the next runs (even when the feed answers 304). */
  readonly pending: readonly FeedEntry[];
}

/** An article of the followed corpus: which site brought it, and when. */
export interface FollowedArticle {
  readonly site: string;
  readonly fetchedAt: number;
  readonly record: OriginalRecord;
}

/** A feed address longer than this is not one. */
export const MAX_FEED_URL_CHARS = 2_048;

/**
 * The host permission following `url` needs: its scheme and host, every path, any port
 * (Firefox's match patterns cannot name a port). Throws a readable error otherwise.
 */
export function feedHostPattern(url: string): string {
  const trimmed = url.trim();
  if (trimmed.length > MAX_FEED_URL_CHARS)
    throw new Error(`the address is longer than ${MAX_FEED_URL_CHARS} characters`);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new Error(`not an address: ${trimmed || '(empty)'}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new Error(`a feed's address starts with https:// (or http://), not ${parsed.protocol}`);
  }
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** The alarm's period in minutes. */
export const alarmPeriodMinutes = (settings: FollowSettings): number => settings.intervalHours * 60;
