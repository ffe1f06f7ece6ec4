// The extension pages' text in English for unit tests that render them (linkedom): the
// catalog browser.i18n would read, looked up as it would. Import this first: src/ui/i18n.ts
// reads the global `browser` when it is loaded.
import { vi } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import { lookupIn } from '../../src/i18n/translator';

const getMessage = lookupIn(en);
vi.stubGlobal('browser', {
  ...(globalThis as { browser?: object }).browser,
  i18n: { getMessage, getUILanguage: () => 'en' },
});
