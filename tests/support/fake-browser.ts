// WXT's fake browser (@webext-core/fake-browser: in-memory storage, runtime, tabs…) as the
// extension API, for tests of the background's modules. Import this first: `wxt/browser`
// and `wxt/utils/storage` read the global `browser`/`chrome` once, when first loaded, so it
// must be in place before any module under test is. Call `fakeBrowser.reset()` before each test.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.stubGlobal('browser', fakeBrowser);
vi.stubGlobal('chrome', fakeBrowser);

export { fakeBrowser };
