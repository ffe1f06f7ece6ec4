// Who and where: the names a paragraph mentions, compared between a page paragraph and
// the original paragraph it is paired with. A copy keeps them, and so does a machine
// translation; the next press release from the same template, or a follow-up story
// that reuses a paragraph's frame, puts other names in it.
import type { KeptParagraph } from '../corpus/corpus-index';
import { properNames } from '../text/snippets';

/** Names this many words apart, each way, are a swap; one word is a translation's respelling or a title. */
export const SWAPPED_NAME_WORDS = 2;

/** The words of proper names, lower case, of three letters or more ("Ro Grande" → ro, grande). */
export function nameWords(names: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const name of names) {
    for (const word of name.toLowerCase().split(/[\s-]+/)) {
      if (/^\p{L}{3}/u.test(word)) words.add(word.replace(/'s$/, ''));
    }
  }
  return words;
}

/**
 * How a page's names are read against the original's: as written (a copy, a translation,
 * which carry names over as they are: the copy rules were measured so), or as a retelling
 * writes them, which respells them as a writer would ("Obama's" for the corpus's "Obamas",
 * "U.S." for "United States"). Read loosely, the copy rules let one more template release
 * of the held-out siblings through, so only retellings are read so.
 */
export type NameReading = 'as-written' | 'retold';

/**
 * Whether a page paragraph swaps the original paragraph's names for others: it names at
 * least SWAPPED_NAME_WORDS words of names that neither the original paragraph nor its
 * neighbours name, and leaves out as many of the original paragraph's own. `pageText` is
 * the page paragraph with its neighbours, so a name moved to the next paragraph is not
 * left out. Measured (docs/matching.md): 3.5% and 6.9% of the aligned pairs of Apertium
 * round trips through Spanish and Esperanto swap names this way ("Mr." comes back as
 * "Gentleman"), against a third of the pairs that made other articles of the corpus look
 * like reposts of their siblings.
 */
export function swapsNames(
  pageNames: ReadonlySet<string>,
  pageText: string,
  records: readonly KeptParagraph[],
  original: number,
  reading: NameReading = 'as-written',
): boolean {
  const retold = reading === 'retold';
  const key = retold ? nameKey : (word: string): string => word;
  const own = nameWords(records[original]!.names);
  const neighbours = nameWords([...(records[original - 1]?.names ?? []), ...(records[original + 1]?.names ?? [])]);
  const known = new Set([...own, ...neighbours].map(key));
  let added = 0;
  for (const word of pageNames) if (!known.has(key(word))) added++;
  if (added < SWAPPED_NAME_WORDS) return false;
  const text = retold ? namesSearchText(pageText) : pageText.toLowerCase();
  let left = 0;
  for (const word of own) if (!text.includes(retold ? withoutApostrophes(word) : word)) left++;
  return left >= SWAPPED_NAME_WORDS;
}

/**
 * The corpus's texts lost some apostrophes ("Prince Georges County", "Immigration and
 * Customs Enforcements"): a retelling's names are compared without them, and without a final s.
 */
const withoutApostrophes = (text: string): string => text.replace(/['\u2019]/g, '');
const nameKey = (word: string): string => withoutApostrophes(word).replace(/(?<=\p{L}{3})s$/u, '');

/** Initials news write for names an original may spell out ("U.S.", "United States"). */
const SPELT_OUT: Readonly<Record<string, string>> = {
  us: 'united states',
  uk: 'united kingdom',
  un: 'united nations',
  eu: 'european union',
};

/** A retelling's text as the original's names are looked for in it: lower case, without apostrophes, initials spelt out. */
function namesSearchText(text: string): string {
  const spelt = new Set<string>();
  for (const [, a, b] of text.matchAll(/\b(\p{Lu})\.?(\p{Lu})\b\.?/gu)) {
    const name = SPELT_OUT[`${a}${b}`.toLowerCase()];
    if (name) spelt.add(name);
  }
  return withoutApostrophes([text, ...spelt].join('\n').toLowerCase());
}

/** The name words of each page paragraph, worked out when first asked for. */
export function pageNameWords(paragraphs: readonly string[]): (i: number) => ReadonlySet<string> {
  const cache = new Map<number, Set<string>>();
  return (i) => {
    let words = cache.get(i);
    if (!words) cache.set(i, (words = nameWords(properNames(paragraphs[i] ?? ''))));
    return words;
  };
}
