// Typed messages to the background and to a tab's content script (src/browser/messaging.ts),
// with WXT's fake browser.
import { fakeBrowser } from '../support/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { sendToBackground, sendToTab } from '../../src/browser/messaging';

beforeEach(() => fakeBrowser.reset());

describe('sendToBackground', () => {
  it('delivers the message and returns the background’s reply', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      received.push(message);
      sendResponse({ status: 'failed', url: 'https://a.example/', message: 'no corpus' });
      return true;
    });
    const reply = await sendToBackground({ type: 'get-tab-report', tabId: 7 });
    expect(received).toEqual([{ type: 'get-tab-report', tabId: 7 }]);
    expect(reply).toEqual({ status: 'failed', url: 'https://a.example/', message: 'no corpus' });
  });

  it('lets a failure to reach the background reach the caller', async () => {
    await expect(sendToBackground({ type: 'get-lists' })).rejects.toThrow(/No listeners/);
  });
});

describe('sendToTab', () => {
  it('returns the content script’s reply', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue('resent' as never);
    expect(await sendToTab(3, { type: 'resend-page' })).toBe('resent');
    expect(send).toHaveBeenCalledWith(3, { type: 'resend-page' });
  });

  it('treats a tab without a content script as no reply, not an error', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await sendToTab(4, { type: 'resend-page' })).toBeUndefined();
  });
});
