import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { extname, join } from 'node:path';
import { buildCorpusIndex, type CorpusIndex } from '../src/corpus/corpus-index';
import { deserializeIndex, INDEX_MAGIC, looksLikeIndex, type LoadOptions } from '../src/corpus/index-file';
import { originalsFromFile } from '../src/corpus/from-files';
import { CorpusError, parseCorpusFile, type OriginalRecord } from '../src/corpus/records';
import { articleFromHtml } from '../src/extract/parse-html';
import { pathKind } from './inputs';

/** The index shipped with the extension, used when no --corpus is given. */
export const BUNDLED_INDEX = [
  new URL('../public/corpus.rrx', import.meta.url), // cli/*.ts run through tsx
  new URL('../../public/corpus.rrx', import.meta.url), // dist/cli/*.mjs, compiled
].find((url) => existsSync(url))!;

/** Node's zlib inflates an index's header several times faster than fflate on a cold start. */
export const NODE_LOAD: LoadOptions = { inflateHeader: (deflated) => inflateRawSync(deflated).toString('utf8') };

/** Originals from a JSON Lines file or a folder of .txt / .html files. */
export function readOriginals(path: string): OriginalRecord[] {
  const kind = pathKind(path);
  if (kind === null) throw new CorpusError(`cannot read corpus ${path}: no such file or folder`);
  if (kind === 'file') {
    return parseCorpusFile(path, readFileSync(path, 'utf8'));
  }
  const files = readdirSync(path)
    .filter((f) => ['.txt', '.html', '.htm'].includes(extname(f).toLowerCase()))
    .sort();
  if (files.length === 0) throw new CorpusError(`${path} holds no .txt or .html files`);
  return files.flatMap((file) =>
    originalsFromFile(join(path, file), readFileSync(join(path, file), 'utf8'), articleFromHtml),
  );
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

/** The corpus to check against: a built index, a JSON Lines file or a folder. */
export function loadCorpus(path?: string): CorpusIndex {
  if (path === undefined) return deserializeIndex(readIndexFile(), NODE_LOAD);
  if (pathKind(path) === null) throw new CorpusError(`cannot read corpus ${path}: no such file or folder`);
  if (isIndexFile(path)) return deserializeIndex(readIndexFile(path), NODE_LOAD);
  // A corpus the user gave us is theirs: keep full paragraphs for better evidence.
  return buildCorpusIndex(readOriginals(path), { fullText: true });
}
