// The seed texts (tests/fixtures/seeds) and their fixture pages, with what DESIGN.md says of each.
import { readFileSync } from 'node:fs';
import type { BoilerplateCategory, FindingKind, Verdict } from '../../src/report/report';

export const ORIGINAL_ID = 'wapo-2022-01-06-rogin-putin-kazakhstan-ukraine';
const SEEDS = new URL('../fixtures/seeds/', import.meta.url);
const PAGES = new URL('../fixtures/pages/', import.meta.url);

export interface SeedExpectation {
  readonly seed: string;
  readonly file: string;
  readonly verdict: Verdict;
  readonly kinds: readonly FindingKind[];
  readonly missing: readonly number[];
  readonly boilerplate: readonly BoilerplateCategory[];
}

export const SEED_EXPECTATIONS: readonly SeedExpectation[] = [
  {
    seed: '000',
    file: '000_8e8e7980e4e1fe70.txt',
    verdict: 'repost',
    kinds: ['added-boilerplate', 'machine-translation', 'missing-paragraphs'],
    missing: [2, 9, 10],
    boilerplate: ['author-bio', 'source-credit'],
  },
  {
    seed: '001',
    file: '001_68902a6768e9b682.txt',
    verdict: 'repost',
    kinds: ['missing-paragraphs'],
    missing: [6, 7, 8, 9, 10, 11],
    boilerplate: [],
  },
  { seed: '002', file: '002_a8c0e4457861aff1.txt', verdict: 'original', kinds: [], missing: [], boilerplate: [] },
  { seed: '003', file: '003_b82d6b7dd71d2d2b.txt', verdict: 'unrelated', kinds: [], missing: [], boilerplate: [] },
  { seed: '004', file: '004_5fb351e789721747.txt', verdict: 'unrelated', kinds: [], missing: [], boilerplate: [] },
];

export const seedText = (e: SeedExpectation): string => readFileSync(new URL(e.file, SEEDS), 'utf8');
export const seedPagePath = (e: SeedExpectation): string => new URL(`seed-${e.seed}.html`, PAGES).pathname;
export const seedPage = (e: SeedExpectation): string => readFileSync(seedPagePath(e), 'utf8');
export const seedTextPath = (e: SeedExpectation): string => new URL(e.file, SEEDS).pathname;
