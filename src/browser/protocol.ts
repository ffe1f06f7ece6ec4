// Everything the extension's parts say to each other: discriminated unions of
// messages, each with its reply type, who may send it, and the per-tab state the
// background keeps. Nothing here touches a browser API, so the rules are unit-tested.
import type { IndexedOriginal, KeptParagraph } from '../corpus/corpus-index';
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

/** Why a page was not checked: `site-off` is the reader's per-site switch (site-switch.ts). */
export type SkipReason = 'not-an-article' | 'too-large' | 'site-off';

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

/** Pages larger than this are not checked: the markup is copied between processes. */
export const MAX_PAGE_CHARS = 8_000_000;
/** Longer addresses are not real pages' addresses (browsers cap them near 2 MB; we need far less). */
export const MAX_URL_CHARS = 16_384;
const MAX_ID_CHARS = 1_024;
const SKIP_REASONS: readonly SkipReason[] = ['not-an-article', 'too-large', 'site-off'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isTabId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Who may send each message to the background: `page` is a content script, which
 * runs beside untrusted page code and may speak only of its own tab; `extension` is
 * one of the extension's own pages, which may read any tab's report and the corpus,
 * and manage the corpus lists (a page can never make the extension fetch anything).
 */
export type Channel = 'page' | 'extension';

/**
 * One message type: its channel, and the check of its fields (the fields it declares,
 * or null). `reply` is never set: it only carries the reply's type.
 */
interface MessageSpec<C extends Channel, Fields, Reply> {
  readonly channel: C;
  readonly parse: (value: Readonly<Record<string, unknown>>) => Fields | null;
  readonly reply?: Reply;
}
const fromPage = <Fields, Reply = void>(
  parse: (value: Readonly<Record<string, unknown>>) => Fields | null,
): MessageSpec<'page', Fields, Reply> => ({ channel: 'page', parse });
const fromExtension = <Fields, Reply>(
  parse: (value: Readonly<Record<string, unknown>>) => Fields | null,
): MessageSpec<'extension', Fields, Reply> => ({ channel: 'extension', parse });
const noFields = (): Record<never, never> => ({});

/** A tab and what to compare its page with (credited.ts). */
function tabAndTarget(value: Readonly<Record<string, unknown>>): { tabId: number; target: CompareTarget } | null {
  const { tabId } = value;
  const target = parseCompareTarget(value['target']);
  return isTabId(tabId) && target ? { tabId, target } : null;
}
/** `url` when it is given and short enough, or no fields without one (for "update one, or all"). */
const optionalUrl =
  (max: number) =>
  ({ url }: Readonly<Record<string, unknown>>): { url?: string } | null =>
    url === undefined ? {} : isText(url, max) ? { url } : null;
const requiredUrl =
  (max: number) =>
  ({ url }: Readonly<Record<string, unknown>>): { url: string } | null =>
    isText(url, max) ? { url } : null;

/**
 * Everything the background accepts, one entry a message type: adding a message is an
 * entry here and its handler in the background (BackgroundHandlers requires one).
 */
const BACKGROUND_MESSAGES = {
  /** The page settled; here is its markup to check. */
  'page-ready': fromPage(({ url, html }) =>
    isText(url, MAX_URL_CHARS) && isText(html, MAX_PAGE_CHARS) ? { url, html } : null,
  ),
  /** Nothing to check on this page. */
  'page-skipped': fromPage(({ url, reason }) =>
    isText(url, MAX_URL_CHARS) && SKIP_REASONS.includes(reason as SkipReason)
      ? { url, reason: reason as SkipReason }
      : null,
  ),
  /** The report for a tab. */
  'get-tab-report': fromExtension<{ tabId: number }, TabReport | null>(({ tabId }) =>
    isTabId(tabId) ? { tabId } : null,
  ),
  /** An original's metadata and paragraphs, by id (with `tabId`, also the original that tab was compared with). */
  'get-original': fromExtension<{ id: string; tabId?: number }, OriginalView | null>(({ id, tabId }) => {
    if (!isText(id, MAX_ID_CHARS)) return null;
    if (tabId === undefined) return { id };
    return isTabId(tabId) ? { id, tabId } : null;
  }),
  /** A saved example checked again, for the comparison page (compare-saved.ts). */
  'compare-saved': fromExtension<{ id: string }, SavedComparison>(({ id }) =>
    isText(id, MAX_ID_CHARS) ? { id } : null,
  ),
  /** Compare a tab's page with one original: its credited source, an address or pasted text (credited.ts). */
  'compare-original': fromExtension<{ tabId: number; target: CompareTarget }, CompareReply>(tabAndTarget),
  /** The popup is asking for `target`'s site: compare once it is granted, should the popup close meanwhile. */
  'expect-grant': fromExtension<{ tabId: number; target: CompareTarget }, void>(tabAndTarget),
  /** The corpus lists: the bundled one first, then each subscribed list. */
  'get-lists': fromExtension<Record<never, never>, ListsReply>(noFields),
  /** Subscribe to the list whose manifest is at `url` (the options page asked for its host first). */
  'add-list': fromExtension<{ url: string }, ListsReply>(requiredUrl(MAX_LIST_URL_CHARS)),
  /** Unsubscribe, and give back the host permission when no other list needs it. */
  'remove-list': fromExtension<{ url: string }, ListsReply>(requiredUrl(MAX_LIST_URL_CHARS)),
  /** Update one list now, or every list without `url`. */
  'update-lists': fromExtension<{ url?: string }, ListsReply>(optionalUrl(MAX_LIST_URL_CHARS)),
  /** The followed sites and their settings. */
  'get-followed': fromExtension<Record<never, never>, FollowedReply>(noFields),
  /** Follow the feed or sitemap at `url` (the options page asked for its host first). */
  'follow-site': fromExtension<{ url: string }, FollowedReply>(requiredUrl(MAX_FEED_URL_CHARS)),
  /** Unfollow: its articles go, and the host permission when nothing else needs it. */
  'unfollow-site': fromExtension<{ url: string }, FollowedReply>(requiredUrl(MAX_FEED_URL_CHARS)),
  /** Update one followed site now, or every one without `url`. */
  'update-followed': fromExtension<{ url?: string }, FollowedReply>(optionalUrl(MAX_FEED_URL_CHARS)),
  /** Hours between updates and days an article is kept. */
  'set-follow-settings': fromExtension<{ intervalHours: number; expiryDays: number }, FollowedReply>((value) => {
    const settings = { intervalHours: value['intervalHours'], expiryDays: value['expiryDays'] };
    return validSettings(settings) ? settings : null;
  }),
} satisfies Record<string, MessageSpec<Channel, object, unknown>>;

type Specs = typeof BACKGROUND_MESSAGES;
type BackgroundType = keyof Specs;
type FieldsOf<T extends BackgroundType> = Specs[T] extends MessageSpec<Channel, infer F, unknown> ? F : never;
type ReplyOf<T extends BackgroundType> = Specs[T] extends MessageSpec<Channel, object, infer R> ? R : never;
/** A message as one type with its fields, read-only (one flat object type, for readable errors). */
type Flat<T> = { readonly [K in keyof T]: T[K] };
type MessageFor<T extends BackgroundType> = Flat<{ type: T } & FieldsOf<T>>;
type MessagesFrom<C extends Channel> = {
  [T in BackgroundType]: Specs[T]['channel'] extends C ? MessageFor<T> : never;
}[BackgroundType];

/** Content script → background, about the sender's own tab only. */
export type PageMessage = MessagesFrom<'page'>;
/** The extension's own pages (popup, comparison page, options page) → background. */
export type ExtensionPageMessage = MessagesFrom<'extension'>;
/** Everything the background accepts. */
export type BackgroundMessage = PageMessage | ExtensionPageMessage;

/** Background → content script: send the page again (a check was lost in a restart). */
export type ContentMessage = { readonly type: 'resend-page' };

export type Message = BackgroundMessage | ContentMessage;

/** An original as the comparison page shows it: full paragraphs for the user's own originals, snippets otherwise. */
export interface OriginalView {
  readonly original: IndexedOriginal;
  readonly paragraphs: readonly KeptParagraph[];
}

/** A saved example laid out against its original again, or why it cannot be. */
export type SavedComparison =
  | {
      readonly ok: true;
      readonly savedAt: string;
      readonly report: Extract<TabReport, { status: 'checked' }>;
      readonly original: OriginalView;
    }
  | { readonly ok: false; readonly reason: 'no-example' | 'no-original' };

export type MessageType = Message['type'];
export type MessageOf<T extends MessageType> = Extract<Message, { type: T }>;

/** Each message's reply. */
export type Replies = { readonly [T in BackgroundType]: ReplyOf<T> } & { readonly 'resend-page': void };

/**
 * The message the background was sent, checked for shape and size before any use, or
 * null. Extra fields are dropped: only what the type declares reaches a handler.
 */
export function parseBackgroundMessage(value: unknown): BackgroundMessage | null {
  if (!isRecord(value)) return null;
  const { type } = value;
  if (typeof type !== 'string' || !Object.hasOwn(BACKGROUND_MESSAGES, type)) return null;
  const fields = BACKGROUND_MESSAGES[type as BackgroundType].parse(value);
  return fields && ({ type, ...fields } as BackgroundMessage);
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
    sender: Specs[T]['channel'] extends 'page' ? { tabId: number } : Record<string, never>,
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
  if (!message || !from || BACKGROUND_MESSAGES[message.type].channel !== from.channel) return undefined;
  // Sound though TypeScript cannot see it: `message` is of type `message.type`, and a
  // page message (the only kind whose handler takes a tab) came from the page channel.
  const handle = handlers[message.type] as (
    message: BackgroundMessage,
    sender: { tabId: number } | Record<string, never>,
  ) => Promise<Replies[BackgroundType]>;
  return handle(message, from.channel === 'page' ? { tabId: from.tabId } : {});
}
