// Everything the extension's parts say to each other: one discriminated union of
// messages, each with its reply type, and the per-tab state the background keeps.
import type { IndexedOriginal, ParagraphRecord } from '../corpus/corpus-index';
import type { Analysis } from '../report/analyze';

export type SkipReason = 'not-an-article' | 'too-large';

/** What the background knows about one tab's page. */
export type TabReport =
  | { readonly status: 'checking'; readonly url: string; readonly since: number; readonly checkId: string }
  | { readonly status: 'skipped'; readonly url: string; readonly reason: SkipReason }
  | { readonly status: 'checked'; readonly url: string; readonly checkedAt: number; readonly analysis: Analysis }
  | { readonly status: 'failed'; readonly url: string; readonly message: string };

export type Message =
  /** Content script → background: the page settled; here is its markup to check. */
  | { readonly type: 'page-ready'; readonly url: string; readonly html: string }
  /** Content script → background: nothing to check on this page. */
  | { readonly type: 'page-skipped'; readonly url: string; readonly reason: SkipReason }
  /** Popup and pages → background: the report for a tab. */
  | { readonly type: 'get-tab-report'; readonly tabId: number }
  /** Comparison page → background: an original's metadata and paragraphs, by id. */
  | { readonly type: 'get-original'; readonly id: string }
  /** Background → content script: send the page again (a check was lost in a restart). */
  | { readonly type: 'resend-page' };

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
  'resend-page': void;
}

/** Pages larger than this are not checked: the markup is copied between processes. */
export const MAX_PAGE_CHARS = 8_000_000;

export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return (
    type === 'page-ready' ||
    type === 'page-skipped' ||
    type === 'get-tab-report' ||
    type === 'get-original' ||
    type === 'resend-page'
  );
}
