import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser tests share one built extension and one Chromium: run files one at a time.
    fileParallelism: false,
  },
});
