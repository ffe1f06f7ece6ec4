// The background's copy of the bundled corpus (src/browser/corpus.ts): fetched from the
// extension's own files once, read with the index reader, and asked for again after a
// failure. WXT's fake browser names the extension; `fetch` serves public/corpus.rrx.
import { fakeBrowser } from '../support/fake-browser';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledIndex } from '../../src/browser/corpus';

const BUNDLED = readFileSync(new URL('../../public/corpus.rrx', import.meta.url));
const FIRST_ID = 'wapo-2022-01-06-rogin-putin-kazakhstan-ukraine';
const requested: string[] = [];
let failNext = false;

beforeEach(() => {
  fakeBrowser.reset();
  requested.length = 0;
  vi.stubGlobal('fetch', async (url: string): Promise<Response> => {
    requested.push(url);
    if (failNext) {
      failNext = false;
      throw new TypeError('Failed to fetch');
    }
    return new Response(url === fakeBrowser.runtime.getURL('/corpus.rrx') ? BUNDLED : null, {
      status: url.endsWith('/corpus.rrx') ? 200 : 404,
    });
  });
});
afterEach(() => vi.unstubAllGlobals());

// The module keeps its index for the background's lifetime: these tests run in order.
describe('bundledIndex', () => {
  it('fails when the file cannot be fetched, and asks again on the next page', async () => {
    failNext = true;
    await expect(bundledIndex()).rejects.toThrow('Failed to fetch');
    const index = await bundledIndex();
    expect(requested).toEqual([
      `chrome-extension://${fakeBrowser.runtime.id}/corpus.rrx`,
      `chrome-extension://${fakeBrowser.runtime.id}/corpus.rrx`,
    ]);
    expect(index.originalCount).toBeGreaterThan(100);
    expect(index.originalOf(index.findOriginal(FIRST_ID)).title).toBe(
      'Putin can’t afford crises in both Kazakhstan and Ukraine',
    );
  });

  it('loads the file once per background lifetime', async () => {
    const [a, b] = await Promise.all([bundledIndex(), bundledIndex()]);
    expect(a).toBe(b);
    expect(await bundledIndex()).toBe(a);
    expect(requested).toEqual([]);
  });
});
