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
): boolean {
  const own = nameWords(records[original]!.names);
  const neighbours = nameWords([...(records[original - 1]?.names ?? []), ...(records[original + 1]?.names ?? [])]);
  let added = 0;
  for (const word of pageNames) if (!own.has(word) && !neighbours.has(word)) added++;
  if (added < SWAPPED_NAME_WORDS) return false;
  const text = pageText.toLowerCase();
  let left = 0;
  for (const word of own) if (!text.includes(word)) left++;
  return left >= SWAPPED_NAME_WORDS;
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
