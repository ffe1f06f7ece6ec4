// English Wikinews 2019-2020, scraped to CSV by vanatteveldt/wikinews (CC BY 2.5).
// The text keeps the page's <p> paragraphs (blank lines between them), so paragraphs are
// taken as they are; only page furniture that the scraper caught as <p> is dropped.
import Papa from 'papaparse';
import { DATELINE, gitShow, limitParagraphs, mostlyNonLatin, oneLine, slugify, type SourcedOriginal } from './common';

export const REPO = 'vanatteveldt/wikinews';
export const COMMIT = '347254178bf343f3801aac1d03c41cc09c35decb';
export const FILES = ['data/wikinews_2019.csv', 'data/wikinews_2020.csv'];

interface Row {
  url: string;
  date: string;
  title: string;
  text: string;
}

/**
 * Photo captions ("... Image: Jo Smith."), pull-quote credits ("—Zinichev calling ..."),
 * quotations in another script (the translation follows them).
 */
function isFurniture(p: string): boolean {
  if (mostlyNonLatin(p)) return true;
  if (/\bImage:\s*[^.]*\.?\)?$/.test(p) || /\(Image:[^)]*\)\s*$/.test(p)) return true;
  if (/^[\u2014\u2013-]\s*\S/.test(p)) return true;
  // A short line with no sentence punctuation is a caption or a heading, not prose.
  return p.split(' ').length < 12 && !/[.!?"\u201D:]$/.test(p);
}

export function loadWikinews2019to2020(): SourcedOriginal[] {
  const out: SourcedOriginal[] = [];
  for (const file of FILES) {
    const rows = Papa.parse<Row>(gitShow(REPO, COMMIT, file), { header: true, skipEmptyLines: true }).data;
    for (const row of rows) {
      const paragraphs = row.text
        .split(/\n[ \t\u00A0]*\n/)
        .map(oneLine)
        .filter((p) => p !== '');
      // The 2019 file keeps the dateline paragraph ("Friday, January 4, 2019"); sometimes
      // glued to the first paragraph by a single newline.
      if (paragraphs.length > 0) paragraphs[0] = paragraphs[0]!.replace(DATELINE, '');
      const body = limitParagraphs(paragraphs.filter((p) => p !== '' && !isFurniture(p)));
      out.push({
        id: `wikinews-${slugify(row.title)}`,
        title: oneLine(row.title),
        author: 'Wikinews contributors',
        publisher: 'Wikinews',
        url: row.url.replace('wikinews.org//wiki/', 'wikinews.org/wiki/'),
        published: row.date,
        license: 'CC BY 2.5',
        text: body.join('\n\n'),
      });
    }
  }
  return out;
}
