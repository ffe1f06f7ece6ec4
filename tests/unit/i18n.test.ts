// The interface's catalogs: every language says every message, with the same parameters,
// and the translator fills them as browser.i18n does.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lookupIn, translator, type Catalog } from '../../src/i18n/translator';

const LOCALES = new URL('../../public/_locales/', import.meta.url).pathname;
const catalogs = new Map<string, Catalog>(
  readdirSync(LOCALES).map((lang) => [lang, JSON.parse(readFileSync(`${LOCALES}${lang}/messages.json`, 'utf8'))]),
);
const en = catalogs.get('en')!;
const params = (message: string): string[] => [...new Set(message.match(/\$[1-9]/g) ?? [])].sort();

describe('catalogs', () => {
  it('has English, French, German and Spanish', () => {
    expect([...catalogs.keys()].sort()).toEqual(['de', 'en', 'es', 'fr']);
  });

  for (const [lang, catalog] of catalogs) {
    it(`${lang}: every English message, with the same parameters, and nothing else`, () => {
      const counted = (key: string) => key.replace(/_(?:zero|one|two|few|many|other)$/, '');
      // A language may need plural forms English lacks (and the reverse), never other messages.
      expect(new Set(Object.keys(catalog).map(counted))).toEqual(new Set(Object.keys(en).map(counted)));
      for (const [key, { message }] of Object.entries(catalog)) {
        const english = en[key] ?? en[`${counted(key)}_other`];
        expect(english, key).toBeDefined();
        // A plural form may leave its count unsaid ("un paragraphe"), never add a parameter.
        const allowed = params(english!.message);
        expect(
          params(message).filter((p) => !allowed.includes(p)),
          `${lang} ${key}`,
        ).toEqual([]);
        if (!/_(?:zero|one|two|few|many)$/.test(key)) expect(params(message), `${lang} ${key}`).toEqual(allowed);
        expect(message.trim(), `${lang} ${key}`).not.toBe('');
      }
      expect(catalog['locale']?.message).toBe(lang);
    });

    it(`${lang}: the store description fits Chrome's 132 characters`, () => {
      expect(catalog['extDescription']!.message.length).toBeLessThanOrEqual(132);
    });
  }
});

describe('translator', () => {
  const catalog: Catalog = {
    hello: { message: 'Hello $1, $$5' },
    paragraphs_one: { message: 'one paragraph' },
    paragraphs_other: { message: '$1 paragraphs of $2' },
  };
  it('substitutes parameters as browser.i18n does, with numbers in the locale’s digits', () => {
    expect(translator('en', lookupIn(catalog)).t('hello' as never, 'Ann')).toBe('Hello Ann, $5');
    expect(translator('de', lookupIn(catalog)).n('paragraphs' as never, 1234, 'X')).toBe('1.234 paragraphs of X');
  });
  it('picks the plural form of the locale', () => {
    const fr = translator('fr', lookupIn(catalog));
    // French says 0 in the singular, English in the plural.
    expect(fr.n('paragraphs' as never, 0, 'X')).toBe('one paragraph');
    expect(translator('en', lookupIn(catalog)).n('paragraphs' as never, 0, 'X')).toBe('0 paragraphs of X');
  });
  it('throws on a message no catalog has, rather than show nothing', () => {
    expect(() => translator('en', lookupIn(catalog)).t('nope' as never)).toThrow(/no message "nope"/);
  });
  it('writes dates with their time zone', () => {
    const en = translator('en', lookupIn(catalog));
    expect(en.dateTime('2026-12-06T09:00:00Z', 'UTC')).toMatch(/Dec 6, 2026.*9:00.*UTC/);
    expect(translator('de', lookupIn(catalog)).dateTime('2026-12-06T09:00:00Z', 'Europe/Berlin')).toMatch(
      /6\. Dez\. 2026.*10:00 MEZ/,
    );
  });
});
