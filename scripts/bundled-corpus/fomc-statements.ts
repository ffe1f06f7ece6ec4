// FOMC post-meeting policy statements 1994-2016, as plain text files in fomc/statements
// (one file per statement, named by its date, paragraphs separated by blank lines and the
// lines hard-wrapped). The statements are press releases of the Federal Open Market
// Committee, issued by the Board of Governors of the Federal Reserve System, a federal
// government agency: works of the US federal government, public domain (17 U.S.C. § 105).
// They are quoted verbatim by wire services and financial sites, which is the product's
// use case. The files carry no title or address: the title is "FOMC statement, <date>" and
// the address follows the Federal Reserve's URL scheme for the statement's era.
//
//   npx tsx scripts/bundled-corpus/fomc-statements.ts /tmp/fomc-statements.jsonl
import { execFileSync } from 'node:child_process';
import {
  MIRROR,
  gitShow,
  limitParagraphs,
  median,
  oneLine,
  wordCount,
  writeWhenRun,
  type SourcedOriginal,
} from './common';

export const REPO = 'fomc/statements';
export const COMMIT = '5b4df02e8952ec612313e0d02907483dd1827300';

/** Statements shorter than this (a few 1990s one-paragraph notices) are dropped. */
const MIN_WORDS = 80;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * The file is named by the date of the Fed's page, which is the release date except once:
 * the statement of the June 27-28, 2007 meeting sits on a page dated 2007-06-18.
 */
const RELEASE_DATE_FIXES: Record<string, string> = { '20070618': '20070628' };

/** Every statement file at the pinned commit ("20080916.xt" has a typo in its extension). */
function statementFiles(): { path: string; pageDate: string }[] {
  const gitDir = `${MIRROR}/${REPO.replace('/', '+')}/repo`;
  const names = execFileSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '--name-only', COMMIT, 'statements/'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);
  return names.flatMap((path) => {
    const m = /^statements\/(\d{8})\.t?xt$/.exec(path);
    return m ? [{ path, pageDate: m[1]! }] : [];
  });
}

/** The statement's page on federalreserve.gov; the site used several schemes over the years. */
export function statementUrl(pageDate: string): string {
  const year = pageDate.slice(0, 4);
  const n = Number(pageDate);
  const base = 'https://www.federalreserve.gov';
  if (n < 19960101) return `${base}/fomc/${pageDate}default.htm`;
  if (n < 19970101) return `${base}/fomc/${pageDate}DEFAULT.htm`;
  if (n < 20020331) return `${base}/boarddocs/press/general/${year}/${pageDate}/`;
  if (n < 20030101) return `${base}/boarddocs/press/monetary/${year}/${pageDate}/`;
  if (n < 20060101) return `${base}/boarddocs/press/monetary/${year}/${pageDate}/default.htm`;
  // The December 16, 2008 statement is release "b" of that day.
  const suffix = pageDate === '20081216' ? 'b' : 'a';
  return `${base}/newsevents/pressreleases/monetary${pageDate}${suffix}.htm`;
}

/** A block that is only a list of links: other central banks' websites (2008-03-11, 2010-05-09). */
const LINK_LIST = /^(?:\*?\s*\[[^\]]*\]\([^)]*\)\s*)+$/;

/** "Federal Reserve Actions", "Statements by Other Central Banks": headings, not prose. */
const isHeading = (p: string): boolean => wordCount(p) < 12 && !/[.!?"\u201D:;]$/.test(p);

function paragraphsOf(text: string): string[] {
  return (
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n[ \t]*\r?\n/)
      .map((block) => oneLine(block))
      .filter((block) => !LINK_LIST.test(block))
      // Markdown left by the repository: "* " list items (each is its own block), links.
      .map((block) => block.replace(/^\*\s+/, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))
      .filter((p) => p !== '' && !isHeading(p))
  );
}

export function loadFomcStatements(): SourcedOriginal[] {
  const out: SourcedOriginal[] = [];
  for (const { path, pageDate } of statementFiles()) {
    const paragraphs = limitParagraphs(paragraphsOf(gitShow(REPO, COMMIT, path)));
    const text = paragraphs.join('\n\n');
    if (wordCount(text) < MIN_WORDS) continue;
    const release = RELEASE_DATE_FIXES[pageDate] ?? pageDate;
    const published = `${release.slice(0, 4)}-${release.slice(4, 6)}-${release.slice(6, 8)}`;
    const longDate = `${MONTHS[Number(release.slice(4, 6)) - 1]} ${Number(release.slice(6, 8))}, ${release.slice(0, 4)}`;
    out.push({
      id: `fomc-${published}-statement`,
      title: `FOMC statement, ${longDate}`,
      author: 'Federal Open Market Committee',
      publisher: 'Board of Governors of the Federal Reserve System',
      url: statementUrl(pageDate),
      published,
      license: 'public domain (US federal government work)',
      text,
    });
  }
  return out.sort((a, b) => a.published.localeCompare(b.published));
}

writeWhenRun(import.meta.url, loadFomcStatements, (records) => {
  const words = records.map((r) => wordCount(r.text));
  return (
    `${records.length} FOMC statements, ${records[0]?.published} to ${records.at(-1)?.published}; ` +
    `median ${median(words)} words; ${words.filter((w) => w >= 150).length} of 150+ words`
  );
});
