// Compiles the command line to plain JavaScript (dist/cli/), so `repost-radar` starts
// without a TypeScript loader: our code is bundled into one file per entry, packages
// stay in node_modules. `bin/repost-radar.mjs` runs it, or falls back to tsx while it
// is missing or older than the sources.
import { build } from 'esbuild';

await build({
  entryPoints: { 'repost-radar': 'cli/repost-radar.ts', 'batch-worker': 'cli/batch-worker.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // The queue's code (BullMQ, Redis) is a chunk of its own, loaded only by its commands.
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});
