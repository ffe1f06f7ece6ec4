#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../cli/repost-radar.ts');
