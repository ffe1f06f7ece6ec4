import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What goes to the stores: `npm run zip` (`wxt zip`, then `wxt zip -b firefox`) makes the
// Chrome package, the Firefox package and the sources zip AMO's reviewers rebuild from.
// Made here through WXT's own zip() with the same wxt.config.ts, into a folder of its own:
// the browser tests read .output meanwhile.
const ROOT = new URL('../../', import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

let out: string;
let sources: string | undefined;
const zipPath = (kind: 'chrome' | 'firefox' | 'sources'): string => join(out, `repost-radar-${version}-${kind}.zip`);
const entries = (kind: 'chrome' | 'firefox' | 'sources'): Record<string, Uint8Array> =>
  unzipSync(new Uint8Array(readFileSync(zipPath(kind))));
const manifestOf = (files: Record<string, Uint8Array>): Record<string, unknown> =>
  JSON.parse(strFromU8(files['manifest.json']!)) as Record<string, unknown>;

// Without Vitest's NODE_ENV=test, which WXT would keep (and build with JSX's development
// runtime, source paths and all), as `npm run zip` runs it.
const { NODE_ENV: _testEnv, ...buildEnv } = process.env;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, env: buildEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(result.status, `${command} ${args.join(' ')}: ${result.stderr}`).toBe(0);
  return result.stdout;
}

function wxtZip(browser: 'chrome' | 'firefox'): void {
  const script = `const { zip } = await import('wxt'); await zip(${JSON.stringify({ browser, outDir: out })});`;
  run(process.execPath, ['--input-type=module', '-e', script], ROOT);
}

describe('npm run zip', () => {
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'repost-radar-zip-'));
    wxtZip('chrome');
    wxtZip('firefox');
  });
  // Some 80 MB of zips, sources and a build.
  afterAll(() => {
    for (const dir of [out, sources]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('makes the Chrome package (Manifest V3) and the Firefox package (Manifest V2), in four languages', () => {
    for (const [kind, manifestVersion] of [
      ['chrome', 3],
      ['firefox', 2],
    ] as const) {
      const files = entries(kind);
      const manifest = manifestOf(files);
      expect(manifest['manifest_version']).toBe(manifestVersion);
      expect(manifest['version']).toBe(version);
      expect(manifest['default_locale']).toBe('en');
      for (const language of ['en', 'fr', 'de', 'es'])
        expect(files[`_locales/${language}/messages.json`]).toBeDefined();
      expect(files['corpus.rrx']?.length).toBe(readFileSync(join(ROOT, 'public/corpus.rrx')).length);
    }
  });

  it('the Firefox package states that it collects no data', () => {
    const gecko = (manifestOf(entries('firefox'))['browser_specific_settings'] as { gecko: Record<string, unknown> })
      .gecko;
    expect(gecko['id']).toBe('repost-radar@repost-radar.org');
    expect(gecko['data_collection_permissions']).toEqual({ required: ['none'] });
  });

  it('the Firefox package passes addons-linter with no errors', () => {
    // The CLI `npm run lint:addon` runs; it exits 1 when there are errors, so read its JSON.
    const bin = join(ROOT, 'node_modules/addons-linter/bin/addons-linter');
    const result = spawnSync(process.execPath, [bin, '--output', 'json', zipPath('firefox')], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const report = JSON.parse(result.stdout) as {
      summary: { errors: number };
      errors: { code: string; file?: string; message: string }[];
    };
    expect(report.errors.map((e) => `${e.code} ${e.file ?? ''}: ${e.message}`)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });

  it('the sources zip holds what the build reads, and no tests, outputs or installed packages', () => {
    const names = Object.keys(entries('sources'));
    for (const needed of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'docs/store/BUILDING.md',
      'entrypoints/background.ts',
      'src/check/analyze.ts',
      'public/_locales/en/messages.json',
      'public/corpus.rrx',
      'corpus/originals.jsonl',
      'cli/repost-radar.ts',
      'scripts/build-cli.mjs',
    ])
      expect(names).toContain(needed);
    const leftOut = /^(node_modules|\.output|\.wxt|dist|tests|test-results|bench|\.git)\//;
    expect(names.filter((name) => leftOut.test(name))).toEqual([]);
  });

  it('a reviewer rebuilds the same Firefox package from the sources zip', () => {
    sources = mkdtempSync(join(tmpdir(), 'repost-radar-sources-'));
    for (const [name, content] of Object.entries(entries('sources'))) {
      if (name.endsWith('/')) continue;
      mkdirSync(dirname(join(sources, name)), { recursive: true });
      writeFileSync(join(sources, name), content);
    }
    // The packages `npm ci` would install from the zip's package-lock.json.
    symlinkSync(join(ROOT, 'node_modules'), join(sources, 'node_modules'));
    run(process.execPath, [join(sources, 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], sources);

    const built = join(sources, '.output/firefox-mv2');
    const rebuilt = readdirSync(built, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(built, join(entry.parentPath, entry.name)))
      .sort();
    const shipped = entries('firefox');
    expect(rebuilt).toEqual(Object.keys(shipped).sort());
    for (const name of rebuilt) expect(readFileSync(join(built, name)).equals(shipped[name]!), name).toBe(true);
  });
});

describe('the store listing (docs/store/listing.md)', () => {
  const listing = readFileSync(join(ROOT, 'docs/store/listing.md'), 'utf8');
  const languages = { English: 'en', Français: 'fr', Deutsch: 'de', Español: 'es' } as const;
  // Each language's section: its first quote is the short description, its second AMO's summary.
  const quotes = (language: string): string[] => {
    const section = listing.split(/^## /m).find((part) => part.startsWith(`${language}\n`)) ?? '';
    return [...section.matchAll(/(?:^> .*\n)+/gm)].map((quote) =>
      quote[0]
        .split('\n')
        .filter(Boolean)
        .map((line) => line.slice(2))
        .join(' '),
    );
  };

  it.each(Object.entries(languages))('in %s, says what the manifest says, and AMO’s summary fits', (language, code) => {
    const catalog = JSON.parse(readFileSync(join(ROOT, `public/_locales/${code}/messages.json`), 'utf8')) as Record<
      string,
      { message: string }
    >;
    const [short, summary] = quotes(language);
    expect(short).toBe(catalog['extDescription']!.message);
    expect(summary?.length).toBeGreaterThan(0);
    expect(summary!.length).toBeLessThanOrEqual(250);
  });
});
