import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BatchLine } from '../../cli/batch';
import { brownHalves } from '../support/brown';
import { articlePage } from '../support/pages';
import { SEED_EXPECTATIONS, seedPage } from '../support/seeds';
import { writeWarc } from '../support/warc';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/repost-radar.cjs');
const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-batch-'));
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
const lines = (stdout: string): BatchLine[] =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as BatchLine);
const verdictOf = (line: BatchLine): string => ('error' in line ? `error: ${line.error}` : line.verdict);

// The seed pages hidden among 500 real articles (Brown second halves) in one archive.
const warc = join(tmp, 'crawl.warc.gz');
beforeAll(async () => {
  const distractors = brownHalves().second.map((t) => ({
    url: `https://news.example.org/${t.id}`,
    html: articlePage(t.id, t.paragraphs),
  }));
  const seeds = SEED_EXPECTATIONS.map((e) => ({
    url: `https://reposts.example.net/seed-${e.seed}`,
    html: seedPage(e),
  }));
  await writeWarc(warc, [...distractors.slice(0, 250), ...seeds, ...distractors.slice(250)]);
}, 120_000);

describe('repost-radar check over many pages', () => {
  it('checks a web archive: exactly the seed reposts, one JSON line per page, and a summary', () => {
    const { status, stdout, stderr } = run(['check', warc]);
    expect(status).toBe(0);
    const results = lines(stdout);
    expect(results).toHaveLength(505);
    const flagged = results.filter((l) => verdictOf(l) === 'repost').map((l) => l.url);
    expect(flagged).toEqual(['https://reposts.example.net/seed-000', 'https://reposts.example.net/seed-001']);
    expect(results.filter((l) => verdictOf(l) === 'original').map((l) => l.url)).toEqual([
      'https://reposts.example.net/seed-002',
    ]);
    expect(results.filter((l) => !['repost', 'original', 'unrelated'].includes(verdictOf(l)))).toEqual([]);
    // Input order is kept although two workers check pages at once.
    expect(results[250]!.url).toBe('https://reposts.example.net/seed-000');
    expect(stderr).toMatch(
      /505 pages in [\d.]+ s \(\d+ pages\/s\): 2 repost, 0 rewritten, 1 original, 502 unrelated, 0 not an article, 0 too large, 0 unreadable/,
    );
  });

  it('checks a folder of saved pages, and carries on past a page it cannot read', () => {
    const folder = join(tmp, 'saved');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    for (const e of SEED_EXPECTATIONS) writeFileSync(join(folder, `seed-${e.seed}.html`), seedPage(e));
    writeFileSync(join(folder, 'nested', 'empty.txt'), '');
    writeFileSync(join(folder, 'notes.md'), 'not a page');
    const { status, stdout, stderr } = run(['check', folder]);
    expect(status).toBe(0);
    const results = lines(stdout);
    expect(results.map((l) => [l.source.slice(folder.length + 1), verdictOf(l)])).toEqual([
      ['nested/empty.txt', expect.stringMatching(/^error: .*is empty/)],
      ['seed-000.html', 'repost'],
      ['seed-001.html', 'repost'],
      ['seed-002.html', 'original'],
      ['seed-003.html', 'unrelated'],
      ['seed-004.html', 'unrelated'],
    ]);
    expect(stderr).toMatch(/6 pages .* 1 unreadable/);
  });

  it('exits 2 for an archive that does not exist, a bad corpus and a folder with no pages', () => {
    const missing = run(['check', join(tmp, 'none.warc.gz')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*none\.warc\.gz/);
    const badCorpus = join(tmp, 'bad-corpus.jsonl');
    writeFileSync(badCorpus, '{"id":"a","text":"x"}\n{oops}\n');
    const corrupt = run(['check', warc, '--corpus', badCorpus]);
    expect(corrupt.status).toBe(2);
    expect(corrupt.stdout).toBe('');
    expect(corrupt.stderr).toMatch(/bad corpus: .*bad-corpus\.jsonl: line 2: not valid JSON/);
    mkdirSync(join(tmp, 'empty-folder'));
    const empty = run(['check', join(tmp, 'empty-folder')]);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/holds no \.html or \.txt pages/);
  });
});
