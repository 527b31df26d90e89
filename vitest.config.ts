import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Guards against a hang, not speed checks: generous so a loaded 2-core machine still passes.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Two files at once: the end-to-end files spend most of their time waiting on the command they
    // spawn (one core), so a second file keeps the other core busy; vitest's default on 2 cores is 1.
    maxWorkers: 2,
  },
});
