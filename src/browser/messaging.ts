import { browser } from 'wxt/browser';
import type { BackgroundMessage, ContentMessage, MessageOf, Replies } from './protocol';

/** Sends a typed message to the background; the reply is typed by the message. */
export async function sendToBackground<T extends BackgroundMessage['type']>(
  message: MessageOf<T>,
): Promise<Replies[T]> {
  return (await browser.runtime.sendMessage(message)) as Replies[T];
}

/** Sends a typed message to a tab's content script; a tab without one is not an error. */
export async function sendToTab<T extends ContentMessage['type']>(
  tabId: number,
  message: MessageOf<T>,
): Promise<Replies[T] | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, message)) as Replies[T];
  } catch {
    return undefined;
  }
}
