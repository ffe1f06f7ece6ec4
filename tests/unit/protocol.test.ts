import { describe, expect, it, vi } from 'vitest';
import { MAX_PASTED_CHARS } from '../../src/browser/credited';
import {
  dispatch,
  MAX_PAGE_CHARS,
  parseBackgroundMessage,
  senderChannel,
  type BackgroundHandlers,
} from '../../src/browser/protocol';
import { describeStatus, hostPattern, type ListView } from '../../src/browser/lists-view';
import { DEFAULT_FOLLOW_SETTINGS } from '../../src/follow/sites';

const extension = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const contentScript = { id: 'ext-id', url: 'https://news.example/story', tab: { id: 7 } };
const popupInATab = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html?tabId=7', tab: { id: 9 } };
const toolbarPopup = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
const otherExtension = { id: 'someone-else', url: 'chrome-extension://someone-else/page.html', tab: { id: 3 } };

const followed = { sites: [], settings: DEFAULT_FOLLOW_SETTINGS };

function spyHandlers(): BackgroundHandlers & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    'page-ready': vi.fn(async (m, s) => void calls.push(`page-ready ${m.url} tab ${s.tabId}`)),
    'page-skipped': vi.fn(async (m, s) => void calls.push(`page-skipped ${m.reason} tab ${s.tabId}`)),
    'get-tab-report': vi.fn(async (m) => (calls.push(`get-tab-report ${m.tabId}`), null)),
    'get-original': vi.fn(
      async (m) => (calls.push(`get-original ${m.id}${m.tabId === undefined ? '' : ` tab ${m.tabId}`}`), null),
    ),
    'compare-saved': vi.fn(
      async (m) => (calls.push(`compare-saved ${m.id}`), { ok: false as const, reason: 'no-example' as const }),
    ),
    'compare-original': vi.fn(
      async (m) => (calls.push(`compare-original ${m.tabId} ${m.target.kind}`), { ok: true as const }),
    ),
    'expect-grant': vi.fn(async (m) => void calls.push(`expect-grant ${m.tabId} ${m.target.kind}`)),
    'get-lists': vi.fn(async () => (calls.push('get-lists'), { lists: [] })),
    'add-list': vi.fn(async (m) => (calls.push(`add-list ${m.url}`), { lists: [] })),
    'remove-list': vi.fn(async (m) => (calls.push(`remove-list ${m.url}`), { lists: [] })),
    'update-lists': vi.fn(async (m) => (calls.push(`update-lists ${m.url ?? 'all'}`), { lists: [] })),
    'get-followed': vi.fn(async () => (calls.push('get-followed'), followed)),
    'follow-site': vi.fn(async (m) => (calls.push(`follow-site ${m.url}`), followed)),
    'unfollow-site': vi.fn(async (m) => (calls.push(`unfollow-site ${m.url}`), followed)),
    'update-followed': vi.fn(async (m) => (calls.push(`update-followed ${m.url ?? 'all'}`), followed)),
    'set-follow-settings': vi.fn(async (m) => (calls.push(`set-follow-settings ${JSON.stringify(m)}`), followed)),
  };
}

describe('messages to the background are checked before use', () => {
  it('accepts each well-formed message and drops fields its type does not declare', () => {
    expect(
      parseBackgroundMessage({ type: 'page-ready', url: 'https://a.example/', html: '<p>x</p>', tabId: 4 }),
    ).toEqual({ type: 'page-ready', url: 'https://a.example/', html: '<p>x</p>' });
    expect(parseBackgroundMessage({ type: 'page-skipped', url: 'u', reason: 'too-large' })).toEqual({
      type: 'page-skipped',
      url: 'u',
      reason: 'too-large',
    });
    expect(parseBackgroundMessage({ type: 'get-tab-report', tabId: 3 })).toEqual({ type: 'get-tab-report', tabId: 3 });
    expect(parseBackgroundMessage({ type: 'get-original', id: 'x' })).toEqual({ type: 'get-original', id: 'x' });
    expect(parseBackgroundMessage({ type: 'get-lists', url: 'x' })).toEqual({ type: 'get-lists' });
    expect(parseBackgroundMessage({ type: 'get-original', id: 'fetched:x', tabId: 4 })).toEqual({
      type: 'get-original',
      id: 'fetched:x',
      tabId: 4,
    });
    const credited = { kind: 'credited', url: 'https://a.example/story' };
    expect(parseBackgroundMessage({ type: 'compare-original', tabId: 2, target: { ...credited, extra: 1 } })).toEqual({
      type: 'compare-original',
      tabId: 2,
      target: credited,
    });
    expect(
      parseBackgroundMessage({
        type: 'compare-original',
        tabId: 2,
        target: { kind: 'address', url: 'https://b.example/' },
      }),
    ).toEqual({ type: 'compare-original', tabId: 2, target: { kind: 'address', url: 'https://b.example/' } });
    expect(
      parseBackgroundMessage({ type: 'compare-original', tabId: 2, target: { kind: 'text', text: 'a\n\nb' } }),
    ).toEqual({ type: 'compare-original', tabId: 2, target: { kind: 'text', text: 'a\n\nb' } });
    const list = 'https://lists.example/news/manifest.json';
    expect(parseBackgroundMessage({ type: 'add-list', url: list, force: true })).toEqual({
      type: 'add-list',
      url: list,
    });
    expect(parseBackgroundMessage({ type: 'remove-list', url: list })).toEqual({ type: 'remove-list', url: list });
    expect(parseBackgroundMessage({ type: 'update-lists', url: list })).toEqual({ type: 'update-lists', url: list });
    expect(parseBackgroundMessage({ type: 'update-lists' })).toEqual({ type: 'update-lists' });
    const feed = 'https://news.example/feed.xml';
    expect(parseBackgroundMessage({ type: 'get-followed', url: feed })).toEqual({ type: 'get-followed' });
    expect(parseBackgroundMessage({ type: 'follow-site', url: feed, now: true })).toEqual({
      type: 'follow-site',
      url: feed,
    });
    expect(parseBackgroundMessage({ type: 'unfollow-site', url: feed })).toEqual({ type: 'unfollow-site', url: feed });
    expect(parseBackgroundMessage({ type: 'update-followed', url: feed })).toEqual({
      type: 'update-followed',
      url: feed,
    });
    expect(parseBackgroundMessage({ type: 'update-followed' })).toEqual({ type: 'update-followed' });
    expect(
      parseBackgroundMessage({ type: 'set-follow-settings', intervalHours: 12, expiryDays: 7, delayMs: 0 }),
    ).toEqual({ type: 'set-follow-settings', intervalHours: 12, expiryDays: 7 });
  });

  it.each([
    ['not an object', 'page-ready'],
    ['null', null],
    ['an array', [{ type: 'get-tab-report', tabId: 1 }]],
    ['an unknown type', { type: 'delete-everything' }],
    ['a message only the background sends', { type: 'resend-page' }],
    ['markup that is not text', { type: 'page-ready', url: 'u', html: { toString: (): string => '<p>' } }],
    ['markup over the size limit', { type: 'page-ready', url: 'u', html: 'x'.repeat(MAX_PAGE_CHARS + 1) }],
    ['an address over the size limit', { type: 'page-skipped', url: 'u'.repeat(20_000), reason: 'too-large' }],
    ['an unknown skip reason', { type: 'page-skipped', url: 'u', reason: 'because' }],
    ['a tab id that is not a whole number', { type: 'get-tab-report', tabId: 1.5 }],
    ['a negative tab id', { type: 'get-tab-report', tabId: -1 }],
    ['a tab id given as text', { type: 'get-tab-report', tabId: '1' }],
    ['an id that is not text', { type: 'get-original', id: ['a'] }],
    ['an original asked for with a bad tab id', { type: 'get-original', id: 'x', tabId: 'all' }],
    ['a comparison without a target', { type: 'compare-original', tabId: 1 }],
    [
      'a comparison with an unknown kind of target',
      { type: 'compare-original', tabId: 1, target: { kind: 'file', path: '/' } },
    ],
    [
      'a comparison with an address that is not text',
      { type: 'compare-original', tabId: 1, target: { kind: 'address', url: 1 } },
    ],
    [
      'a credited source without its address',
      { type: 'compare-original', tabId: 1, target: { kind: 'credited', href: 'https://a.example/' } },
    ],
    [
      'pasted text over the size limit',
      { type: 'compare-original', tabId: 1, target: { kind: 'text', text: 'x'.repeat(MAX_PASTED_CHARS + 1) } },
    ],
    ['a comparison for a bad tab id', { type: 'compare-original', tabId: -3, target: { kind: 'text', text: 'x' } }],
    ['a list without an address', { type: 'add-list' }],
    ['a list address that is not text', { type: 'remove-list', url: { href: 'https://a.example/' } }],
    ['a list address over the size limit', { type: 'add-list', url: `https://a.example/${'x'.repeat(5_000)}` }],
    ['an update of a list address that is not text', { type: 'update-lists', url: 42 }],
    ['a followed site without an address', { type: 'follow-site' }],
    ['a feed address over the size limit', { type: 'follow-site', url: `https://a.example/${'x'.repeat(5_000)}` }],
    ['an unfollow of an address that is not text', { type: 'unfollow-site', url: ['https://a.example/'] }],
    ['an update of a feed address that is not text', { type: 'update-followed', url: 1 }],
    ['an interval of no hours', { type: 'set-follow-settings', intervalHours: 0, expiryDays: 30 }],
    ['an expiry that is not a whole number', { type: 'set-follow-settings', intervalHours: 6, expiryDays: 1.5 }],
    ['an expiry given as text', { type: 'set-follow-settings', intervalHours: 6, expiryDays: '30' }],
    ['settings without an expiry', { type: 'set-follow-settings', intervalHours: 6 }],
  ])('refuses %s', (_what, value) => {
    expect(parseBackgroundMessage(value)).toBeNull();
  });
});

describe('senders', () => {
  it('tell content scripts (with their own tab) from extension pages and strangers', () => {
    expect(senderChannel(contentScript, extension.id, extension.origin)).toEqual({ channel: 'page', tabId: 7 });
    expect(senderChannel(popupInATab, extension.id, extension.origin)).toEqual({ channel: 'extension' });
    expect(senderChannel(toolbarPopup, extension.id, extension.origin)).toEqual({ channel: 'extension' });
    expect(senderChannel(otherExtension, extension.id, extension.origin)).toBeNull();
    expect(senderChannel({ id: 'ext-id' }, extension.id, extension.origin)).toBeNull();
  });
});

describe('dispatch', () => {
  it('runs the handler of a message from its own channel, with the tab the browser names', async () => {
    const handlers = spyHandlers();
    await dispatch(
      { type: 'page-ready', url: 'https://news.example/story', html: '<p>' },
      contentScript,
      handlers,
      extension,
    );
    await dispatch({ type: 'get-tab-report', tabId: 7 }, popupInATab, handlers, extension);
    await dispatch({ type: 'get-original', id: 'wapo' }, toolbarPopup, handlers, extension);
    expect(handlers.calls).toEqual([
      'page-ready https://news.example/story tab 7',
      'get-tab-report 7',
      'get-original wapo',
    ]);
  });

  it('refuses a page that asks for another tab’s report or an original, and never runs the handler', () => {
    const handlers = spyHandlers();
    expect(dispatch({ type: 'get-tab-report', tabId: 1 }, contentScript, handlers, extension)).toBeUndefined();
    expect(dispatch({ type: 'get-original', id: 'wapo' }, contentScript, handlers, extension)).toBeUndefined();
    // A saved example holds a page the reader kept: for the extension's pages only.
    expect(dispatch({ type: 'compare-saved', id: 'abc' }, contentScript, handlers, extension)).toBeUndefined();
    expect(handlers.calls).toEqual([]);
  });

  it('lets only extension pages manage corpus lists: a page can never make the extension fetch anything', async () => {
    const handlers = spyHandlers();
    const url = 'https://lists.example/manifest.json';
    for (const message of [
      { type: 'get-lists' },
      { type: 'add-list', url },
      { type: 'remove-list', url },
      { type: 'update-lists', url },
      { type: 'update-lists' },
    ]) {
      expect(dispatch(message, contentScript, handlers, extension)).toBeUndefined();
      expect(dispatch(message, otherExtension, handlers, extension)).toBeUndefined();
    }
    expect(handlers.calls).toEqual([]);
    await dispatch({ type: 'get-lists' }, toolbarPopup, handlers, extension);
    await dispatch({ type: 'add-list', url }, toolbarPopup, handlers, extension);
    await dispatch({ type: 'update-lists' }, toolbarPopup, handlers, extension);
    await dispatch({ type: 'update-lists', url }, toolbarPopup, handlers, extension);
    await dispatch({ type: 'remove-list', url }, toolbarPopup, handlers, extension);
    expect(handlers.calls).toEqual([
      'get-lists',
      `add-list ${url}`,
      'update-lists all',
      `update-lists ${url}`,
      `remove-list ${url}`,
    ]);
  });

  it('lets only extension pages follow sites: a page can never make the extension fetch a feed', async () => {
    const handlers = spyHandlers();
    const url = 'https://news.example/feed.xml';
    const messages = [
      { type: 'get-followed' },
      { type: 'follow-site', url },
      { type: 'update-followed', url },
      { type: 'update-followed' },
      { type: 'set-follow-settings', intervalHours: 24, expiryDays: 10 },
      { type: 'unfollow-site', url },
    ];
    for (const message of messages) {
      expect(dispatch(message, contentScript, handlers, extension)).toBeUndefined();
      expect(dispatch(message, otherExtension, handlers, extension)).toBeUndefined();
    }
    expect(handlers.calls).toEqual([]);
    for (const message of messages) await dispatch(message, toolbarPopup, handlers, extension);
    expect(handlers.calls).toEqual([
      'get-followed',
      `follow-site ${url}`,
      `update-followed ${url}`,
      'update-followed all',
      'set-follow-settings {"type":"set-follow-settings","intervalHours":24,"expiryDays":10}',
      `unfollow-site ${url}`,
    ]);
  });

  it('refuses page messages from extension pages and anything from another extension', () => {
    const handlers = spyHandlers();
    expect(dispatch({ type: 'page-ready', url: 'u', html: '<p>' }, popupInATab, handlers, extension)).toBeUndefined();
    expect(dispatch({ type: 'get-tab-report', tabId: 1 }, otherExtension, handlers, extension)).toBeUndefined();
    expect(dispatch({ type: 'page-ready', url: 'u', html: 1 }, contentScript, handlers, extension)).toBeUndefined();
    expect(handlers.calls).toEqual([]);
  });

  it('lets only extension pages ask for a comparison (a fetch) or a compared original', async () => {
    const handlers = spyHandlers();
    const compare = { type: 'compare-original', tabId: 7, target: { kind: 'address', url: 'https://a.example/' } };
    expect(dispatch(compare, contentScript, handlers, extension)).toBeUndefined();
    expect(dispatch(compare, otherExtension, handlers, extension)).toBeUndefined();
    expect(dispatch({ type: 'get-original', id: 'x', tabId: 7 }, contentScript, handlers, extension)).toBeUndefined();
    expect(dispatch({ ...compare, type: 'expect-grant' }, contentScript, handlers, extension)).toBeUndefined();
    expect(handlers.calls).toEqual([]);
    await dispatch({ ...compare, type: 'expect-grant' }, popupInATab, handlers, extension);
    await dispatch(compare, popupInATab, handlers, extension);
    await dispatch(
      { type: 'get-original', id: 'fetched:https://a.example/', tabId: 7 },
      toolbarPopup,
      handlers,
      extension,
    );
    expect(handlers.calls).toEqual([
      'expect-grant 7 address',
      'compare-original 7 address',
      'get-original fetched:https://a.example/ tab 7',
    ]);
  });
});

describe('corpus lists', () => {
  it("ask for the list's host only: scheme and host name, every path, any port", () => {
    expect(hostPattern('https://lists.example.org/news/manifest.json?v=2')).toBe('https://lists.example.org/*');
    expect(hostPattern(' http://127.0.0.1:8123/list/manifest.json ')).toBe('http://127.0.0.1/*');
    expect(() => hostPattern('file:///etc/passwd')).toThrow(/https/);
    expect(() => hostPattern('javascript:alert(1)')).toThrow(/https/);
    expect(() => hostPattern('lists.example.org/manifest.json')).toThrow(/not an address/);
    expect(() => hostPattern('')).toThrow(/not an address: \(empty\)/);
  });

  it('say why the last update failed and which version is kept', () => {
    const list: ListView = {
      url: 'https://lists.example/manifest.json',
      name: 'Example',
      maintainer: 'Someone',
      originals: 3,
      bytes: 12_000,
      version: '3',
      published: '2026-11-20T10:00:00.000Z',
      checkedAt: 1,
      updatedAt: 1,
      status: 'error',
      error: "the manifest's signature does not match its contents",
    };
    expect(describeStatus(list)).toBe(
      "Last update failed: the manifest's signature does not match its contents — keeping version 3 from 2026-11-20",
    );
    expect(describeStatus({ ...list, status: 'ok', error: null })).toBe('Up to date');
    expect(describeStatus({ ...list, url: null, status: 'bundled', error: null })).toMatch(
      /Bundled with the extension/,
    );
  });
});
