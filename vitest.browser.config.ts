import './scripts/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';

/** Browser tests: the built extension in Chromium via playwright-core. One browser at a time on two cores. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
