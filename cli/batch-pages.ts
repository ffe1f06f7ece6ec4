import { closeSync, createReadStream, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { constants, createGunzip, gunzipSync } from 'node:zlib';
import { InputError, MAX_PAGE_BYTES, pathKind } from './inputs';
import { isPageRecord, numberedRecords } from './warc-records';
import { errorMessage } from '../src/text/error-message';

/** One page of a batch: where it came from and its text (HTML or plain). */
export interface BatchPage {
  /** File path, or the WARC file and record offset. */
  readonly source: string;
  /** The page's address, when the archive records one. */
  readonly url: string;
  /** A name whose extension says how to read the text (.html or .txt). */
  readonly name: string;
  readonly text: string;
  /** Why the item could not be read (too large, unreadable): it gets an error line and the batch goes on. */
  readonly error?: string;
}

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.txt']);

/**
 * Every saved page under a folder (recursively), in path order. Symbolic links are
 * not followed (a link loop would never end); a folder that cannot be read is skipped.
 */
export function folderPageFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string): void => {
    let entries;
    try {
      entries = readdirSync(at, { withFileTypes: true });
    } catch {
      if (at === dir) throw new InputError(`cannot read folder ${dir}`);
      return;
    }
    for (const entry of entries) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  };
  walk(dir);
  return files.sort((a, b) => relative(dir, a).localeCompare(relative(dir, b)));
}

export function* folderPages(dir: string): Generator<BatchPage> {
  for (const file of folderPageFiles(dir)) {
    const page = { source: file, url: '', name: file };
    try {
      if (statSync(file).size > MAX_PAGE_BYTES) {
        yield { ...page, text: '', error: `over ${MAX_PAGE_BYTES / 1048576} MB: not read` };
      } else {
        yield { ...page, text: readFileSync(file, 'utf8') };
      }
    } catch (error) {
      yield { ...page, text: '', error: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }
}

/** Refuses a file that does not start with a WARC record (plain or gzipped), before parsing it. */
function assertWarc(file: string): { gzipped: boolean } {
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(64 * 1024);
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  let start = head.subarray(0, length);
  const gzipped = start[0] === 0x1f && start[1] === 0x8b;
  if (gzipped) {
    try {
      // Only the first 4 kB of compressed data: bounded output, so a gzip bomb costs nothing here.
      start = gunzipSync(start.subarray(0, 4096), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      throw new InputError(`${file} is not a readable web archive (its gzip data is damaged)`);
    }
  }
  if (!start.subarray(0, 5).equals(Buffer.from('WARC/'))) {
    throw new InputError(`${file} is not a web archive (it does not start with a WARC record)`);
  }
  return { gzipped };
}

/**
 * HTML pages in a web archive: `response` records with an HTML content type (and
 * `resource` records of HTML, as some tools save them), read with webrecorder's warcio.
 */
export async function* warcPages(file: string): AsyncGenerator<BatchPage> {
  if (pathKind(file) !== 'file') throw new InputError(`cannot read ${file}: no such file`);
  // Gzipped archives are inflated by zlib, which notices a truncated file (warcio would stop quietly).
  const { gzipped } = assertWarc(file);
  // Loaded here, not at start-up: most runs check one page and never read an archive.
  const { WARCParser } = await import('warcio');
  const parser = new WARCParser(gzipped ? createReadStream(file).pipe(createGunzip()) : createReadStream(file));
  const unreadable = (error: unknown): InputError =>
    new InputError(`${file} is not a readable web archive (${errorMessage(error)})`);
  for await (const { n, record } of numberedRecords(parser[Symbol.asyncIterator](), 1, Infinity, unreadable)) {
    if (!isPageRecord(record)) continue;
    const page = { source: `${file}#record-${n}`, url: record.warcTargetURI ?? '', name: 'page.html' };
    // The record's own length, before reading it: a huge or lying Content-Length is not read into memory.
    const declared = Number(record.warcHeaders.headers.get('content-length') ?? 0);
    if (declared > MAX_PAGE_BYTES) {
      // Past such a record (often a length that lies) the archive cannot be read reliably: stop here.
      yield {
        ...page,
        text: '',
        error: `record of ${(declared / 1048576).toFixed(0)} MB: over ${MAX_PAGE_BYTES / 1048576} MB, not read, nor the rest of the archive`,
      };
      return;
    }
    let text: string;
    try {
      text = await record.contentText();
    } catch (error) {
      throw unreadable(error);
    }
    yield { ...page, text };
  }
}
