// An original's own running prose: what a repost must copy to be called one, and what a
// page must cut to be called a cut copy. A press release's boilerplate tail, which every
// release of that company carries, is not its own.
import type { CorpusIndex } from '../corpus/corpus-index';
import { PROSE_PARAGRAPH_WORDS } from './page';

/**
 * The headings that open a press release's boilerplate tail: "Media contact", "Contact:",
 * and "About Acme" as a line of its own or before a colon. Prose that merely starts with
 * "About President Kennedy's plan, …" is not one. Not case-insensitive (the `i` flag
 * would let \p{Lu} match any letter): first letters either way. End marks ("###",
 * "- 30 -") have no letters and are not kept: the index records where one stood.
 */
const TAIL_HEADING =
  /^(?:[Mm]edia\s+[Cc]ontacts?\b|[Pp]ress\s+[Cc]ontacts?\b|[Cc]ontacts?\s*:|[Aa]bout\s+(?:the\s+)?\p{Lu}[^.!?:]*:)/u;
const ABOUT_LINE = /^[Aa]bout\s+(?:the\s+)?\p{Lu}[^.!?]*$/u;

const isTailHeading = (snippet: string, words: number): boolean =>
  TAIL_HEADING.test(snippet) || (words < PROSE_PARAGRAPH_WORDS && ABOUT_LINE.test(snippet));

/**
 * The original's paragraphs that are its own running prose: long enough to be prose,
 * and before a boilerplate tail ("About Acme Corp…", "Media contact"), which every
 * release of that company carries.
 */
export function ownProseParagraphs(index: CorpusIndex, candidate: number): Set<number> {
  const { firstParagraph, paragraphCount, endMark } = index.originalOf(candidate);
  const records = index.keptParagraphsOf(candidate);
  const prose = new Set<number>();
  for (let j = 0; j < paragraphCount; j++) {
    // The tail starts at its heading or at an end mark; a first paragraph is never a tail.
    const words = index.wordCounts[firstParagraph + j]!;
    if (j > 0 && (j === endMark || isTailHeading(records[j]!.snippet, words))) break;
    if (words >= PROSE_PARAGRAPH_WORDS) prose.add(j);
  }
  return prose;
}
