import { writeFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { buildCorpusIndex } from '../src/corpus/corpus-index';
import { serializeIndex } from '../src/corpus/index-file';
import { CorpusError } from '../src/corpus/records';
import { analyzeArticle } from '../src/report/analyze';
import { loadCorpus, readOriginals } from './corpus-source';
import { formatReport } from './format';
import { InputError, readArticle } from './inputs';

// The command line: `repost-radar check` and `repost-radar corpus build` (DESIGN.md).
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
  .description('check one page (HTML or text; - reads standard input) against the corpus')
  .argument('<file>', 'page to check: .html, .txt, or - for standard input')
  .option(
    '--corpus <path>',
    'corpus: a built index, a JSON Lines file or a folder of .txt/.html (default: the bundled one)',
  )
  .option('--url <url>', "the page's address, when the file does not say it")
  .option('--json', 'print the report as JSON')
  .action((file: string, options: { corpus?: string; json?: boolean; url?: string }) => {
    const index = loadCorpus(options.corpus);
    const { report } = analyzeArticle(readArticle(file, options.url), index);
    process.stdout.write(
      options.json
        ? `${JSON.stringify(report, null, 2)}\n`
        : `${formatReport(report, file === '-' ? 'stdin' : file)}\n`,
    );
  });

const corpus = program.command('corpus').description('manage corpora of originals');
corpus
  .command('build')
  .description('build the index the extension ships from originals (JSON Lines or a folder)')
  .argument('<source>', 'corpus.jsonl or a folder of .txt / .html files')
  .requiredOption('-o, --out <file>', 'where to write the index')
  .option('--full-text', 'keep whole paragraphs, not just their opening sentences (for your own corpus)')
  .action((source: string, options: { out: string; fullText?: boolean }) => {
    const originals = readOriginals(source);
    const bytes = serializeIndex(buildCorpusIndex(originals, { fullText: options.fullText === true }));
    writeFileSync(options.out, bytes);
    process.stderr.write(`${originals.length} originals, ${(bytes.length / 1024).toFixed(1)} KiB -> ${options.out}\n`);
  });

try {
  program.parse();
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  if (error instanceof CorpusError) fail(`bad corpus: ${error.message}`);
  if (error instanceof InputError) fail(error.message);
  fail(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
}
