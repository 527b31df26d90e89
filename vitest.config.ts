import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    // Guards against a hang, not speed checks: generous so a loaded 2-core machine still passes.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
