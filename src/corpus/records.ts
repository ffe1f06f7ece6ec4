// The corpus input format (DESIGN.md): JSON Lines, one original a line.
import { parseJsonLines } from '../text/jsonl';

export interface OriginalMeta {
  readonly id: string;
  readonly title: string;
  readonly author: string;
  readonly publisher: string;
  readonly url: string;
  readonly published: string;
  /** The licence the original is published under (e.g. "CC BY 2.5"), when known. */
  readonly license?: string;
}

export interface OriginalRecord extends OriginalMeta {
  /** Paragraphs separated by a blank line. */
  readonly text: string;
}

/** A problem with corpus input or a corpus index; `line` is 1-based where known. */
export class CorpusError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'CorpusError';
  }
}

const META_FIELDS = ['title', 'author', 'publisher', 'url', 'published', 'license'] as const;

/** Validates one parsed JSON value as an original; throws CorpusError saying why. */
export function toOriginalRecord(value: unknown, line?: number): OriginalRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CorpusError('expected a JSON object', line);
  }
  const record = value as Record<string, unknown>;
  const id = record['id'];
  if (typeof id !== 'string' || id.trim() === '') {
    throw new CorpusError('"id" must be a non-empty string', line);
  }
  const text = record['text'];
  if (typeof text !== 'string' || text.trim() === '') {
    throw new CorpusError(`original "${id}": "text" must be a non-empty string`, line);
  }
  const meta: Record<(typeof META_FIELDS)[number], string> = {
    title: '',
    author: '',
    publisher: '',
    url: '',
    published: '',
    license: '',
  };
  for (const field of META_FIELDS) {
    const fieldValue = record[field];
    if (fieldValue === undefined || fieldValue === null) continue;
    if (typeof fieldValue !== 'string') {
      throw new CorpusError(`original "${id}": "${field}" must be a string`, line);
    }
    meta[field] = fieldValue.trim();
  }
  return { id: id.trim(), text, ...meta };
}

/**
 * Originals one corpus file may hold. Indexing takes about half a millisecond an
 * original, so a larger file would keep a check busy for minutes.
 */
export const MAX_ORIGINALS = 200_000;

/**
 * Parses a JSON Lines corpus. Blank lines are skipped; the first bad line throws a
 * CorpusError naming the line, so a caller can keep what it had loaded before.
 */
export function parseCorpusJsonl(source: string): OriginalRecord[] {
  const records: OriginalRecord[] = [];
  const seen = new Set<string>();
  for (const { value, line } of parseJsonLines(source, (at) => new CorpusError('not valid JSON', at))) {
    if (records.length === MAX_ORIGINALS) {
      throw new CorpusError(
        `more than ${MAX_ORIGINALS.toLocaleString('en')} originals: split the corpus, or build an index of it in parts`,
        line,
      );
    }
    const record = toOriginalRecord(value, line);
    if (seen.has(record.id)) throw new CorpusError(`duplicate id "${record.id}"`, line);
    seen.add(record.id);
    records.push(record);
  }
  if (records.length === 0) throw new CorpusError('the corpus holds no originals');
  return records;
}

/** A JSON Lines corpus read from a file: parseCorpusJsonl, with the file named in any error. */
export function parseCorpusFile(name: string, text: string): OriginalRecord[] {
  try {
    return parseCorpusJsonl(text);
  } catch (error) {
    if (error instanceof CorpusError) throw new CorpusError(`${name}: ${error.message}`);
    throw error;
  }
}
