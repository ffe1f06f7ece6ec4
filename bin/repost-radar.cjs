#!/usr/bin/env node
// Runs the compiled command line (dist/cli, made by `npm run build:cli` and on install).
// While it is missing or older than the TypeScript sources, runs those through tsx.
// CommonJS, not an ES module: Node's module loader for ES modules took about 11 ms of each start.
'use strict';
const { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire, Module } = require('node:module');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

const root = join(__dirname, '..');
const compiled = join(root, 'dist/cli/repost-radar.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Runs the CommonJS bundle as Node's require() would, but compiled with V8's code cache:
 * parsing and compiling the bundle's functions took 30-50 ms of a one-page check
 * (README, "Benchmark"). The cache is made by scripts/build-cli.mjs after one check, so it
 * holds what a check compiles, not only the top level. V8 refuses a cache made by another
 * version or with other flags, but checks the source only by its length, so the cache's
 * name carries the build's name, a hash of the bundle written on its last line by
 * scripts/build-cli.mjs. REPOST_RADAR_CODE_CACHE=off runs without it, =write rewrites it
 * when the process exits.
 */
function runBundle(file) {
  const bytes = readFileSync(file);
  const build = /\/\/ repost-radar build ([\w-]+)\n$/.exec(bytes.latin1Slice(Math.max(0, bytes.length - 64)))?.[1];
  const mode = build === undefined ? 'off' : process.env.REPOST_RADAR_CODE_CACHE;
  const cacheFile = `${file}.v8-${process.versions.v8}.${build}.cache`;
  let cachedData;
  if (mode !== 'off' && mode !== 'write' && existsSync(cacheFile)) cachedData = readFileSync(cacheFile);
  // The bundle is pure ASCII (scripts/build-cli.mjs): read as Latin-1, it is the same text, sooner.
  const script = new Script(Module.wrap(bytes.latin1Slice(0, bytes.length)), { filename: file, cachedData });
  if (mode === 'write' || (mode !== 'off' && (cachedData === undefined || script.cachedDataRejected))) {
    // Written whole under another name, then renamed: checks running side by side never read half a cache.
    process.once('exit', () => {
      try {
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, script.createCachedData());
        renameSync(partial, cacheFile);
      } catch {
        // A read-only install runs without a cache.
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

const builtAt = existsSync(compiled) ? statSync(compiled).mtimeMs : 0;
if (builtAt >= Math.max(newestSource(join(root, 'cli')), newestSource(join(root, 'src'))) && builtAt > 0) {
  // The bundle loads the HTML reader, a bundle of its own, through this (scripts/build-cli.mjs).
  const loaded = new Map();
  globalThis[Symbol.for('repost-radar.requireBundle')] = (file) => {
    if (!loaded.has(file)) loaded.set(file, runBundle(file));
    return loaded.get(file);
  };
  runBundle(compiled);
} else {
  import('tsx/esm/api')
    .then(({ register }) => {
      register();
      return import(pathToFileURL(join(root, 'cli/repost-radar.ts')).href);
    })
    .catch((error) => {
      process.stderr.write(`repost-radar: cannot start: ${error instanceof Error ? error.message : error}\n`);
      process.exit(2);
    });
}
