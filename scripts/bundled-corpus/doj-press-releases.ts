// US Department of Justice press releases 2009-2018 (Office of Public Affairs, justice.gov/opa/pr/),
// as the raw justice.gov pages saved by lennymd/news21-pressReleasesDOJ in April 2018: one HTML
// file per release, 12,694 of them, newest first. Works of the US federal government: public
// domain (17 U.S.C. § 105). Local outlets republish these nearly verbatim, the product's case.
// The page gives the address (canonical link), date, title and the body's <p> paragraphs.
// The scraper wrote each page through .encode('ascii', 'ignore'): curly quotes and apostrophes,
// dashes, non-breaking spaces and accented letters are gone ("Justice Departments Tax
// Division"); that cannot be undone and is left as it is.
//
//   npx tsx scripts/bundled-corpus/doj-press-releases.ts /tmp/doj-press-releases.jsonl
import { execFileSync } from 'node:child_process';
import {
  MIRROR,
  decodeEntities,
  gitShow,
  limitParagraphs,
  looksEnglish,
  median,
  oneLine,
  slugify,
  wordCount,
  writeWhenRun,
  type SourcedOriginal,
} from './common';

export const REPO = 'lennymd/news21-pressReleasesDOJ';
export const COMMIT = '1a05eb9883822edd7f1bbecd2a73c554b2c4f37c';
const DIR = 'scrape_pressRelease/pressReleases/';

const MAX_RELEASES = 1500;
const MIN_WORDS = 80;
const MAX_WORDS = 3000;
/** Files are taken every STRIDE-th first (0, 9, 18, ...), then 1, 10, ...: even over the years. */
const STRIDE = 9;

/** The saved pages at the pinned commit, in the scraper's (newest first) order. */
function releaseFiles(): string[] {
  const gitDir = `${MIRROR}/${REPO.replace('/', '+')}/repo`;
  return execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', COMMIT, DIR], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  })
    .split('\n')
    .filter((path) => /\/release_\d{5}\.html$/.test(path))
    .sort();
}

/** A fixed order that spreads any prefix of it over the whole date range. */
function interleaved<T>(items: readonly T[]): T[] {
  const out: T[] = [];
  for (let offset = 0; offset < STRIDE; offset++) {
    for (let i = offset; i < items.length; i += STRIDE) out.push(items[i]!);
  }
  return out;
}

// Tags become spaces; the space that leaves before punctuation ("the <a>website</a>.") goes.
const textOf = (html: string): string =>
  oneLine(decodeEntities(html.replace(/<[^>]*>/g, ' '))).replace(/\s+([.,;:!?)])/g, '$1');

// Block-level tags end a paragraph; so does <br>, which some releases use instead of <p>
// (and attachment lists use between links).
const BLOCK_BREAK = /<\/?(?:p|div|h[1-6]|li|ul|ol|blockquote|tr|table)\b[^>]*>|<br\s*\/?>/gi;

/** "###" end marks, "Related Materials:", attachment names, bare links: not the release's prose. */
const NOT_PROSE = /^(?:[#*\s]+|https?:\/\/\S+|www\.\S+)$/;
const isHeading = (p: string): boolean => wordCount(p) < 8 && !/[.!?"')]$/.test(p);

function paragraphsOf(body: string): string[] {
  const blocks = body
    // Tables (lists of defendants, sentencing grids) are not running text.
    .replace(/<table\b[\s\S]*?<\/table>/gi, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .split(BLOCK_BREAK)
    .map(textOf)
    .filter((p) => p !== '');
  // What follows a "###" end mark (rare here) is the e-mail edition's chrome ("DO NOT REPLY TO THIS MESSAGE").
  const endMark = blocks.findIndex((p) => /^(?:#\s*){3,}$/.test(p));
  if (endMark > 0) blocks.length = endMark;
  const out: string[] = [];
  for (const block of blocks) {
    const prev = out[out.length - 1];
    // A line broken mid-sentence by a stray <br> or <p>: rejoin it.
    if (prev !== undefined && !/[.!?:;"')]$/.test(prev) && /^[a-z]/.test(block))
      out[out.length - 1] = `${prev} ${block}`;
    else out.push(block);
  }
  return out.filter((p) => !NOT_PROSE.test(p) && !isHeading(p));
}

/** One saved page as a record, or null when it has no usable body. */
export function parseRelease(html: string): SourcedOriginal | null {
  const url = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1] ?? '';
  const date = /field--name-field-pr-date[\s\S]*?content="(\d{4}-\d{2}-\d{2})T/.exec(html)?.[1];
  const title = textOf(/<h1 id="node-title">([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '');
  const agency = textOf(/<div class="agency">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '') || 'Office of Public Affairs';
  const start = html.indexOf('field--name-field-pr-body');
  if (!url.startsWith('https://www.justice.gov/') || !date || !title || start < 0) return null;
  // The body ends where the topic/component/number fields (or the "Updated" line) begin.
  const ends = ['<div class="pr-fields">', '<div class="node__updated">', '</article>']
    .map((marker) => html.indexOf(marker, start))
    .filter((i) => i > 0);
  const body = html.slice(html.indexOf('>', start) + 1, Math.min(...ends, html.length));
  const text = limitParagraphs(paragraphsOf(body)).join('\n\n');
  return {
    id: `doj-${date}-${slugify(url.replace(/\/+$/, '').split('/').pop() ?? title, 80)}`,
    title,
    author: agency,
    publisher: 'U.S. Department of Justice',
    url,
    published: date,
    license: 'public domain (US federal government work)',
    text,
  };
}

export function loadDojPressReleases(): SourcedOriginal[] {
  const out: SourcedOriginal[] = [];
  const seen = new Set<string>();
  for (const path of interleaved(releaseFiles())) {
    if (out.length >= MAX_RELEASES) break;
    const record = parseRelease(gitShow(REPO, COMMIT, path));
    // Some releases were posted twice (".../some-release" and ".../some-release-0").
    const keys = record ? [record.url, record.id, `${record.published} ${record.title}`] : [];
    if (!record || keys.some((key) => seen.has(key))) continue;
    const words = wordCount(record.text);
    // A few releases are in Spanish (translations of an English one, which is kept).
    if (words < MIN_WORDS || words > MAX_WORDS || !looksEnglish(record.text)) continue;
    for (const key of keys) seen.add(key);
    out.push(record);
  }
  return out.sort((a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id));
}

writeWhenRun(
  import.meta.url,
  loadDojPressReleases,
  (records) =>
    `${records.length} DOJ press releases, ${records[0]?.published} to ${records.at(-1)?.published}; ` +
    `median ${median(records.map((r) => wordCount(r.text)))} words, ` +
    `${median(records.map((r) => r.text.split('\n\n').length))} paragraphs`,
);
