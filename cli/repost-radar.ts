import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { summarizeIndex } from '../src/corpus/index-file';
import { CorpusError } from '../src/corpus/records';
import { analyzeArticle } from '../src/check/analyze';
import type { Report } from '../src/report/report';
import { loadCorpus, readIndexFile } from './load-corpus';
import type { BatchPage } from './batch-pages';
import { formatReport } from './format';
import { formatIndexSummary } from './format-index';
import { registerIngestCommands } from './ingest/commands';
import { InputError, isWarc, pathKind, readArticle } from './inputs';
import { registerListCommands } from './list-commands';
import { writeStdout } from './stdout';
import { errorMessage } from '../src/text/error-message';

// The command line: `repost-radar check` and `repost-radar corpus build|add|info` (DESIGN.md).
// Exit 0 with a report whatever the verdict; 2 with one line on stderr for bad input.

function fail(message: string): never {
  process.stderr.write(`repost-radar: ${message}\n`);
  process.exit(2);
}

const program = new Command('repost-radar')
  .description('Tells whether a page is a low-quality repost of a known original, and what was done to it.')
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });

program
  .command('check')
  .description(
    'check one page (HTML or text; - reads standard input) against the corpus, or every page in a folder or a web archive (.warc, .warc.gz): one JSON line per page, then a summary on standard error',
  )
  .argument('<file>', 'page to check: .html, .txt, - for standard input, a folder of pages, or a .warc(.gz) file')
  .option(
    '--corpus <path>',
    'corpus: a built index, a JSON Lines file or a folder of .txt/.html (default: the bundled one)',
  )
  .option('--url <url>', "the page's address, when the file does not say it")
  .option(
    '--original <file|url>',
    'compare with this one original instead of a corpus: a .txt, .html or .json file (one original record), or an http(s) address',
  )
  .option(
    '--credited',
    'compare with the source the page credits (canonical link on another site, JSON-LD, "Originally published at …"), fetched; the page must be HTML',
  )
  .addOption(new Option('--timeout <ms>', 'time allowed for each fetch').argParser(positiveInteger).hideHelp())
  .option('--json', 'print the report as JSON')
  .action(async (file: string, options: CheckOptions) => {
    const batch = file !== '-' && (isWarc(file) || pathKind(file) === 'folder');
    if (options.original !== undefined || options.credited) {
      if (options.original !== undefined && options.credited) fail('give --original or --credited, not both');
      if (options.corpus !== undefined) fail('--original and --credited compare with one original, not a corpus');
      if (batch) fail('--original and --credited check one page, not a folder or an archive');
      // Loaded only here: the fetch and credit code is not part of a plain check.
      const { checkAgainstOriginal } = await import('./original-source');
      const { report } = await checkAgainstOriginal(file, {
        ...(options.original === undefined ? {} : { original: options.original }),
        credited: options.credited === true,
        ...(options.url === undefined ? {} : { url: options.url }),
        ...(options.timeout === undefined ? {} : { timeoutMs: options.timeout }),
      });
      return printReport(report, file, options.json);
    }
    // A batch loads the corpus in each worker thread; one page loads it here.
    if (batch) return checkBatch(file, options.corpus);
    const index = await loadCorpus(options.corpus);
    const { report } = analyzeArticle(await readArticle(file, options.url), index);
    printReport(report, file, options.json);
  });

interface CheckOptions {
  corpus?: string;
  json?: boolean;
  url?: string;
  original?: string;
  credited?: boolean;
  timeout?: number;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number of milliseconds');
  return n;
}

function printReport(report: Report, file: string, json: boolean | undefined): void {
  writeStdout(
    json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report, file === '-' ? 'stdin' : file)}\n`,
  );
}

const corpus = program.command('corpus').description('manage corpora of originals');
// build and add: originals from files, folders, web archives, feeds and sitemaps (cli/ingest).
registerIngestCommands(corpus);
corpus
  .command('info')
  .description('describe a corpus index: originals, paragraphs, size, publishers, build date, format')
  .argument('[index]', 'a built index (default: the bundled one)')
  .option('--json', 'print the description as JSON')
  .action((path: string | undefined, options: { json?: boolean }) => {
    const info = summarizeIndex(readIndexFile(path));
    writeStdout(options.json ? `${JSON.stringify(info)}\n` : `${formatIndexSummary(info, path ?? 'bundled corpus')}\n`);
  });
registerListCommands(corpus);

async function checkBatch(path: string, corpus: string | undefined): Promise<void> {
  // Loaded here, not at the top: a single check needs neither (about 20 ms of a start).
  const [{ runBatch }, { folderPageFiles, folderPages, warcPages }] = await Promise.all([
    import('./batch'),
    import('./batch-pages'),
  ]);
  let pages: AsyncIterable<BatchPage> | Iterable<BatchPage>;
  let total: number | undefined;
  if (isWarc(path)) {
    pages = warcPages(path);
  } else {
    total = folderPageFiles(path).length;
    if (total === 0) throw new InputError(`${path} holds no .html or .txt pages`);
    pages = folderPages(path);
  }
  const summary = await runBatch(pages, {
    corpus,
    total,
    progress: process.stderr.isTTY === true,
    onLine: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
  });
  const { verdicts } = summary;
  process.stderr.write(
    `${summary.pages} pages in ${summary.seconds.toFixed(1)} s (${summary.pagesPerSecond.toFixed(0)} pages/s): ${verdicts.repost} repost, ${verdicts.rewritten} rewritten, ${verdicts.original} original, ${verdicts.unrelated} unrelated, ${verdicts['not-an-article']} not an article, ${verdicts['too-large']} too large, ${summary.errors} unreadable\n`,
  );
}

// Not top-level await: the compiled command line is a CommonJS bundle (scripts/build-cli.mjs).
async function main(): Promise<void> {
  // The queue's commands load BullMQ and Redis's client (about 0.3 s): only for those commands.
  if (process.argv[2] === 'queue' || process.argv[2] === 'worker') {
    (await import('./queue/commands')).registerQueueCommands(program);
  } else {
    program.addHelpText('after', '\nA batch on a Redis queue: repost-radar queue --help, repost-radar worker --help');
  }
  try {
    await program.parseAsync();
  } catch (error) {
    if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
    if (error instanceof CorpusError) fail(`bad corpus: ${error.message}`);
    if (error instanceof InputError) fail(error.message);
    fail(`unexpected error: ${errorMessage(error)}`);
  }
}

void main();
