import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { WARCParser, type WARCRecord } from 'warcio';
import type { BatchPage } from '../batch-pages';
import { isPageRecord, numberedRecords } from '../warc-records';
import { InputError } from '../inputs';
import type { WarcJob } from './job';
import { errorMessage } from '../../src/text/error-message';

const inflate = promisify(gunzip);

/**
 * A range that starts at its own gzip member is inflated whole with zlib first: unlike
 * warcio's lenient inflater, zlib fails on a cut or damaged member (length, CRC), and
 * warcio then never meets a record shorter than it says (on which it spins).
 */
async function rangeBytes(job: WarcJob): Promise<Buffer> {
  const handle = await open(job.file.path, 'r');
  try {
    const raw = Buffer.alloc(job.end! - job.offset);
    await handle.read(raw, 0, raw.length, job.offset);
    return await inflate(raw);
  } catch (error) {
    throw new InputError(
      `${job.file.source} is not a readable web archive (records from ${job.firstRecord}: ${errorMessage(error)})`,
    );
  } finally {
    await handle.close();
  }
}

/** The pages of one range of records, with the sources and addresses `check` gives them. */
export async function* warcRangePages(job: WarcJob): AsyncGenerator<BatchPage> {
  if (job.end !== null) {
    yield* readRange(new WARCParser([await rangeBytes(job)])[Symbol.asyncIterator](), job, rangeEnd(job));
    return;
  }
  const stream = createReadStream(job.file.path, { start: job.offset });
  try {
    yield* readRange(new WARCParser(stream)[Symbol.asyncIterator](), job, rangeEnd(job));
  } finally {
    // A range usually ends before the archive does: let go of the file.
    stream.destroy();
  }
}

const rangeEnd = (job: WarcJob): number => (job.records === null ? Infinity : job.firstRecord + job.records);

async function* readRange(
  records: AsyncIterator<WARCRecord | void>,
  job: WarcJob,
  end: number,
): AsyncGenerator<BatchPage> {
  const { file } = job;
  const unreadable = (error: unknown): InputError =>
    new InputError(`${file.source} is not a readable web archive (${errorMessage(error)})`);
  for await (const { n, record } of numberedRecords(records, job.offsetRecord, end, unreadable)) {
    if (n < job.firstRecord || !isPageRecord(record)) continue;
    const text = await record.contentText();
    yield { source: `${file.source}#record-${n}`, url: record.warcTargetURI ?? '', name: 'page.html', text };
  }
}
