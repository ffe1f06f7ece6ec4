import { tidyWhitespace } from './normalize';

const SENTENCE_END = /[.!?:;"')\]\u201D\u2019]\s*$/;
// Hard-wrapped lines fill most of a fixed width; a line outside these bounds is a
// paragraph (or a heading, a credit line) of its own.
const WRAP_WIDTH = 100;
const WRAP_MIN = 30;

/**
 * Splits plain text into paragraphs. Blank lines separate paragraphs; inside a block,
 * single newlines do too, unless the block is hard-wrapped prose (short lines broken
 * mid-sentence), whose lines are joined back. This handles text with only blank
 * lines, with only single newlines, and the mix that copy-pasted pages produce.
 */
export function splitParagraphs(text: string): string[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00A0]*\n/);
  const paragraphs: string[] = [];
  for (const block of blocks) {
    const lines = block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    if (lines.length === 0) continue;
    if (isHardWrapped(lines)) {
      paragraphs.push(tidyWhitespace(lines.join(' ')));
    } else {
      for (const line of lines) paragraphs.push(tidyWhitespace(line));
    }
  }
  return paragraphs;
}

function isHardWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  const body = lines.slice(0, -1);
  if (body.some((line) => line.length > WRAP_WIDTH || line.length < WRAP_MIN)) return false;
  const brokenMidSentence = body.filter((line) => !SENTENCE_END.test(line)).length;
  return brokenMidSentence * 2 >= body.length;
}
