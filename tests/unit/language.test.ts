// A page in another language than the corpus's is told so, instead of "no known original":
// on real saved pages (the extraction set) that declare their language, and on real English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/check/analyze';
import { deserializeIndex } from '../../src/corpus/index-file';
import { articleFromHtml } from '../../src/extract/parse-html';
import { lookupIn, translator } from '../../src/i18n/translator';
import { englishShare, nonEnglishLanguage } from '../../src/text/language';
import { extractionPages } from '../fixtures/extraction/pages';
import { brownTexts } from '../support/brown';

const declared = (html: string): string => /<html[^>]*\slang="([^"]*)"/i.exec(html)?.[1]?.toLowerCase() ?? '';

describe('the language of an unmatched page', () => {
  it('says which language a real page in another language is in, and never says it of an English page', () => {
    const bundled = deserializeIndex(new Uint8Array(readFileSync(new URL('../../public/corpus.rrx', import.meta.url))));
    const told = new Map<string, string | undefined>();
    for (const page of extractionPages()) {
      const { report } = analyzeArticle(articleFromHtml(page.html, page.url), bundled);
      if (report.verdict === 'unrelated') told.set(page.id, report.pageLanguage);
      if (report.pageLanguage !== undefined) expect(report.verdict).toBe('unrelated');
    }
    const pages = extractionPages().filter((p) => told.has(p.id));
    const english = pages.filter((p) => declared(p.html).startsWith('en'));
    const other = pages.filter((p) => /^[a-z]{2}/.test(declared(p.html)) && !declared(p.html).startsWith('en'));
    expect(english.length).toBeGreaterThan(100);
    expect(other.length).toBeGreaterThanOrEqual(10);
    // Of the pages that declare English, only two blog posts in German (read: their template
    // says lang="en") are told they are in another language.
    expect(
      english.filter((p) => told.get(p.id) !== undefined).map((p) => [new URL(p.url).host, told.get(p.id)]),
    ).toEqual([
      ['blog.comwrap.com', 'de'],
      ['blog.comwrap.com', 'de'],
    ]);
    // Pages that declare another language are told it, or nothing when their text reads as
    // English (Business Insider's German edition serves English articles) or is in a language
    // without a word list here (Indonesian): never another language than the one declared.
    const wrong = other.filter((p) => ![undefined, declared(p.html).split('-')[0]].includes(told.get(p.id)));
    expect(wrong.map((p) => p.id)).toEqual([]);
    expect(other.filter((p) => told.get(p.id) !== undefined).length).toBeGreaterThanOrEqual(10);
    // Pages that declare nothing are read from their text: the Brazilian ones are Portuguese.
    const undeclared = pages.filter((p) => declared(p.html) === '' && p.url.includes('.com.br'));
    expect(undeclared.length).toBeGreaterThanOrEqual(2);
    for (const page of undeclared) expect(told.get(page.id), page.url).toBe('pt');
  }, 300_000);

  it('reads every Brown corpus text as English, however short its paragraphs', () => {
    const notEnglish = brownTexts().filter((t) => nonEnglishLanguage(t.paragraphs, '') !== undefined);
    expect(notEnglish.map((t) => t.id)).toEqual([]);
    // English is made of its function words: a third of any Brown text at least.
    expect(Math.min(...brownTexts().map((t) => englishShare(t.paragraphs.join(' '))))).toBeGreaterThan(0.3);
  });

  it('names the language in the reader’s language', () => {
    const catalog = JSON.parse(
      readFileSync(new URL('../../public/_locales/fr/messages.json', import.meta.url), 'utf8'),
    );
    const fr = translator('fr', lookupIn(catalog));
    expect(fr.say({ key: 'report_otherLanguage', params: [{ language: 'de' }] })).toBe(
      'Cette page est en allemand ; les originaux connus ici sont en anglais.',
    );
  });
});
