import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { WARCParser, type WARCRecord } from 'warcio';
import { InputError, pathKind } from './inputs';

/** One page of a batch: where it came from and its text (HTML or plain). */
export interface BatchPage {
  /** File path, or the WARC file and record offset. */
  readonly source: string;
  /** The page's address, when the archive records one. */
  readonly url: string;
  /** A name whose extension says how to read the text (.html or .txt). */
  readonly name: string;
  readonly text: string;
}

const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.txt']);

export const isWarc = (path: string): boolean => /\.warc(?:\.gz)?$/i.test(path);

/** Every saved page under a folder (recursively), in path order. */
export function folderPageFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (PAGE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(path);
    }
  };
  walk(dir);
  return files.sort((a, b) => relative(dir, a).localeCompare(relative(dir, b)));
}

export function* folderPages(dir: string): Generator<BatchPage> {
  for (const file of folderPageFiles(dir)) {
    yield { source: file, url: '', name: file, text: readFileSync(file, 'utf8') };
  }
}

/**
 * HTML pages in a web archive: `response` records with an HTML content type (and
 * `resource` records of HTML, as some tools save them), read with webrecorder's warcio.
 */
export async function* warcPages(file: string): AsyncGenerator<BatchPage> {
  if (pathKind(file) !== 'file') throw new InputError(`cannot read ${file}: no such file`);
  const parser = new WARCParser(createReadStream(file));
  let n = 0;
  const records = parser[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<WARCRecord | void>;
    try {
      next = await records.next();
    } catch (error) {
      throw new InputError(
        `${file} is not a readable web archive (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    if (next.done || !next.value) return;
    const record = next.value;
    n++;
    if (record.warcType !== 'response' && record.warcType !== 'resource') continue;
    const type =
      record.httpHeaders?.headers.get('content-type') ?? record.warcHeaders.headers.get('content-type') ?? '';
    if (!/html/i.test(type)) continue;
    if (record.httpHeaders && record.httpHeaders.statusCode !== 200) continue;
    const text = await record.contentText();
    yield { source: `${file}#record-${n}`, url: record.warcTargetURI ?? '', name: 'page.html', text };
  }
}
