// Writes assets/corpus-coverage.json, what the bundled corpus covers (publishers, counts,
// years), from corpus/originals.jsonl; the onboarding page shows it. `npm run corpus:build`
// runs it; tests/unit/corpus-coverage.test.ts checks it matches the corpus and its index.
import { readFileSync, writeFileSync } from 'node:fs';
import { corpusCoverage } from '../src/corpus/coverage';
import { parseCorpusFile } from '../src/corpus/records';

const SOURCE = new URL('../corpus/originals.jsonl', import.meta.url);
const COVERAGE_FILE = new URL('../assets/corpus-coverage.json', import.meta.url);

const coverage = corpusCoverage(parseCorpusFile('corpus/originals.jsonl', readFileSync(SOURCE, 'utf8')));
writeFileSync(COVERAGE_FILE, `${JSON.stringify(coverage, null, 2)}\n`);
console.log(`${COVERAGE_FILE.pathname}: ${coverage.publishers.length} publishers, ${coverage.originals} originals`);
