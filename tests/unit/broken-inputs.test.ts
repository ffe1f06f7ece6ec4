import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { BatchLine } from '../../cli/batch';
import { articlePage } from '../support/pages';
import { SEED_EXPECTATIONS, seedPage } from '../support/seeds';
import { writeWarc } from '../support/warc';

// Broken and hostile inputs to the command line: each is answered with exit 2 and one
// line on standard error, or, inside a batch, an error line for the item while the
// batch goes on. Never a stack trace, a hang or an exhausted memory.

const ROOT = new URL('../../', import.meta.url).pathname;
const BIN = join(ROOT, 'bin/repost-radar.cjs');
const tmp = mkdtempSync(join(tmpdir(), 'repost-radar-broken-'));
const run = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

function expectOneLineRefusal(args: string[], pattern: RegExp): void {
  const { status, stdout, stderr } = run(args);
  expect(status, stderr).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.trim().split('\n'), stderr).toHaveLength(1);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
}

const batchLines = (stdout: string): BatchLine[] =>
  stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as BatchLine);

describe('broken web archives', () => {
  it('refuses garbage named .warc with one line', () => {
    const file = join(tmp, 'garbage.warc');
    writeFileSync(file, 'this is not an archive\n'.repeat(100));
    expectOneLineRefusal(['check', file], /garbage\.warc is not a web archive/);
  });

  it('refuses garbage named .warc.gz, and a gzip of something else', () => {
    const raw = join(tmp, 'raw.warc.gz');
    writeFileSync(raw, 'plain text pretending to be gzip');
    expectOneLineRefusal(['check', raw], /raw\.warc\.gz is not a web archive/);
    const other = join(tmp, 'other.warc.gz');
    writeFileSync(other, gzipSync('<html><body>not a warc</body></html>'));
    expectOneLineRefusal(['check', other], /other\.warc\.gz is not a web archive/);
  });

  it('refuses a truncated .warc.gz, after the pages it could read', async () => {
    const whole = join(tmp, 'whole.warc.gz');
    await writeWarc(
      whole,
      SEED_EXPECTATIONS.map((e) => ({ url: `https://r.example/${e.seed}`, html: seedPage(e) })),
    );
    const bytes = readFileSync(whole);
    const truncated = join(tmp, 'truncated.warc.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    const { status, stderr } = run(['check', truncated]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/truncated\.warc\.gz is not a readable web archive/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('does not read a record whose Content-Length claims gigabytes: an error line, and the batch goes on', async () => {
    const good = join(tmp, 'good.warc.gz');
    await writeWarc(good, [{ url: 'https://r.example/002', html: seedPage(SEED_EXPECTATIONS[2]!) }]);
    const liar = Buffer.from(
      'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://liar.example/\r\nContent-Type: application/http; msgtype=response\r\n' +
        'Content-Length: 9000000000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>short</p>\r\n\r\n',
    );
    const file = join(tmp, 'liar.warc.gz');
    writeFileSync(file, Buffer.concat([readFileSync(good), gzipSync(liar)]));
    const { status, stdout, stderr } = run(['check', file]);
    expect(status, stderr).toBe(0);
    const lines = batchLines(stdout);
    expect(lines).toHaveLength(2);
    expect('verdict' in lines[0]! && lines[0].verdict).toBe('original');
    expect('error' in lines[1]! && lines[1].error).toMatch(/not read/);
  });

  it('reads a gzip bomb as a stream, in bounded memory: one huge record is skipped, not inflated', () => {
    // 400 MB of zeros inside an HTML response compresses to about 400 kB.
    const head = Buffer.from(
      'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/\r\nContent-Type: application/http; msgtype=response\r\n' +
        `Content-Length: ${400 * 1048576 + 45}\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n`,
    );
    const body = Buffer.alloc(400 * 1048576, 0x20);
    const file = join(tmp, 'bomb.warc.gz');
    writeFileSync(file, gzipSync(Buffer.concat([head, body, Buffer.from('\r\n\r\n')]), { level: 9 }));
    const { status, stdout, stderr } = run(['check', file]);
    expect(status, stderr).toBe(0);
    expect(batchLines(stdout).map((l) => ('error' in l ? 'error' : l.verdict))).toEqual(['error']);
  });
});

describe('hostile pages', () => {
  const pages: Record<string, string> = {
    'nested divs (200,000 deep)': `<html><body>${'<div>'.repeat(200_000)}deep${'</div>'.repeat(200_000)}</body></html>`,
    'a million tiny paragraphs': `<html><body><article>${'<p>a b</p>'.repeat(1_000_000)}</article></body></html>`,
    'a 39 MB page': `<html><body><article>${'<p>Words of a long page that never ends, again and again.</p>'.repeat(650_000)}</article></body></html>`,
  };
  for (const [name, html] of Object.entries(pages)) {
    it(`answers ${name} with "too large to check" and its reason, exit 0`, () => {
      const file = join(tmp, `${name.replace(/\W+/g, '-')}.html`);
      writeFileSync(file, html);
      const { status, stdout, stderr } = run(['check', file, '--json']);
      expect(status, stderr).toBe(0);
      const report = JSON.parse(stdout) as { verdict: string; message: string; tooLarge?: { reason: string } };
      expect(report.verdict).toBe('too-large');
      expect(report.message).toMatch(/^Too large to check: /);
      expect(report.tooLarge?.reason).toMatch(/^(markup|elements|depth|paragraphs|words)$/);
    });
  }
});

describe('broken folders', () => {
  it('survives a symbolic-link loop, a dangling link and a folder named like a page', () => {
    const dir = join(tmp, 'folder');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'a.html'), seedPage(SEED_EXPECTATIONS[1]!));
    writeFileSync(join(dir, 'sub', 'b.html'), articlePage('Plain', ['Some text of a page that is short.']));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    symlinkSync(join(dir, 'nowhere.html'), join(dir, 'dangling.html'));
    mkdirSync(join(dir, 'c.html'));
    const { status, stdout, stderr } = run(['check', dir]);
    expect(status, stderr).toBe(0);
    const lines = batchLines(stdout);
    expect(lines.map((l) => l.source.slice(dir.length + 1))).toEqual(['a.html', 'sub/b.html']);
    expect('verdict' in lines[0]! && lines[0].verdict).toBe('repost');
  });
});

describe('broken corpora', () => {
  it('names the line of a duplicate id and of a field of the wrong type', () => {
    const dup = join(tmp, 'dup.jsonl');
    const line = JSON.stringify({ id: 'x', text: 'Some text.' });
    writeFileSync(dup, `${line}\n${line}\n`);
    expectOneLineRefusal(
      ['check', join(ROOT, 'tests/fixtures/pages/seed-001.html'), '--corpus', dup],
      /line 2: duplicate id "x"/,
    );
    const wrong = join(tmp, 'wrong.jsonl');
    writeFileSync(wrong, `${line}\n${JSON.stringify({ id: 'y', text: 'T.', title: 7 })}\n`);
    expectOneLineRefusal(
      ['check', join(ROOT, 'tests/fixtures/pages/seed-001.html'), '--corpus', wrong],
      /line 2: original "y": "title" must be a string/,
    );
  });

  it('refuses a JSON Lines corpus of a million lines quickly instead of indexing it for minutes', () => {
    const big = join(tmp, 'million.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 1_000_000; i++) lines.push(`{"id":"o${i}","text":"Text ${i}."}`);
    writeFileSync(big, lines.join('\n'));
    const started = Date.now();
    expectOneLineRefusal(
      ['check', join(ROOT, 'tests/fixtures/pages/seed-001.html'), '--corpus', big],
      /more than [\d,]+ originals/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });
});
