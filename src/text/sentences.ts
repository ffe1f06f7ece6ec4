// Sentence splitting good enough for evidence: ends at . ! ? (and closing quotes)
// followed by a capital, a digit or an opening quote; common abbreviations don't end one.
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc ltd co corp vs etc no jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e'.split(
    ' ',
  ),
);

export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?\u2026]+["'\u201D\u2019)]*)\s+(?=["'\u201C\u2018(]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
    const end = m.index + m[1]!.length;
    // Only the word before the stop matters: look at a short window, not the whole prefix.
    const before = paragraph.slice(Math.max(start, m.index - 24), m.index);
    const lastWord = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
    // "Mr." and the initial in "John E. Herbst" do not end a sentence.
    if (m[1] === '.' && (ABBREVIATIONS.has(lastWord) || lastWord.length === 1)) continue;
    sentences.push(paragraph.slice(start, end).trim());
    start = boundary.lastIndex;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}
