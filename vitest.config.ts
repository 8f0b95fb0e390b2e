import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Loopback servers and spawned CLIs: generous per-test limit, but never a wall-clock assertion.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // test/faults checks that memory returns to its baseline after bursts, which needs a real GC.
    execArgv: ['--expose-gc'],
  },
});
