// Builds the translation fixtures (tests/fixtures/translation/, described in its README):
// - machine translation: Brown corpus articles (the first halves that the distractor
//   tests index) sent on a round trip through Apertium, English → Spanish → English and
//   English → Esperanto → English. CI has no Apertium, so the outputs are committed.
//   Run: npx tsx scripts/make-translation-fixtures.ts apertium
// - human rewording: the same Grimm tales in two public-domain English translations,
//   Margaret Hunt's (Project Gutenberg #5314) as the original, and as the page Edgar
//   Taylor and Marian Edwardes' (#2591) or Lucy Crane's (#19068), cut at the tales' own
//   headings. Run: npx tsx scripts/make-translation-fixtures.ts grimm <2591-0.txt> <19068.txt> <5314-8.txt>
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brownHalves } from '../tests/support/brown';

const OUT = new URL('../tests/fixtures/translation/', import.meta.url);

/** The round trips: Apertium modes there and back (see /usr/share/apertium/modes/). */
const ROUND_TRIPS = [
  { name: 'eng-spa', there: 'eng-spa', back: 'spa-eng' },
  { name: 'en-eo', there: 'en-eo', back: 'eo-en' },
] as const;

/** Two Brown articles in five, so every genre is represented: 200 articles. */
const selected = (i: number): boolean => i % 5 === 0 || i % 5 === 3;

function roundTrip(dir: string, there: string, back: string, text: string): string {
  const input = join(dir, 'in.txt');
  writeFileSync(input, text);
  // -u: no '*' marks on unknown words, as a translation site shows its output.
  return execFileSync('sh', ['-c', `apertium -u ${there} "$1" | apertium -u ${back}`, 'sh', input], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

const paragraphsOf = (text: string): string[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');

/**
 * Paragraph by paragraph: Apertium keeps blank lines, so the whole article goes in one
 * call and comes back with as many paragraphs; if not, each paragraph is sent alone.
 */
function translateArticle(dir: string, there: string, back: string, paragraphs: readonly string[]): string[] {
  const whole = paragraphsOf(roundTrip(dir, there, back, paragraphs.join('\n\n') + '\n'));
  if (whole.length === paragraphs.length) return whole;
  return paragraphs.map((p) => paragraphsOf(roundTrip(dir, there, back, p + '\n')).join(' '));
}

function apertium(): void {
  const dir = mkdtempSync(join(tmpdir(), 'rr-apertium-'));
  const texts = brownHalves().first.filter((_, i) => selected(i));
  try {
    for (const trip of ROUND_TRIPS) {
      const lines = texts.map((t) => {
        const paragraphs = translateArticle(dir, trip.there, trip.back, t.paragraphs);
        return JSON.stringify({ id: t.id, paragraphs });
      });
      writeFileSync(new URL(`apertium-${trip.name}.jsonl.gz`, OUT), gzipSync(lines.join('\n') + '\n', { level: 9 }));
      console.log(`${trip.name}: ${lines.length} articles`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Each book's heading → Hunt's tale number, checked by hand against the three tables of
 * contents and Hunt's German titles (Taylor's "Snowdrop" and Crane's "Snow-White" are
 * Hunt's 53, "Little Snow-white", Sneewittchen). Taylor's "Adventures of Chanticleer and
 * Partlet" is left out: it joins parts of three of Hunt's tales.
 */
const TAYLOR: Readonly<Record<string, number>> = {
  'THE GOLDEN BIRD': 57,
  'HANS IN LUCK': 83,
  'JORINDA AND JORINDEL': 69,
  'THE TRAVELLING MUSICIANS': 27,
  'OLD SULTAN': 48,
  'THE STRAW, THE COAL, AND THE BEAN': 18,
  'BRIAR ROSE': 50,
  'THE DOG AND THE SPARROW': 58,
  'THE TWELVE DANCING PRINCESSES': 133,
  'THE FISHERMAN AND HIS WIFE': 19,
  'THE WILLOW-WREN AND THE BEAR': 102,
  'THE FROG-PRINCE': 1,
  'CAT AND MOUSE IN PARTNERSHIP': 2,
  'THE GOOSE-GIRL': 89,
  RAPUNZEL: 12,
  FUNDEVOGEL: 51,
  'THE VALIANT LITTLE TAILOR': 20,
  'HANSEL AND GRETEL': 15,
  'THE MOUSE, THE BIRD, AND THE SAUSAGE': 23,
  'MOTHER HOLLE': 24,
  'THE ROBBER BRIDEGROOM': 40,
  'TOM THUMB': 37,
  RUMPELSTILTSKIN: 55,
  'CLEVER GRETEL': 77,
  'THE OLD MAN AND HIS GRANDSON': 78,
  'THE LITTLE PEASANT': 61,
  'FREDERICK AND CATHERINE': 59,
  'SWEETHEART ROLAND': 56,
  SNOWDROP: 53,
  'THE PINK': 76,
  'CLEVER ELSIE': 34,
  'THE MISER IN THE BUSH': 110,
  ASHPUTTEL: 21,
  'THE WHITE SNAKE': 17,
  'THE WOLF AND THE SEVEN LITTLE KIDS': 5,
  'THE QUEEN BEE': 62,
  'THE ELVES AND THE SHOEMAKER': 39,
  'THE JUNIPER-TREE': 47,
  'THE TURNIP': 146,
  'CLEVER HANS': 32,
  'THE THREE LANGUAGES': 33,
  'THE FOX AND THE CAT': 75,
  'THE FOUR CLEVER BROTHERS': 129,
  'LILY AND THE LION': 88,
  'THE FOX AND THE HORSE': 132,
  'THE BLUE LIGHT': 116,
  'THE RAVEN': 93,
  'THE GOLDEN GOOSE': 64,
  'THE WATER OF LIFE': 97,
  'THE TWELVE HUNTSMEN': 67,
  'THE KING OF THE GOLDEN MOUNTAIN': 92,
  'DOCTOR KNOWALL': 98,
  'THE SEVEN RAVENS': 25,
  'THE WEDDING OF MRS FOX': 38,
  'THE SALAD': 122,
  'THE STORY OF THE YOUTH WHO WENT FORTH TO LEARN WHAT FEAR WAS': 4,
  'KING GRISLY-BEARD': 52,
  'IRON HANS': 136,
  'CAT-SKIN': 65,
  'SNOW-WHITE AND ROSE-RED': 161,
};

const CRANE: Readonly<Record<string, number>> = {
  "THE RABBIT'S BRIDE": 66,
  'SIX SOLDIERS OF FORTUNE': 71,
  'CLEVER GRETHEL': 77,
  'The DEATH of the HEN': 80,
  'HANS IN LUCK': 83,
  'THE GOOSE GIRL.': 89,
  'THE RAVEN': 93,
  'THE FROG PRINCE': 1,
  'CAT & MOUSE IN PARTNERSHIP.': 2,
  'The WOLF and the SEVEN LITTLE GOATS.': 5,
  'FAITHFUL JOHN': 6,
  'THE WONDERFUL MUSICIAN': 8,
  'THE TWELVE BROTHERS': 9,
  'THE VAGABONDS': 10,
  'THE BROTHER AND SISTER': 11,
  RAPUNZEL: 12,
  'The THREE LITTLE MEN in the WOOD': 13,
  'THE THREE SPINSTERS': 14,
  'HANSEL AND GRETHEL': 15,
  'THE WHITE SNAKE': 17,
  'The STRAW, The COAL, and the BEAN': 18,
  'The FISHERMAN and his WIFE': 19,
  'THE GALLANT TAILOR': 20,
  ASCHENPUTTEL: 21,
  'The MOUSE, the BIRD, and the SAUSAGE': 23,
  'MOTHER HULDA': 24,
  'LITTLE RED CAP': 26,
  'THE BREMEN TOWN MUSICIANS': 27,
  'PRUDENT HANS': 32,
  'CLEVER ELSE': 34,
  'The TABLE, the ASS, and the STICK.': 36,
  'TOM THUMB': 37,
  'HOW MRS FOX MARRIED AGAIN': 38,
  'THE ELVES': 39,
  'THE ROBBER BRIDEGROOM': 40,
  'MR KORBES': 41,
  "TOM THUMB'S TRAVELS": 45,
  'THE ALMOND TREE': 47,
  'OLD SULTAN': 48,
  'THE SIX SWANS': 49,
  'THE SLEEPING BEAUTY': 50,
  'KING THRUSHBEARD': 52,
  'SNOW-WHITE': 53,
  'The KNAPSACK, the HAT, and the HORN': 54,
  RUMPELSTILTSKIN: 55,
  ROLAND: 56,
  'THE GOLDEN BIRD': 57,
  'The DOG and the SPARROW': 58,
  'FRED and KATE': 59,
  'THE LITTLE FARMER': 61,
  'THE QUEEN BEE': 62,
  'THE GOLDEN GOOSE': 64,
};

/** A book's lines between its Gutenberg start and end markers, without carriage returns. */
function bookLines(path: string, encoding: BufferEncoding): string[] {
  const lines = readFileSync(path, encoding)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const start = lines.findIndex((l) => l.startsWith('*** START'));
  const end = lines.findIndex(
    (l, i) => i > start && (l.startsWith('*** END') || l.startsWith('End of Project Gutenberg')),
  );
  return lines.slice(start + 1, end);
}

/** Sections of a book, keyed by heading: the lines from one heading to the next. */
function sections(lines: readonly string[], heading: (line: string) => string | null): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const line of lines) {
    const key = heading(line);
    if (key !== null) out.set(key, (current = []));
    else current?.push(line);
  }
  return out;
}

/** Blank-line paragraphs, hard-wrapped lines joined, illustration notes dropped, "--" and _emphasis_ folded. */
const bookParagraphs = (lines: readonly string[]): string[] =>
  paragraphsOf(lines.join('\n'))
    .filter((p) => !p.startsWith('[Illustration'))
    .map((p) => p.replace(/--/g, '—').replace(/_/g, ''));

/** A translation's tales keyed by Hunt's number. */
function byHuntNumber(
  path: string,
  encoding: BufferEncoding,
  titles: Readonly<Record<string, number>>,
): Map<number, string[]> {
  const found = sections(bookLines(path, encoding), (l) => (Object.hasOwn(titles, l) ? l : null));
  return new Map(Object.entries(titles).map(([title, n]) => [n, bookParagraphs(found.get(title) ?? [])]));
}

function grimm(taylorPath: string, cranePath: string, huntPath: string): void {
  // Hunt's headings are "57 The Golden Bird", some indented like the contents list before
  // them; a tale's heading comes after its contents entry, so it replaces it.
  const hunt = sections(bookLines(huntPath, 'latin1'), (l) => /^ {0,2}(\d+) +[A-Z]/.exec(l)?.[1] ?? null);
  const rows: string[] = [];
  for (const [translator, path, titles] of [
    ['taylor', taylorPath, TAYLOR],
    ['crane', cranePath, CRANE],
  ] as const) {
    for (const [number, page] of byHuntNumber(path, 'utf8', titles)) {
      const original = bookParagraphs(hunt.get(String(number)) ?? []);
      if (page.length === 0 || original.length === 0) throw new Error(`tale not found: ${translator} ${number}`);
      rows.push(JSON.stringify({ id: `grimm-${number}`, translator, page, original }));
    }
  }
  writeFileSync(new URL('grimm-translations.jsonl.gz', OUT), gzipSync(rows.join('\n') + '\n', { level: 9 }));
  console.log(`grimm: ${rows.length} pairs`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'apertium') apertium();
else if (command === 'grimm' && args.length === 3) grimm(args[0]!, args[1]!, args[2]!);
else console.error('usage: make-translation-fixtures.ts apertium | grimm <2591-0.txt> <19068.txt> <5314-8.txt>');
