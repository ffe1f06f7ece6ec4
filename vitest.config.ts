import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Files run side by side here, so a test also waits for the others' CPU: the
          // default allows for that (a longer test sets its own).
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // Each file has its own temp folders, free ports and redis-server, so files run
          // side by side. Many wait on a child process (the built CLI, Redis): one worker
          // more than the cores keeps both busy (Vitest's default, cores - 1, is one on two).
          maxWorkers: availableParallelism() + 1,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Browser tests share one built extension and start browsers: one file at a
          // time, after the unit tests (Vitest runs a project without file parallelism last).
          fileParallelism: false,
        },
      },
    ],
  },
});
