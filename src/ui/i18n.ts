// The extension's pages in the reader's language: the browser's interface language picks the
// catalog (public/_locales), as for the manifest. Pages call `useLanguage()` once to set
// <html lang> and the text direction.
import { translator } from '../i18n/translator';

const uiLanguage = (): string => {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
};

export const ui = translator(uiLanguage(), (key, substitutions) => browser.i18n.getMessage(key, substitutions));
export const { t, n, say } = ui;

/** Marks the page's language, so that screen readers and hyphenation follow the catalog in use. */
export function useLanguage(): void {
  // The catalog's own tag, not the browser's: a reader in Portuguese gets the English catalog.
  document.documentElement.lang = browser.i18n.getMessage('locale') || 'en';
  document.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
}
