// Compiles the command line to plain JavaScript (dist/cli/), so `repost-radar` starts
// without a TypeScript loader. Our code and the packages every check uses (linkedom,
// Readability, commander, fflate...) are bundled into one file: Node then reads one file
// instead of resolving hundreds of modules, which took about 150 ms of each start
// (docs/architecture.md, "The command line"). BullMQ, Redis's client and warcio stay in node_modules (BullMQ
// reads its Lua scripts from its own folder) and load only for the commands that use
// them. The bundle is CommonJS so that `bin/repost-radar.cjs` can compile it with V8's
// code cache (node:vm takes cached data for scripts, not for ES modules, in Node 20);
// the cache is made here, after checking one page, so that it holds the functions a
// check runs and not only the top level. `bin/repost-radar.cjs` falls back to tsx while
// dist/cli is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

// Clear out the last build, its code caches with it.
rmSync('dist/cli', { recursive: true, force: true });

const common = {
  outdir: 'dist/cli',
  bundle: true,
  external: ['bullmq', 'ioredis', 'warcio'],
  alias: {
    // linkedom's CSS parser, which extraction never calls (see the stub).
    'cssomnom/parse': './scripts/cli-stubs/cssomnom-parse.mjs',
    // fflate's build for Node loads node:worker_threads (5 ms) for asynchronous calls we
    // never make; its browser build is the same code without that.
    fflate: './node_modules/fflate/esm/browser.js',
  },
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
};

// The HTML reader (linkedom and Readability, half the code) is a bundle of its own with a
// cache of its own: a text page's check does not read its cache. cli/inputs.ts loads it
// through the loader bin/repost-radar.cjs gives (plain require() without one).
const htmlReaderBundle = {
  name: 'html-reader-bundle',
  setup(build) {
    build.onResolve({ filter: /\/extract\/parse-html$/ }, (args) =>
      args.importer.endsWith('cli/inputs.ts') ? { path: 'html-reader', namespace: 'html-reader-bundle' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'html-reader-bundle' }, () => ({
      contents:
        "const load = globalThis[Symbol.for('repost-radar.requireBundle')] ?? require;\n" +
        "module.exports = load(require('node:path').join(__dirname, 'html-reader.cjs'));\n",
      loader: 'js',
    }));
  },
};

// commander loads node:child_process for subcommands that are programs of their own (see the stub).
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes('/node_modules/commander/')
        ? { path: new URL('./cli-stubs/lazy-child-process.cjs', import.meta.url).pathname }
        : undefined,
    );
  },
};

await Promise.all([
  build({
    ...common,
    entryPoints: { 'repost-radar': 'cli/repost-radar.ts' },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    plugins: [htmlReaderBundle, lazyChildProcess],
    // import('warcio') as require() (warcio ships CommonJS too): V8 drops the dynamic-import
    // hook of functions read from a code cache ("A dynamic import callback was not specified").
    supported: { 'dynamic-import': false },
    // import.meta.url finds the bundled corpus and the batch worker beside the bundle.
    define: { 'import.meta.url': '__bundle_url' },
    banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
  }),
  build({
    ...common,
    entryPoints: { 'html-reader': 'src/extract/parse-html.ts' },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  }),
  // A worker thread loads the batch worker as a module of its own.
  build({
    ...common,
    entryPoints: { 'batch-worker': 'cli/batch-worker.ts' },
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    // Bundled CommonJS packages call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  }),
]);

/**
 * Makes a CommonJS bundle pure ASCII and names its build. esbuild escapes non-ASCII
 * characters in strings but leaves them in regular expressions; one such character makes
 * the whole source a two-byte string, which took 4-5 ms more to read (docs/architecture.md, "The command line").
 * The last line names the build by a hash of the rest: bin/repost-radar.cjs names the
 * code cache by it, since V8 checks a cache against its source's length only. (Escapes
 * shift the source map's columns on their lines, in a regular expression or two.)
 */
function finishBundle(path) {
  const source = readFileSync(path, 'utf8');
  const escapedCharacter = /\\(?:\\\\)*[\u0080-\uffff]/.exec(source);
  if (escapedCharacter)
    throw new Error(`${path}: a backslash before a non-ASCII character, at ${escapedCharacter.index}`);
  // Code unit by code unit: a character beyond U+FFFF becomes its two surrogates, which a
  // regular expression reads as that character, with or without the u flag.
  const ascii = source.replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const build = createHash('sha256').update(ascii).digest('base64url').slice(0, 16);
  writeFileSync(path, `${ascii}// repost-radar build ${build}\n`);
}
finishBundle('dist/cli/repost-radar.cjs');
finishBundle('dist/cli/html-reader.cjs');

// The code cache: one check of a real page, written when the process exits.
const warmUpPage = 'tests/fixtures/pages/seed-001.html';
if (existsSync(warmUpPage)) {
  const { status, stderr } = spawnSync(process.execPath, ['bin/repost-radar.cjs', 'check', warmUpPage, '--json'], {
    env: { ...process.env, REPOST_RADAR_CODE_CACHE: 'write' },
    encoding: 'utf8',
  });
  if (status !== 0) throw new Error(`the compiled command line failed on ${warmUpPage}: ${stderr}`);
}
