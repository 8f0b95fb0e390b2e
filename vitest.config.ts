import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Loopback servers and spawned CLIs: generous per-test limit, but never a wall-clock assertion.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
