// Shared pieces of the corpus import: the record written to corpus/originals.jsonl, reading
// pinned files out of the fetched (bare) git mirrors, and text clean-up and splitting.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { splitSentences } from '../../src/text/sentences';

/** One line of corpus/originals.jsonl; `license` is new (the lead adds it to the format). */
export interface SourcedOriginal {
  id: string;
  title: string;
  author: string;
  publisher: string;
  url: string;
  published: string;
  license: string;
  /** Paragraphs separated by a blank line; no other newlines. */
  text: string;
}

/** Where the `fetch` tool puts public GitHub repositories: <mirror>/<owner>+<name>/repo. */
export const MIRROR = process.env['CORPUS_MIRROR'] ?? '/work/.mirror';

/** A file as it is at a pinned commit of a mirrored repository (never the moving HEAD). */
export function gitShow(repo: string, commit: string, path: string): string {
  const gitDir = `${MIRROR}/${repo.replace('/', '+')}/repo`;
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
}

const NAMED_ENTITIES: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: ' ',
  mdash: '\u2014',
  ndash: '\u2013',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  minus: '\u2212',
  deg: '\u00B0',
  euro: '\u20AC',
  pound: '\u00A3',
  times: '\u00D7',
  rarr: '\u2192',
};

/** Decodes HTML entities; unknown named ones are left as they are. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export const wordCount = (s: string): number => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** One line of text: no newlines, single spaces (a newline would split a paragraph). */
export const oneLine = (s: string): string => s.replace(/[\s\u00A0]+/g, ' ').trim();

/** Stable ASCII slug for ids: "Canada's PM résigne" -> "canadas-pm-resigne". */
export function slugify(s: string, max = 90): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'untitled';
}

/** The page address of an English Wikinews article, as MediaWiki writes it. */
export function wikinewsUrl(title: string): string {
  const path = encodeURIComponent(title.replace(/ /g, '_')).replace(/%(2C|3A|2F|40|24|3B|21|2A)/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
  return `https://en.wikinews.org/wiki/${path}`;
}

const MAX_PARAGRAPH_WORDS = 250;

/**
 * Splits a run of text with no usable breaks into paragraphs of a few whole sentences
 * (2 to 4, about 40 to 120 words), using the product's own sentence splitter.
 */
export function chunkSentences(text: string): string[] {
  const sentences = splitSentences(text);
  const out: string[] = [];
  let current: string[] = [];
  let words = 0;
  for (const sentence of sentences) {
    current.push(sentence);
    words += wordCount(sentence);
    if (current.length >= 4 || (current.length >= 2 && words >= 60) || words >= 120) {
      out.push(current.join(' '));
      current = [];
      words = 0;
    }
  }
  // A lone short tail sentence joins the paragraph before it.
  if (current.length > 0) {
    if (out.length > 0 && current.length === 1 && words < 25) out[out.length - 1] += ` ${current[0]}`;
    else out.push(current.join(' '));
  }
  return out;
}

/** Keeps real paragraphs, only cutting one that is far too long to be one (a failed split). */
export function limitParagraphs(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) => (wordCount(p) > MAX_PARAGRAPH_WORDS ? chunkSentences(p) : [p]));
}

/** Wikinews datelines that open a story: "Friday, January 4, 2019" or "April 26, 2005". */
export const DATELINE =
  /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2}\s*,\s*\d{4}\b\s*/;

/** English prose, not a release in Spanish (a few HHS ones are): function words decide. */
export function looksEnglish(text: string): boolean {
  const count = (re: RegExp): number => text.match(re)?.length ?? 0;
  return count(/\b(?:the|and|of|to|is|that)\b/gi) > 2 * count(/\b(?:el|la|los|las|que|del|y|por|para)\b/gi);
}

/** A paragraph mostly in another script (a quotation in Russian before its translation). */
export function mostlyNonLatin(p: string): boolean {
  const letters = p.match(/\p{L}/gu) ?? [];
  return letters.filter((c) => !/\p{Script=Latin}/u.test(c)).length * 2 > letters.length;
}

/** The middle value of a list of numbers (the upper one of two). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * A source script run on its own (`npx tsx <script> <out.jsonl>`, `moduleUrl` being the
 * script's import.meta.url): writes what `load` gives as JSON Lines and prints `summary`.
 * Imported by build-originals.ts, it does nothing.
 */
export function writeWhenRun(
  moduleUrl: string,
  load: () => SourcedOriginal[],
  summary: (records: readonly SourcedOriginal[]) => string,
): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  const target = process.argv[2];
  if (!target) {
    console.error(`usage: npx tsx ${relative(process.cwd(), fileURLToPath(moduleUrl))} <out.jsonl>`);
    process.exit(2);
  }
  const records = load();
  writeFileSync(target, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(`${summary(records)} -> ${target}`);
}
