import { createHash } from 'node:crypto';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { WARCParser } from 'warcio';
import { folderPageFiles } from '../batch-pages';
import { isPageRecord, numberedRecords } from '../warc-records';
import { InputError, isWarc, pathKind } from '../inputs';
import type { FileStamp, JobData } from './job';

/** One job to queue: its id is derived from the input, so queuing it again adds nothing. */
export interface PlannedJob {
  readonly id: string;
  readonly data: JobData;
}

/** The identity of a file as queued: same path, size and time means same content. */
export function stampOf(source: string): FileStamp {
  const path = resolve(source);
  const stat = statSync(path);
  return { path, source, size: stat.size, mtimeMs: stat.mtimeMs };
}

export const stampKey = (stamp: FileStamp): string => `${stamp.path}|${stamp.size}|${stamp.mtimeMs}`;

/** BullMQ job ids must not be plain integers nor hold ':'; a hex digest with a letter in front is neither. */
const jobId = (kind: string, ...parts: (string | number)[]): string =>
  `${kind}-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)}`;

/** The input files a path stands for: a web archive, or the pages of a folder. */
export function inputFiles(path: string): { kind: 'warc' | 'folder'; stamps: FileStamp[] } {
  const kind = pathKind(path);
  if (kind === null) throw new InputError(`cannot read ${path}: no such file or folder`);
  if (kind === 'folder') {
    const files = folderPageFiles(path);
    if (files.length === 0) throw new InputError(`${path} holds no .html or .txt pages`);
    return { kind, stamps: files.map(stampOf) };
  }
  if (!isWarc(path)) throw new InputError(`${path} is not a folder or a web archive (.warc, .warc.gz)`);
  return { kind: 'warc', stamps: [stampOf(path)] };
}

/** Saved pages, `jobPages` to a job, in the order `check` reads them. */
export function planFiles(stamps: readonly FileStamp[], jobPages: number, corpus: string | null): PlannedJob[] {
  const jobs: PlannedJob[] = [];
  for (let at = 0; at < stamps.length; at += jobPages) {
    const files = stamps.slice(at, at + jobPages);
    jobs.push({
      id: jobId('files', corpus ?? '', ...files.map(stampKey)),
      data: { kind: 'files', files, pages: files.length, corpus },
    });
  }
  return jobs;
}

function startsWithGzip(path: string, offset: number): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, offset) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

interface Range {
  /** Null when the range's start is not known: read from the archive's start. */
  offset: number | null;
  firstRecord: number;
  records: number | null;
  pages: number;
}

/**
 * Reads an archive's record headers (not their bodies) and cuts it into ranges of at
 * most `jobPages` pages. An archive that breaks part way keeps the ranges read so far
 * and ends with a range "to the end" from the break: that job fails with the reason.
 */
async function scanRanges(path: string, jobPages: number): Promise<Range[]> {
  const ranges: Range[] = [];
  const parser = new WARCParser(createReadStream(path));
  let open: Range | null = null;
  let read = 0;
  try {
    const records = numberedRecords(parser[Symbol.asyncIterator](), 1, Infinity, (error) => error as Error);
    for await (const { n, record } of records) {
      read = n;
      open ??= { offset: parser.offset, firstRecord: n, records: 0, pages: 0 };
      open.records!++;
      if (isPageRecord(record)) open.pages++;
      if (open.pages === jobPages) {
        ranges.push(open);
        open = null;
      }
    }
  } catch {
    ranges.push({ offset: open?.offset ?? null, firstRecord: open?.firstRecord ?? read + 1, records: null, pages: 0 });
    return ranges;
  }
  if (open && open.pages > 0) ranges.push(open);
  return ranges;
}

/** A web archive's jobs: record ranges of at most `jobPages` pages. */
export async function planWarc(stamp: FileStamp, jobPages: number, corpus: string | null): Promise<PlannedJob[]> {
  const ranges = await scanRanges(stamp.path, jobPages);
  // Gzipped record by record (as crawlers write them), a range starts at its own gzip
  // member; a file gzipped whole must be read from its start.
  const gzipped = startsWithGzip(stamp.path, 0);
  const seekable = (offset: number | null): offset is number =>
    offset !== null && (!gzipped || startsWithGzip(stamp.path, offset));
  return ranges.map((range, i) => ({
    id: jobId('warc', corpus ?? '', stampKey(stamp), range.firstRecord, range.records ?? 'end'),
    data: {
      kind: 'warc',
      file: stamp,
      offset: seekable(range.offset) ? range.offset : 0,
      end: gzipped && seekable(range.offset) ? (ranges[i + 1]?.offset ?? stamp.size) : null,
      offsetRecord: seekable(range.offset) ? range.firstRecord : 1,
      firstRecord: range.firstRecord,
      records: range.records,
      pages: range.pages,
      corpus,
    },
  }));
}
