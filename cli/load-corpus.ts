import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { extname, join } from 'node:path';
import { buildCorpusIndex, type CorpusIndex } from '../src/corpus/corpus-index';
import {
  deserializeIndex,
  headLength,
  INDEX_MAGIC,
  looksLikeIndex,
  PREAMBLE_BYTES,
  type IndexSource,
} from '../src/corpus/index-file';
import { originalsFromFile } from '../src/corpus/from-files';
import { CorpusError, parseCorpusFile, type OriginalRecord } from '../src/corpus/records';
import { htmlReader, pathKind } from './inputs';

/** The index shipped with the extension, used when no --corpus is given. */
export const BUNDLED_INDEX = [
  new URL('../public/corpus.rrx', import.meta.url), // cli/*.ts run through tsx
  new URL('../../public/corpus.rrx', import.meta.url), // dist/cli/*.cjs, compiled
].find((url) => existsSync(url))!;

/** Originals from a JSON Lines file or a folder of .txt / .html files. */
export async function readOriginals(path: string): Promise<OriginalRecord[]> {
  const kind = pathKind(path);
  if (kind === null) throw new CorpusError(`cannot read corpus ${path}: no such file or folder`);
  if (kind === 'file') {
    return parseCorpusFile(path, readFileSync(path, 'utf8'));
  }
  const files = readdirSync(path)
    .filter((f) => ['.txt', '.html', '.htm'].includes(extname(f).toLowerCase()))
    .sort();
  if (files.length === 0) throw new CorpusError(`${path} holds no .txt or .html files`);
  const readHtml = await htmlReader();
  return files.flatMap((file) => originalsFromFile(join(path, file), readFileSync(join(path, file), 'utf8'), readHtml));
}

function isIndexFile(path: string): boolean {
  if (pathKind(path) !== 'file') return false;
  const fd = openSync(path, 'r');
  try {
    const magic = new Uint8Array(INDEX_MAGIC.length);
    readSync(fd, magic, 0, magic.length, 0);
    return looksLikeIndex(magic);
  } finally {
    closeSync(fd);
  }
}

/** The bytes of a built index (the bundled one without a path); refuses anything else. */
export function readIndexFile(path?: string): Uint8Array {
  if (path === undefined) return asBytes(readFileSync(BUNDLED_INDEX));
  if (pathKind(path) !== 'file') throw new CorpusError(`cannot read corpus index ${path}: no such file`);
  if (!isIndexFile(path))
    throw new CorpusError(`${path} is not a corpus index (build one with \`repost-radar corpus build\`)`);
  return asBytes(readFileSync(path));
}

/** A view on a Buffer's bytes, not a copy (14 MB for the bundled index). */
const asBytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);

/** `length` bytes of an open file from `position` (fewer at its end). */
function readAt(fd: number, position: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let filled = 0;
  while (filled < length) {
    const read = readSync(fd, bytes, filled, length - filled, position + filled);
    if (read === 0) return bytes.subarray(0, filled);
    filled += read;
  }
  return bytes;
}

/**
 * A built index left on disk: what a load checks is read now, each block when a page
 * first needs it (reading the whole bundled index took 40 ms of a 0.5 s check). The file
 * stays open for the life of the process, which is one check or one batch worker.
 */
function openIndexSource(path: string | URL): IndexSource {
  const fd = openSync(path, 'r');
  const size = fstatSync(fd).size;
  const head = readAt(fd, 0, Math.min(size, Math.max(PREAMBLE_BYTES, headLength(readAt(fd, 0, PREAMBLE_BYTES)))));
  return { head, size, read: (start, end) => readAt(fd, start, end - start) };
}

/** The corpus to check against: a built index, a JSON Lines file or a folder. */
export async function loadCorpus(path?: string): Promise<CorpusIndex> {
  if (path === undefined) return deserializeIndex(openIndexSource(BUNDLED_INDEX));
  if (pathKind(path) === null) throw new CorpusError(`cannot read corpus ${path}: no such file or folder`);
  if (isIndexFile(path)) return deserializeIndex(openIndexSource(path));
  // A corpus the user gave us is theirs: keep full paragraphs for better evidence.
  return buildCorpusIndex(await readOriginals(path), { fullText: true });
}
