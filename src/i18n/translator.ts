// Interface text in the reader's language. Messages live in public/_locales/<lang>/messages.json
// (the format browser.i18n reads, so the extension's pages and manifest use it directly);
// this module adds what browser.i18n lacks, purely: plural forms, numbers and dates through
// Intl, and the same lookup over a catalog read from disk (the command line's English).
import type en from '../../public/_locales/en/messages.json';

/** Every message's name, taken from the English catalog (the default locale). */
export type MessageKey = keyof typeof en;

/** A message key without its plural suffix: the base a counted message is asked for by. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/**
 * A message's parameter: text as it is (a title, a quoted word), a number (written in the
 * locale's digits), another said text, a list of them (joined as the locale joins a list:
 * "a, b and c"), a language named in the reader's language, or a share as a percentage.
 */
export type Param =
  string | number | Said | readonly Said[] | { readonly language: string } | { readonly percent: number };

/**
 * A text to be said: its message and parameters, not yet in a language. Findings and
 * verdicts are worded as these (src/report/wording.ts), so each reader gets them in theirs.
 * A `count` picks the plural form of `key` (`<key>_one`, `<key>_other`, …) and is `$1`.
 */
export type Said =
  | { readonly key: MessageKey; readonly params?: readonly Param[] }
  | { readonly key: PluralKey; readonly count: number; readonly params?: readonly Param[] };

/** A catalog in browser.i18n's format. */
export type Catalog = Readonly<Record<string, { readonly message: string }>>;

/** How a message is looked up: browser.i18n.getMessage, or `lookupIn` over a catalog. */
export type Lookup = (key: string, substitutions: string[]) => string;

export interface Translator {
  /** The locale the text is in (a BCP 47 tag, e.g. "fr" or "de-DE"). */
  readonly locale: string;
  t(key: MessageKey, ...params: Param[]): string;
  /** A counted message: the plural form for `count` in this locale, with `count` as `$1`. */
  n(key: PluralKey, count: number, ...params: Param[]): string;
  say(said: Said): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  percent(share: number): string;
  /** A date and time, with its time zone named (the reader's own unless told). */
  dateTime(iso: string | number | Date, timeZone?: string): string;
  date(iso: string | number | Date): string;
  /** A language's name in this locale ("German", "allemand"), from its code. */
  language(code: string): string;
}

export function translator(locale: string, lookup: Lookup): Translator {
  const numbers = new Intl.NumberFormat(locale);
  const plurals = new Intl.PluralRules(locale);
  const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  // Formatters are made once: making one costs more than a check's wording (a report is worded on every page).
  const lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  // Numbers are written in the locale's digits and separators before they are substituted.
  const show = (p: Param): string => {
    if (typeof p === 'number') return numbers.format(p);
    if (typeof p === 'string') return p;
    if (Array.isArray(p)) return lists.format(p.map((said: Said) => self.say(said)));
    if ('language' in p) return languages.of(p.language) ?? p.language;
    if ('percent' in p) return self.percent(p.percent);
    return self.say(p as Said);
  };
  const message = (key: string, params: readonly Param[]): string => {
    const text = lookup(key, params.map(show));
    if (text === '') throw new Error(`no message "${key}" in ${locale}`);
    return text;
  };
  const counted = (key: PluralKey, count: number, params: readonly Param[]): string => {
    const form = `${key}_${plurals.select(count)}`;
    const args = [count, ...params];
    return lookup(form, args.map(show)) || message(`${key}_other`, args);
  };
  const self: Translator = {
    locale,
    t: (key, ...params) => message(key, params),
    n: (key, count, ...params) => counted(key, count, params),
    say: (said) =>
      'count' in said ? counted(said.key, said.count, said.params ?? []) : message(said.key, said.params ?? []),
    number: (value, options) =>
      options ? new Intl.NumberFormat(locale, options).format(value) : numbers.format(value),
    percent: (share) => percents.format(share),
    dateTime: (when, timeZone) =>
      // dateStyle cannot be combined with timeZoneName: the fields are spelled out.
      new Intl.DateTimeFormat(locale, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        ...(timeZone ? { timeZone } : {}),
      }).format(new Date(when)),
    date: (when) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(when)),
    language: (code) => languages.of(code) ?? code,
  };
  return self;
}

/**
 * browser.i18n.getMessage's substitution over a catalog: `$1`…`$9` are the parameters,
 * `$$` a dollar sign, a missing message "". (Named placeholders are not used here.)
 */
export function lookupIn(catalog: Catalog): Lookup {
  return (key, substitutions) => {
    const entry = catalog[key];
    if (!entry) return '';
    return entry.message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
  };
}
