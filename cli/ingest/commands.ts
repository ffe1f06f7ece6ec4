import { Command, InvalidArgumentError } from 'commander';
import { DEFAULT_CONCURRENCY, DEFAULT_FETCH } from './fetch-options';

// `repost-radar corpus build <source...> -o <index>` and `corpus add <corpus.jsonl> <source...>`:
// originals from JSON Lines, saved pages, folders, web archives, feeds and sitemaps (local
// or http(s)), merged by the rules in src/ingest/merge.ts. One stderr line per item that fails, one
// summary line at the end. The work is loaded only when one of these commands runs.

export interface IngestOptions {
  readonly maxAge?: number;
  readonly now?: string;
  /** Seconds per request. */
  readonly timeout: number;
  readonly concurrency: number;
  readonly verbose?: boolean;
}

export interface BuildOptions extends IngestOptions {
  readonly out: string;
  readonly fullText?: boolean;
  readonly built?: string;
}

const SOURCES_HELP =
  'corpus.jsonl, saved pages (.html, .txt), folders of them, web archives (.warc, .warc.gz), RSS/Atom feeds and XML sitemaps (files or http(s) addresses; their articles are fetched)';

const positiveNumber =
  (what: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${what} must be a positive number`);
    return n;
  };

const positiveInteger =
  (what: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${what} must be a positive whole number`);
    return n;
  };

function ingestOptions(command: Command): Command {
  return command
    .option('--max-age <days>', 'drop originals published more than this many days ago', positiveNumber('--max-age'))
    .option('--now <date>', 'the time --max-age counts back from (ISO 8601; default: now)')
    .option(
      '--timeout <seconds>',
      'give up on a feed or page after this long',
      positiveNumber('--timeout'),
      DEFAULT_FETCH.timeoutMs / 1000,
    )
    .option('--concurrency <n>', 'pages fetched at once', positiveInteger('--concurrency'), DEFAULT_CONCURRENCY)
    .option('--verbose', 'also say what became of each original (added, replaced, duplicate, expired)');
}

export function registerIngestCommands(corpus: Command): void {
  ingestOptions(
    corpus
      .command('build')
      .description(
        'build the index the extension ships from originals: JSON Lines, saved pages, folders, web archives, feeds, sitemaps (duplicates and near-copies merged)',
      )
      .argument('<source...>', SOURCES_HELP)
      .requiredOption('-o, --out <file>', 'where to write the index')
      .option('--full-text', 'keep whole paragraphs, not just their opening sentences (for your own corpus)')
      .option('--built <date>', 'the build date to record (default: today)'),
  ).action(async (sources: string[], options: BuildOptions) => {
    const { buildFromSources } = await import('./run');
    await buildFromSources(sources, options);
  });

  ingestOptions(
    corpus
      .command('add')
      .description(
        'add originals to a JSON Lines corpus, in place: the same address replaces its entry, a near-copy of an original present is skipped (the earliest published stays), --max-age expires old ones',
      )
      .argument('<corpus>', 'the corpus.jsonl to update (created if missing)')
      .argument('[source...]', `${SOURCES_HELP}; none: only apply --max-age`),
  ).action(async (corpusPath: string, sources: string[], options: IngestOptions) => {
    const { addToCorpus } = await import('./run');
    await addToCorpus(corpusPath, sources, options);
  });
}
