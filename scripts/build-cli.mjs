// Compiles the command line to plain JavaScript (dist/cli/), so `repost-radar` starts
// without a TypeScript loader. Our code and the packages every check uses (linkedom,
// Readability, commander, fflate...) are bundled into one file: Node then reads one file
// instead of resolving hundreds of modules, which took about 150 ms of each start
// (README, "Benchmark"). BullMQ, Redis's client and warcio stay in node_modules (BullMQ
// reads its Lua scripts from its own folder) and load only for the commands that use
// them. The bundle is CommonJS so that `bin/repost-radar.mjs` can compile it with V8's
// code cache (node:vm takes cached data for scripts, not for ES modules, in Node 20);
// the cache is made here, after checking one page, so that it holds the functions a
// check runs and not only the top level. `bin/repost-radar.mjs` falls back to tsx while
// dist/cli is missing or older than the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Clear out the last build, its code caches with it.
rmSync('dist/cli', { recursive: true, force: true });

const common = {
  outdir: 'dist/cli',
  bundle: true,
  external: ['bullmq', 'ioredis', 'warcio'],
  // linkedom's CSS parser, which extraction never calls (see the stub).
  alias: { 'cssomnom/parse': './scripts/cli-stubs/cssomnom-parse.mjs' },
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
};

// The HTML reader (linkedom and Readability, half the code) is a bundle of its own with a
// cache of its own: a text page's check does not read its cache. cli/inputs.ts loads it
// through the loader bin/repost-radar.mjs gives (plain require() without one).
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

await Promise.all([
  build({
    ...common,
    entryPoints: { 'repost-radar': 'cli/repost-radar.ts' },
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    plugins: [htmlReaderBundle],
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

// The code cache: one check of a real page, written when the process exits.
const warmUpPage = 'tests/fixtures/pages/seed-001.html';
if (existsSync(warmUpPage)) {
  const { status, stderr } = spawnSync(process.execPath, ['bin/repost-radar.mjs', 'check', warmUpPage, '--json'], {
    env: { ...process.env, REPOST_RADAR_CODE_CACHE: 'write' },
    encoding: 'utf8',
  });
  if (status !== 0) throw new Error(`the compiled command line failed on ${warmUpPage}: ${stderr}`);
}
