// The interface catalogs as the tests read them, and a translator over one, to say what a
// page in that language must show (the same lookup and Intl formatting as the pages).
import { readFileSync } from 'node:fs';
import { lookupIn, translator, type Catalog, type Translator } from '../../src/i18n/translator';

/** The interface languages the browser tests switch Chromium to. */
export const UI_LOCALES = ['en', 'fr', 'de', 'es'] as const;

export function catalog(lang: string): Catalog {
  return JSON.parse(readFileSync(new URL(`../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'));
}

export const translatorFor = (lang: string): Translator => translator(lang, lookupIn(catalog(lang)));
