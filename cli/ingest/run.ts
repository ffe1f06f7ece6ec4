import { buildCorpusIndex } from '../../src/corpus/corpus-index';
import { serializeIndex } from '../../src/corpus/index-file';
import { InputError } from '../inputs';
import type { BuildOptions, IngestOptions } from './commands';
import { readCorpusFile, writeAtomically, writeCorpusFile } from './corpus-file';
import { CorpusMerge, type CorpusEntry, type MergeOutcome } from '../../src/ingest/merge';
import { NearCopyFinder } from '../../src/ingest/near-copy';
import { openSource, type OpenedSource, type SourceOptions } from './open-source';

export interface IngestTally {
  added: number;
  replaced: number;
  duplicates: number;
  expired: number;
  failed: number;
}

const say = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

/** Opens every source first: one that is unusable stops the run before anything is fetched or written. */
async function openAll(sources: readonly string[], options: SourceOptions): Promise<OpenedSource[]> {
  const opened: OpenedSource[] = [];
  for (const source of sources) opened.push(await openSource(source, options));
  return opened;
}

/** Reads every item of every source into the merge, reporting failures as they come. */
async function ingest(
  merge: CorpusMerge,
  opened: readonly OpenedSource[],
  tally: IngestTally,
  options: IngestOptions,
): Promise<void> {
  for (const source of opened) {
    for await (const item of source.items()) {
      if (item.kind === 'failed') {
        tally.failed++;
        say(`skipped ${item.source}: ${item.reason}`);
        continue;
      }
      const outcome = merge.offer(item.candidate);
      count(tally, outcome);
      if (options.verbose) say(describe(item.candidate.source, outcome));
    }
  }
}

function count(tally: IngestTally, outcome: MergeOutcome): void {
  if (outcome.kind === 'added') tally.added++;
  else if (outcome.kind === 'replaced') tally.replaced++;
  else if (outcome.kind === 'duplicate') tally.duplicates++;
  else tally.expired++;
}

function describe(source: string, outcome: MergeOutcome): string {
  switch (outcome.kind) {
    case 'added':
      return `added ${outcome.id} from ${source}`;
    case 'replaced':
      return outcome.why === 'same-url'
        ? `replaced ${outcome.id} with a new version from ${source}`
        : `replaced ${outcome.previousId} with the earlier copy ${outcome.id} from ${source}`;
    case 'duplicate':
      return outcome.why === 'near-copy'
        ? `duplicate ${source}: a near-copy of ${outcome.of} (similarity ${outcome.similarity?.toFixed(2)}, names and numbers ${outcome.facts?.toFixed(2)}), published no earlier`
        : `duplicate ${source}: ${outcome.of} unchanged`;
    case 'expired':
      return `expired ${source}: published ${outcome.published}`;
  }
}

function summarize(tally: IngestTally, merge: CorpusMerge, options: IngestOptions): void {
  if (options.maxAge !== undefined) {
    const undated = merge.undated();
    if (undated > 0)
      say(`${undated} original${undated === 1 ? ' has' : 's have'} no published date: kept despite --max-age`);
  }
  say(
    `${tally.added} added, ${tally.replaced} replaced, ${tally.duplicates} duplicates skipped, ${tally.expired} expired, ${tally.failed} failed`,
  );
}

/** The time --max-age counts back from. */
function cutoffOf(options: IngestOptions): number | undefined {
  if (options.maxAge === undefined) return undefined;
  const now = options.now === undefined ? Date.now() : Date.parse(options.now);
  if (Number.isNaN(now)) throw new InputError(`--now ${options.now}: not a date (use ISO 8601, e.g. 2024-05-01)`);
  return now - options.maxAge * 86_400_000;
}

const usable = (tally: IngestTally): number => tally.added + tally.replaced + tally.duplicates + tally.expired;

function sourceOptions(options: IngestOptions): SourceOptions {
  return {
    fetch: { timeoutMs: options.timeout * 1000, maxBytes: 10 * 1024 * 1024 },
    concurrency: options.concurrency,
  };
}

function newTally(): IngestTally {
  return { added: 0, replaced: 0, duplicates: 0, expired: 0, failed: 0 };
}

/** `corpus add`: the corpus file updated in place (atomically), when anything changed. */
export async function addToCorpus(
  path: string,
  sources: readonly string[],
  options: IngestOptions,
): Promise<IngestTally> {
  const file = readCorpusFile(path);
  const publishedAfter = cutoffOf(options);
  const opened = await openAll(sources, sourceOptions(options));
  const merge = new CorpusMerge(new NearCopyFinder(), publishedAfter === undefined ? {} : { publishedAfter });
  const tally = newTally();
  const expired = merge.load(file.kind === 'existing' ? file.entries : []);
  tally.expired += expired.length;
  await ingest(merge, opened, tally, options);
  summarize(tally, merge, options);
  if (usable(tally) === 0 && tally.failed > 0)
    throw new InputError('no usable original in the sources: corpus unchanged');
  if (file.kind === 'new' || tally.added + tally.replaced + tally.expired > 0) writeCorpusFile(path, merge.entries());
  return tally;
}

/** `corpus build`: the same rules in memory, then the index. */
export async function buildFromSources(sources: readonly string[], options: BuildOptions): Promise<IngestTally> {
  const publishedAfter = cutoffOf(options);
  const opened = await openAll(sources, sourceOptions(options));
  const merge = new CorpusMerge(new NearCopyFinder(), publishedAfter === undefined ? {} : { publishedAfter });
  const tally = newTally();
  // A first JSON Lines source is the corpus the rest is merged into, taken as it stands, as `corpus add` takes
  // its file: `build corpus.jsonl feed.xml` indexes what `add corpus.jsonl feed.xml` would keep.
  const [first, ...rest] = opened;
  if (first?.records) {
    tally.expired += merge.load(first.records.map((record) => ({ record }))).length;
    await ingest(merge, rest, tally, options);
  } else {
    await ingest(merge, opened, tally, options);
  }
  summarize(tally, merge, options);
  const originals = merge.entries().map((entry: CorpusEntry) => entry.record);
  if (originals.length === 0) throw new InputError('no originals to build an index from');
  const index = buildCorpusIndex(originals, { fullText: options.fullText === true });
  const bytes = serializeIndex(index, { built: options.built });
  writeAtomically(options.out, bytes);
  say(`${originals.length} originals, ${(bytes.length / 1024).toFixed(1)} KiB -> ${options.out}`);
  return tally;
}
