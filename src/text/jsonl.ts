/** One value of a JSON Lines text and its 1-based line number. */
export interface JsonLine {
  readonly value: unknown;
  readonly line: number;
}

/**
 * The values of a JSON Lines text, in order, read one line at a time. A byte order
 * mark is dropped and blank lines are skipped (line numbers still count them); the
 * first line that is not JSON throws the error `invalid` makes for its line number.
 */
export function* parseJsonLines(text: string, invalid: (line: number) => Error): Generator<JsonLine> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw invalid(i + 1);
    }
    yield { value, line: i + 1 };
  }
}
