// Whether a page is in English, the language of the corpus's originals: an unmatched page in
// another language is told so, rather than "no known original" (which reads as a clean bill).
// Pages' own declarations are often wrong (templates say lang="en" on German posts), so the
// text decides: its script, then which language's commonest function words it is made of.
import { STOPWORDS } from './stopwords';
import { tokenize } from './tokens';

/**
 * The commonest function words of the languages a reader here most often meets in Latin
 * script. Running text in one of them is about a third these words; English text, a page of
 * names and scores or a list are a few percent in each (tests/unit/language.test.ts).
 */
const FUNCTION_WORDS: Readonly<Record<string, ReadonlySet<string>>> = Object.fromEntries(
  Object.entries({
    de: 'der die und den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man',
    fr: 'de la le et les des en un du une que est pour qui dans par plus pas au sur ne se ce il sont avec ont son cette aux elle mais ou leur été nous sa ses comme',
    es: 'de la que el en y los del se las por un para con no una su al lo como más pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también',
    it: 'di e il la che in un per non una del della con è si sono le al dei gli da anche nel alla più ma come questo ha lo ci delle nella essere',
    pt: 'de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu sua ou ser quando muito há nos já',
    nl: 'de van een het en in is dat op te zijn met voor niet aan er die ook als bij door om maar dan nog wel naar uit hij werd worden',
  }).map(([lang, words]) => [lang, new Set(words.split(' '))]),
);

/** A text that is at least this share one language's function words is in that language. */
const MIN_LANGUAGE_SHARE = 0.15;
/** Words read: enough to decide, few enough to cost nothing on a long page. */
const SAMPLE_WORDS = 2_000;
/** Too little running text to say anything of its language. */
const MIN_WORDS = 30;
/** Paragraphs shorter than this (list items, scores, captions) say little of a language. */
const MIN_PARAGRAPH_WORDS = 8;

/**
 * The page's language when it is not English: a code ("de"), or "" when it is written in
 * another script without declaring which language. Undefined when the page reads as English,
 * or when there is too little running text to tell.
 */
export function nonEnglishLanguage(paragraphs: readonly string[], declared?: string): string | undefined {
  const words: string[] = [];
  for (const paragraph of paragraphs) {
    const found = tokenize(paragraph).filter((w) => !/\d/.test(w));
    if (found.length >= MIN_PARAGRAPH_WORDS) words.push(...found);
    if (words.length >= SAMPLE_WORDS) break;
  }
  if (words.length < MIN_WORDS) return undefined;
  const latin = words.filter((w) => /^[\p{Script=Latin}'’-]+$/u.test(w)).length;
  const primary = declared?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (latin < words.length / 2) return /^[a-z]{2,3}$/.test(primary) && primary !== 'en' ? primary : '';
  const english = shareOf(words, STOPWORDS);
  let best: [string, number] = ['', 0];
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    const share = shareOf(words, list);
    if (share > best[1]) best = [lang, share];
  }
  return best[1] >= MIN_LANGUAGE_SHARE && best[1] > english ? best[0] : undefined;
}

const shareOf = (words: readonly string[], list: ReadonlySet<string>): number =>
  words.filter((w) => list.has(w)).length / words.length;

/** Share of a text's words that are English function words. */
export function englishShare(text: string): number {
  const words = tokenize(text);
  return words.length ? shareOf(words, STOPWORDS) : 0;
}
