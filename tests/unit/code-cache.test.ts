import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAscii } from 'node:buffer';
import { WARCRecord, WARCSerializer } from 'warcio';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedPagePath, seedTextPath, SEED_EXPECTATIONS } from '../support/seeds';

// bin/repost-radar.cjs runs dist/cli's CommonJS bundles compiled with V8's code cache,
// made by scripts/build-cli.mjs (`npm test` builds first). Each test runs an installed
// copy: bin, dist/cli and the bundled corpus, with no TypeScript beside them.
const ROOT = new URL('../../', import.meta.url).pathname;
const seed = SEED_EXPECTATIONS[1]!;

let install: string;
const dist = (): string => join(install, 'dist/cli');
const caches = (): string[] => readdirSync(dist()).filter((name) => name.endsWith('.cache'));

function check(
  page: string,
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(install, 'bin/repost-radar.cjs'), 'check', page, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function webArchive(): Promise<string> {
  const html = readFileSync(seedPagePath(seed), 'utf8');
  const record = await WARCRecord.create(
    { url: 'https://example.org/repost', type: 'response', httpHeaders: { 'Content-Type': 'text/html' } },
    (async function* () {
      yield new TextEncoder().encode(html);
    })(),
  );
  const path = join(install, 'one.warc');
  writeFileSync(path, await WARCSerializer.serialize(record));
  return path;
}

beforeAll(() => {
  install = mkdtempSync(join(tmpdir(), 'repost-radar-install-'));
  cpSync(join(ROOT, 'bin'), join(install, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'dist/cli'), dist(), { recursive: true });
  mkdirSync(join(install, 'public'));
  symlinkSync(join(ROOT, 'public/corpus.rrx'), join(install, 'public/corpus.rrx'));
  symlinkSync(join(ROOT, 'node_modules'), join(install, 'node_modules'));
  mkdirSync(join(install, 'cli'));
  mkdirSync(join(install, 'src'));
});

describe("the command line's code cache", () => {
  it('is made at build time for the command line and for the HTML reader, named by their builds', () => {
    const v8 = process.versions.v8.replace(/[.]/g, '\\.');
    const builds = ['html-reader.cjs', 'repost-radar.cjs'].map((bundle) => {
      const source = readFileSync(join(dist(), bundle));
      // Pure ASCII (read as Latin-1 by the launcher), its last line naming the build.
      expect(isAscii(source), bundle).toBe(true);
      const build = /\/\/ repost-radar build ([\w-]{16})\n$/.exec(source.toString('latin1'))?.[1];
      expect(build, bundle).toBeDefined();
      return new RegExp(`^${bundle.replace('.', '\\.')}\\.v8-${v8}\\.${build}\\.cache$`);
    });
    expect(caches()).toEqual(builds.map((name) => expect.stringMatching(name)));
  });

  it('gives the same reports as a check without it: text, HTML and a web archive', async () => {
    const archive = await webArchive();
    for (const page of [seedTextPath(seed), seedPagePath(seed), archive]) {
      const cached = check(page);
      const uncached = check(page, { REPOST_RADAR_CODE_CACHE: 'off' });
      expect(cached.status, cached.stderr).toBe(0);
      expect(uncached.status, uncached.stderr).toBe(0);
      // One report, or one JSON line a page for a web archive.
      const report: unknown = JSON.parse(page === archive ? cached.stdout.split('\n')[0]! : cached.stdout);
      expect(report).toMatchObject({ verdict: 'repost' });
      expect(cached.stdout).toBe(uncached.stdout);
    }
  });

  it('refuses a damaged cache, answers the same, and writes a good one in its place', () => {
    const before = check(seedPagePath(seed));
    for (const name of caches()) {
      const bytes = readFileSync(join(dist(), name));
      // Same length, every byte changed: only V8's own checks can tell.
      writeFileSync(
        join(dist(), name),
        bytes.map((b) => b ^ 0x5a),
      );
    }
    const damaged = caches().map((name) => readFileSync(join(dist(), name)));
    const after = check(seedPagePath(seed));
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    const rewritten = caches().map((name) => readFileSync(join(dist(), name)));
    expect(rewritten).toHaveLength(2);
    rewritten.forEach((bytes, i) => expect(bytes.equals(damaged[i]!)).toBe(false));
    // The new ones are taken: a further check rewrites nothing.
    check(seedPagePath(seed));
    caches().forEach((name, i) => expect(readFileSync(join(dist(), name)).equals(rewritten[i]!)).toBe(true));
  });
});
