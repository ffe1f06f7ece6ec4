import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseCorpusFile, type OriginalRecord } from '../../src/corpus/records';
import { InputError, pathKind } from '../inputs';
import type { CorpusEntry } from '../../src/ingest/merge';
import { errorMessage } from '../../src/text/error-message';

// The JSON Lines corpus `corpus add` keeps up to date (DESIGN.md's format). Entries it
// does not change are written back exactly as read; the file is replaced in one rename,
// so a reader (or a crash) sees the old corpus or the new one, never half of it.

export type CorpusFile =
  { readonly kind: 'existing'; readonly entries: readonly CorpusEntry[] } | { readonly kind: 'new' };

export function readCorpusFile(path: string): CorpusFile {
  const kind = pathKind(path);
  if (kind === 'folder') throw new InputError(`${path} is a folder: corpus add keeps a JSON Lines file`);
  if (kind === null) {
    if (pathKind(dirname(path)) !== 'folder') throw new InputError(`cannot create ${path}: no such folder`);
    return { kind: 'new' };
  }
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') return { kind: 'existing', entries: [] };
  const records = parseCorpusFile(path, text);
  // parseCorpusJsonl skips blank lines only: the n-th other line is the n-th original.
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return { kind: 'existing', entries: records.map((record, i) => ({ record, line: lines[i] })) };
}

/** One JSON line: the design's field order, the licence only when there is one. */
export function recordLine(record: OriginalRecord): string {
  const { id, title, author, publisher, url, published, license, text } = record;
  return JSON.stringify({ id, title, author, publisher, url, published, ...(license ? { license } : {}), text });
}

/** Writes the corpus next to its final place, flushes it to disk, then renames it over the old file. */
export function writeCorpusFile(path: string, entries: readonly CorpusEntry[]): void {
  const body = entries.map((entry) => `${entry.line ?? recordLine(entry.record)}\n`).join('');
  writeAtomically(path, body);
}

export function writeAtomically(path: string, data: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}`);
  }
}
