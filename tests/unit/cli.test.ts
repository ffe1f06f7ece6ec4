import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headLength } from '../../src/corpus/index-file';
import type { Report } from '../../src/report/report';
import { expectSeedReport } from '../support/expect-report';
import { SEED_EXPECTATIONS, seedPagePath, seedText, seedTextPath } from '../support/seeds';

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/repost-radar.cjs');
const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-cli-'));

function run(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('repost-radar check', () => {
  it('prints one JSON report per the contract for each seed page and text, exit 0', () => {
    for (const e of SEED_EXPECTATIONS) {
      for (const file of [seedPagePath(e), seedTextPath(e)]) {
        const { status, stdout } = run(['check', file, '--json']);
        expect(status).toBe(0);
        const report = JSON.parse(stdout) as Report;
        expect(Object.keys(report)).toEqual(expect.arrayContaining(['verdict', 'match', 'findings']));
        expectSeedReport(report, e);
      }
    }
  });

  it('reads standard input and prints a readable report for people', () => {
    const { status, stdout } = run(['check', '-'], seedText(SEED_EXPECTATIONS[0]!));
    expect(status).toBe(0);
    expect(stdout).toContain('REPOST');
    expect(stdout).toContain('Machine translated');
    expect(stdout).toContain('Erika Marat');
    expect(stdout).toMatch(/#3 “For the first time/);
    expect(stdout).toContain('[Author bio]');
  });

  it('checks against a corpus given as JSON Lines, as a folder, or as a built index', () => {
    const folder = mkdtempSync(join(tmp, 'originals-'));
    const original = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/seeds/original.jsonl'), 'utf8')) as {
      title: string;
      text: string;
    };
    writeFileSync(join(folder, 'rogin.txt'), `${original.title}\n\n${original.text}`);
    const index = join(tmp, 'index.rrx');
    expect(run(['corpus', 'build', join(ROOT, 'tests/fixtures/seeds/original.jsonl'), '-o', index]).status).toBe(0);
    for (const corpus of [join(ROOT, 'tests/fixtures/seeds/original.jsonl'), folder, index]) {
      const { status, stdout } = run(['check', seedPagePath(SEED_EXPECTATIONS[1]!), '--corpus', corpus, '--json']);
      expect(status, corpus).toBe(0);
      expect((JSON.parse(stdout) as Report).verdict).toBe('repost');
    }
  });

  it('says not-an-article for a page without running text', () => {
    const nav = join(tmp, 'home.html');
    writeFileSync(
      nav,
      '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><p>Welcome!</p></body></html>',
    );
    const { status, stdout } = run(['check', nav, '--json']);
    expect(status).toBe(0);
    expect((JSON.parse(stdout) as Report).verdict).toBe('not-an-article');
  });

  it('stops quietly when the reader of its output has gone (`| head`), exit 0', () => {
    // `true` exits at once, long before the check writes: the write meets a closed pipe (EPIPE).
    const result = spawnSync(
      'bash',
      [
        '-c',
        `"${process.execPath}" "${BIN}" check "${seedPagePath(SEED_EXPECTATIONS[1]!)}" --json | true; echo "exit \${PIPESTATUS[0]}" >&2`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(result.stderr.trim()).toBe('exit 0');
  });

  const badInputs: [string, () => string[], RegExp][] = [
    ['a missing file', () => ['check', join(tmp, 'nope.html')], /cannot read .*nope\.html: no such file/],
    ['an empty page', () => ['check', write('empty.txt', '')], /empty\.txt is empty/],
    [
      'a binary file',
      () => ['check', write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))],
      /looks like a binary file/,
    ],
    ['a folder with no pages', () => ['check', mkdtempSync(join(tmp, 'no-pages-'))], /holds no \.html or \.txt pages/],
    [
      'a corpus with a bad line',
      () => [
        'check',
        seedPagePath(SEED_EXPECTATIONS[0]!),
        '--corpus',
        write('bad.jsonl', '{"id":"a","text":"x"}\n{oops}\n'),
      ],
      /bad corpus: .*bad\.jsonl: line 2: not valid JSON/,
    ],
    [
      'a corrupt index',
      () => {
        const bytes = readFileSync(join(ROOT, 'public/corpus.rrx'));
        bytes[40]! ^= 0xff; // in the header, checked at load
        return ['check', seedPagePath(SEED_EXPECTATIONS[0]!), '--corpus', write('broken.rrx', bytes)];
      },
      /bad corpus: corpus index is corrupt \(checksum mismatch\): rebuild it/,
    ],
    [
      'a corrupt block of the matched original',
      () => {
        const bytes = readFileSync(join(ROOT, 'public/corpus.rrx'));
        // The first block (the seed's original is the corpus's first) starts where the checked part ends.
        bytes[headLength(bytes) + 5]! ^= 0xff;
        return ['check', seedPagePath(SEED_EXPECTATIONS[0]!), '--corpus', write('broken-block.rrx', bytes)];
      },
      /bad corpus: corpus index is corrupt \(a block is unreadable\): rebuild it/,
    ],
    [
      'a missing corpus',
      () => ['check', seedPagePath(SEED_EXPECTATIONS[0]!), '--corpus', join(tmp, 'none.jsonl')],
      /cannot read corpus/,
    ],
    ['no file argument', () => ['check'], /missing required argument/],
  ];
  for (const [what, args, message] of badInputs) {
    it(`exits 2 with one clear line, no stack trace, for ${what}`, () => {
      const { status, stderr, stdout } = run(args());
      expect(status).toBe(2);
      expect(stdout).toBe('');
      const lines = stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('npm warn'));
      expect(lines, stderr).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }
});

function write(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}
