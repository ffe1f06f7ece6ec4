// Compiles the command line to plain JavaScript (dist/cli/), so `repost-radar` starts
// without a TypeScript loader. Our code and the packages every check uses (linkedom,
// Readability, commander, fflate...) are bundled into one file per entry: Node then
// reads a few files instead of resolving hundreds of modules, which took about 150 ms
// of each start (README, "Benchmark"). BullMQ, Redis's client and warcio stay in
// node_modules (BullMQ reads its Lua scripts from its own folder) and load only for
// the commands that use them. `bin/repost-radar.mjs` runs dist/cli, or falls back to
// tsx while it is missing or older than the sources.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunks are named by content hash: clear out the last build's.
rmSync('dist/cli', { recursive: true, force: true });

await build({
  entryPoints: { 'repost-radar': 'cli/repost-radar.ts', 'batch-worker': 'cli/batch-worker.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // The queue's code (BullMQ, Redis) is a chunk of its own, loaded only by its commands.
  splitting: true,
  external: ['bullmq', 'ioredis', 'warcio'],
  // linkedom's CSS parser, which extraction never calls (see the stub).
  alias: { 'cssomnom/parse': './scripts/cli-stubs/cssomnom-parse.mjs' },
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
  // Bundled CommonJS packages call require(): give the ES module one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
