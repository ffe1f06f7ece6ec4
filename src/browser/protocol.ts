// Everything the extension's parts say to each other: discriminated unions of
// messages, each with its reply type, who may send it, and the per-tab state the
// background keeps. Nothing here touches a browser API, so the rules are unit-tested.
import type { IndexedOriginal, ParagraphRecord } from '../corpus/corpus-index';
import type { Analysis } from '../check/analyze';
import {
  MAX_PASTED_CHARS,
  type CompareReply,
  type CompareTarget,
  type ComparedOriginal,
  type StoredCredit,
} from './credited';
import { MAX_LIST_URL_CHARS, type ListsReply } from './lists-view';
import { MAX_FEED_URL_CHARS, validSettings } from '../follow/sites';
import type { FollowedReply } from '../follow/view';

export type SkipReason = 'not-an-article' | 'too-large';

/** What the background knows about one tab's page. */
export type TabReport =
  | { readonly status: 'checking'; readonly url: string; readonly since: number; readonly checkId: string }
  | { readonly status: 'skipped'; readonly url: string; readonly reason: SkipReason; readonly detail?: string }
  | {
      readonly status: 'checked';
      readonly url: string;
      readonly checkedAt: number;
      readonly analysis: Analysis;
      /** The sources the page credits, best first (credited.ts). */
      readonly credits?: readonly StoredCredit[];
      /** The page credits only itself (a credit line or JSON-LD naming its own address). */
      readonly creditsSelf?: true;
      /** Set when the page was compared with one original the reader named, kept here for the comparison page. */
      readonly compared?: ComparedOriginal;
    }
  | { readonly status: 'failed'; readonly url: string; readonly message: string };

/** Content script → background, about the sender's own tab only. */
export type PageMessage =
  /** The page settled; here is its markup to check. */
  | { readonly type: 'page-ready'; readonly url: string; readonly html: string }
  /** Nothing to check on this page. */
  | { readonly type: 'page-skipped'; readonly url: string; readonly reason: SkipReason };

/** The extension's own pages (popup, comparison page, options page) → background. */
export type ExtensionPageMessage =
  /** The report for a tab. */
  | { readonly type: 'get-tab-report'; readonly tabId: number }
  /** An original's metadata and paragraphs, by id (with `tabId`, also the original that tab was compared with). */
  | { readonly type: 'get-original'; readonly id: string; readonly tabId?: number }
  /** Compare a tab's page with one original: its credited source, an address or pasted text (credited.ts). */
  | { readonly type: 'compare-original'; readonly tabId: number; readonly target: CompareTarget }
  /** The popup is asking for `target`'s site: compare once it is granted, should the popup close meanwhile. */
  | { readonly type: 'expect-grant'; readonly tabId: number; readonly target: CompareTarget }
  /** The corpus lists: the bundled one first, then each subscribed list. */
  | { readonly type: 'get-lists' }
  /** Subscribe to the list whose manifest is at `url` (the options page asked for its host first). */
  | { readonly type: 'add-list'; readonly url: string }
  /** Unsubscribe, and give back the host permission when no other list needs it. */
  | { readonly type: 'remove-list'; readonly url: string }
  /** Update one list now, or every list without `url`. */
  | { readonly type: 'update-lists'; readonly url?: string }
  /** The followed sites and their settings. */
  | { readonly type: 'get-followed' }
  /** Follow the feed or sitemap at `url` (the options page asked for its host first). */
  | { readonly type: 'follow-site'; readonly url: string }
  /** Unfollow: its articles go, and the host permission when nothing else needs it. */
  | { readonly type: 'unfollow-site'; readonly url: string }
  /** Update one followed site now, or every one without `url`. */
  | { readonly type: 'update-followed'; readonly url?: string }
  /** Hours between updates and days an article is kept. */
  | { readonly type: 'set-follow-settings'; readonly intervalHours: number; readonly expiryDays: number };

/** Everything the background accepts. */
export type BackgroundMessage = PageMessage | ExtensionPageMessage;

/** Background → content script: send the page again (a check was lost in a restart). */
export type ContentMessage = { readonly type: 'resend-page' };

export type Message = BackgroundMessage | ContentMessage;

/** An original as the comparison page shows it: full paragraphs for the user's own originals, snippets otherwise. */
export interface OriginalView {
  readonly original: IndexedOriginal;
  readonly paragraphs: readonly ParagraphRecord[];
}

export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

export interface Replies {
  'page-ready': void;
  'page-skipped': void;
  'get-tab-report': TabReport | null;
  'get-original': OriginalView | null;
  'compare-original': CompareReply;
  'expect-grant': void;
  'get-lists': ListsReply;
  'add-list': ListsReply;
  'remove-list': ListsReply;
  'update-lists': ListsReply;
  'get-followed': FollowedReply;
  'follow-site': FollowedReply;
  'unfollow-site': FollowedReply;
  'update-followed': FollowedReply;
  'set-follow-settings': FollowedReply;
  'resend-page': void;
}

/**
 * Who may send each message to the background: `page` is a content script, which
 * runs beside untrusted page code and may speak only of its own tab; `extension` is
 * one of the extension's own pages, which may read any tab's report and the corpus,
 * and manage the corpus lists (a page can never make the extension fetch anything).
 */
export type Channel = 'page' | 'extension';
export const CHANNELS: { readonly [T in BackgroundMessage['type']]: Channel } = {
  'page-ready': 'page',
  'page-skipped': 'page',
  'get-tab-report': 'extension',
  'get-original': 'extension',
  'compare-original': 'extension',
  'expect-grant': 'extension',
  'get-lists': 'extension',
  'add-list': 'extension',
  'remove-list': 'extension',
  'update-lists': 'extension',
  'get-followed': 'extension',
  'follow-site': 'extension',
  'unfollow-site': 'extension',
  'update-followed': 'extension',
  'set-follow-settings': 'extension',
};

/** Pages larger than this are not checked: the markup is copied between processes. */
export const MAX_PAGE_CHARS = 8_000_000;
/** Longer addresses are not real pages' addresses (browsers cap them near 2 MB; we need far less). */
export const MAX_URL_CHARS = 16_384;
const MAX_ID_CHARS = 1_024;
const SKIP_REASONS: readonly SkipReason[] = ['not-an-article', 'too-large'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isTabId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * The message the background was sent, checked for shape and size before any use, or
 * null. Extra fields are dropped: only what the type declares reaches a handler.
 */
export function parseBackgroundMessage(value: unknown): BackgroundMessage | null {
  if (!isRecord(value)) return null;
  switch (value['type']) {
    case 'page-ready': {
      const { url, html } = value;
      return isText(url, MAX_URL_CHARS) && isText(html, MAX_PAGE_CHARS) ? { type: 'page-ready', url, html } : null;
    }
    case 'page-skipped': {
      const { url, reason } = value;
      return isText(url, MAX_URL_CHARS) && SKIP_REASONS.includes(reason as SkipReason)
        ? { type: 'page-skipped', url, reason: reason as SkipReason }
        : null;
    }
    case 'get-tab-report':
      return isTabId(value['tabId']) ? { type: 'get-tab-report', tabId: value['tabId'] } : null;
    case 'get-original': {
      const { id, tabId } = value;
      if (!isText(id, MAX_ID_CHARS)) return null;
      if (tabId === undefined) return { type: 'get-original', id };
      return isTabId(tabId) ? { type: 'get-original', id, tabId } : null;
    }
    case 'compare-original':
    case 'expect-grant': {
      const { type, tabId } = value;
      const target = parseCompareTarget(value['target']);
      return isTabId(tabId) && target ? { type, tabId, target } : null;
    }
    case 'get-lists':
      return { type: 'get-lists' };
    case 'add-list':
      return isText(value['url'], MAX_LIST_URL_CHARS) ? { type: 'add-list', url: value['url'] } : null;
    case 'remove-list':
      return isText(value['url'], MAX_LIST_URL_CHARS) ? { type: 'remove-list', url: value['url'] } : null;
    case 'update-lists': {
      const { url } = value;
      if (url === undefined) return { type: 'update-lists' };
      return isText(url, MAX_LIST_URL_CHARS) ? { type: 'update-lists', url } : null;
    }
    case 'get-followed':
      return { type: 'get-followed' };
    case 'follow-site':
      return isText(value['url'], MAX_FEED_URL_CHARS) ? { type: 'follow-site', url: value['url'] } : null;
    case 'unfollow-site':
      return isText(value['url'], MAX_FEED_URL_CHARS) ? { type: 'unfollow-site', url: value['url'] } : null;
    case 'update-followed': {
      const { url } = value;
      if (url === undefined) return { type: 'update-followed' };
      return isText(url, MAX_FEED_URL_CHARS) ? { type: 'update-followed', url } : null;
    }
    case 'set-follow-settings': {
      const settings = { intervalHours: value['intervalHours'], expiryDays: value['expiryDays'] };
      return validSettings(settings) ? { type: 'set-follow-settings', ...settings } : null;
    }
    default:
      return null;
  }
}

function parseCompareTarget(value: unknown): CompareTarget | null {
  if (!isRecord(value)) return null;
  switch (value['kind']) {
    case 'credited': {
      return isText(value['url'], MAX_URL_CHARS) ? { kind: 'credited', url: value['url'] } : null;
    }
    case 'address':
      return isText(value['url'], MAX_URL_CHARS) ? { kind: 'address', url: value['url'] } : null;
    case 'text':
      return isText(value['text'], MAX_PASTED_CHARS) ? { kind: 'text', text: value['text'] } : null;
    default:
      return null;
  }
}

/** Whether a message to a content script is one it accepts. */
export function isContentMessage(value: unknown): value is ContentMessage {
  return isRecord(value) && value['type'] === 'resend-page';
}

/** What the background knows of a message's sender (the fields of runtime.MessageSender it trusts). */
export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: { readonly id?: number };
}

/** The sender's channel, or null for anything else (another extension, a page without a tab). */
export function senderChannel(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): { channel: 'extension' } | { channel: 'page'; tabId: number } | null {
  if (sender.id !== extensionId) return null;
  if (sender.url !== undefined && sender.url.startsWith(extensionOrigin)) return { channel: 'extension' };
  const tabId = sender.tab?.id;
  return tabId !== undefined && isTabId(tabId) ? { channel: 'page', tabId } : null;
}

/** The background's handlers: one per message it accepts; a message without one fails to compile. */
export type BackgroundHandlers = {
  readonly [T in BackgroundMessage['type']]: (
    message: MessageOf<T>,
    sender: T extends PageMessage['type'] ? { tabId: number } : Record<string, never>,
  ) => Promise<Replies[T]>;
};

/**
 * Routes one incoming message: validated, from the channel its type allows, to its
 * handler. Anything else is refused with `undefined` (no reply), and the handler never runs.
 */
export function dispatch(
  value: unknown,
  sender: SenderInfo,
  handlers: BackgroundHandlers,
  extension: { id: string; origin: string },
): Promise<Replies[BackgroundMessage['type']]> | undefined {
  const message = parseBackgroundMessage(value);
  const from = senderChannel(sender, extension.id, extension.origin);
  if (!message || !from || CHANNELS[message.type] !== from.channel) return undefined;
  switch (message.type) {
    case 'page-ready':
      return from.channel === 'page' ? handlers['page-ready'](message, { tabId: from.tabId }) : undefined;
    case 'page-skipped':
      return from.channel === 'page' ? handlers['page-skipped'](message, { tabId: from.tabId }) : undefined;
    case 'get-tab-report':
      return handlers['get-tab-report'](message, {});
    case 'get-original':
      return handlers['get-original'](message, {});
    case 'compare-original':
      return handlers['compare-original'](message, {});
    case 'expect-grant':
      return handlers['expect-grant'](message, {});
    case 'get-lists':
      return handlers['get-lists'](message, {});
    case 'add-list':
      return handlers['add-list'](message, {});
    case 'remove-list':
      return handlers['remove-list'](message, {});
    case 'update-lists':
      return handlers['update-lists'](message, {});
    case 'get-followed':
      return handlers['get-followed'](message, {});
    case 'follow-site':
      return handlers['follow-site'](message, {});
    case 'unfollow-site':
      return handlers['unfollow-site'](message, {});
    case 'update-followed':
      return handlers['update-followed'](message, {});
    case 'set-follow-settings':
      return handlers['set-follow-settings'](message, {});
  }
}
