// What one queued job holds: a range of records in one web archive, or a few saved pages.

/** A file as it was when queued: a worker refuses it if it has changed since. */
export interface FileStamp {
  /** Where workers read it (absolute: they may run elsewhere, on a shared disk). */
  readonly path: string;
  /** The path as the user gave it, which the output lines show (as `check` does). */
  readonly source: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface WarcJob {
  readonly kind: 'warc';
  readonly file: FileStamp;
  /** Byte offset a reader may start at (0 when records cannot be reached directly). */
  readonly offset: number;
  /**
   * Where the range's bytes end, when it starts at its own gzip member: the worker then
   * inflates exactly these bytes with zlib, which checks each member's length and CRC.
   */
  readonly end: number | null;
  /** The number of the record at `offset` (records count from 1, as `check` numbers them). */
  readonly offsetRecord: number;
  readonly firstRecord: number;
  /** How many records; null for "to the end" (the tail of an archive that could not be read through). */
  readonly records: number | null;
  readonly pages: number;
  /** Absolute path of the corpus, or null for the bundled one. */
  readonly corpus: string | null;
}

export interface FilesJob {
  readonly kind: 'files';
  readonly files: readonly FileStamp[];
  readonly pages: number;
  readonly corpus: string | null;
}

export type JobData = WarcJob | FilesJob;

/** The job's name in BullMQ: every job is the same kind of work. */
export const JOB_NAME = 'check';

/** Where a job's pages start, for its error line when it fails. */
export const jobLabel = (job: JobData): string =>
  job.kind === 'warc' ? `${job.file.source}#record-${job.firstRecord}` : (job.files[0]?.source ?? '');

/** What a finished job returns to BullMQ (its lines are kept in the results hash). */
export interface JobOutcome {
  readonly pages: number;
}
