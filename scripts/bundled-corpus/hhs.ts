// US Department of Health and Human Services press releases 2018-2019, scraped by
// pballent/Web-Scraping-HHS-Press-Releases. Works of the US federal government: public domain.
// The Text column is the page's <p> elements as a Python 2 list repr; its scraper deleted
// every comma (Cleaned_Text too), which cannot be undone, but the <p> elements give the
// paragraphs. Title from the breadcrumb, date from the address.
import Papa from 'papaparse';
import { decodeEntities, gitShow, limitParagraphs, oneLine, slugify, wordCount, type SourcedOriginal } from './common';

export const REPO = 'pballent/Web-Scraping-HHS-Press-Releases';
export const COMMIT = 'df847e1436606ba196e49f0fb7e7aa54dc418d11';
export const FILES = ['2018 HHS Press Releases.csv', '2019_HHS_Press_Releases.csv'];

/** Python 2 wrote the page as a repr: "\u2019", "\xe1", "\n" are literal backslash escapes. */
const unescapePython = (s: string): string =>
  s
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\x([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\[ntr]/g, ' ');

// Paragraphs that are not the release: "###" end marks, bare links, sign-up prompts.
const NOT_PROSE = /^(?:#+|https?:\/\/\S+|www\.\S+|Enter your email:?|Receive latest updates)$/;

/** "Background", "PUBLIC MEMBERS", "HHS - @HHSgov": headings and handles, not prose. */
const isHeading = (p: string): boolean => wordCount(p) < 8 && !/[.!?"\u201D]$/.test(p);

export function loadHhs(): SourcedOriginal[] {
  const out: SourcedOriginal[] = [];
  for (const file of FILES) {
    // The two files name their columns differently (URL/Text vs url/text).
    const rows = Papa.parse<Record<string, string>>(gitShow(REPO, COMMIT, file), {
      header: true,
      skipEmptyLines: true,
      transformHeader: (h) => h.toLowerCase(),
    }).data;
    for (const row of rows) {
      const url = row['url'] ?? '';
      const date = /\/news\/(\d{4})\/(\d{2})\/(\d{2})\//.exec(url);
      if (!date) continue; // one 2019 row (an office reorganisation notice) has no date
      const html = unescapePython(row['text'] ?? '');
      let title = '';
      const paragraphs: string[] = [];
      for (const m of html.matchAll(/<p\b([^>]*)>([\s\S]*?)<\/p>/g)) {
        const text = oneLine(decodeEntities(m[2]!.replace(/<br\s*\/?>/g, ' ').replace(/<[^>]+>/g, '')));
        if (/class="breadcrumb"/.test(m[1]!)) {
          title = text.replace(/^Home > About > News > /, '');
          continue;
        }
        // Everything from the e-mail sign-up box on is the site's footer.
        if (text === 'Enter your email:') break;
        if (text !== '' && !NOT_PROSE.test(text) && !isHeading(text)) paragraphs.push(text);
      }
      // An op-ed first printed elsewhere ("NYPost.com" heads it): that outlet has the original.
      if (/^[\w.-]+\.(?:com|org|net)$/i.test(paragraphs[0] ?? '')) continue;
      const published = `${date[1]}-${date[2]}-${date[3]}`;
      // ".../some-release.html" or ".../some-release/index.html"
      const slug = /\/([^/]+?)(?:\/index)?\.html$/.exec(url)?.[1] ?? slugify(title);
      out.push({
        id: `hhs-${published}-${slugify(slug, 80)}`,
        title,
        author: 'HHS Press Office',
        publisher: 'U.S. Department of Health and Human Services',
        url,
        published,
        license: 'public domain (US federal government work)',
        text: limitParagraphs(paragraphs).join('\n\n'),
      });
    }
  }
  return out;
}
