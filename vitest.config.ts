import { defineConfig } from 'vitest/config';

/**
 * Three projects, one run and one summary line (`.ci/run` reads it). Most of the suite's time
 * was starting a worker and importing the module graph (Bolt above all) once per file, so files
 * share a worker's modules (`isolate: false`) wherever they can:
 * - `unit`: pure tests (codec, renderers, parsers, stores…) in worker threads.
 * - `e2e`: tests with real parts on 127.0.0.1 (sandbox, fake Slack, the bot, proxies, child
 *   processes) in forked processes; each file starts and closes its own servers.
 * - `faults`: bursts, shutdown and memory checks, one fresh process per file with a real GC, so
 *   nothing another file left behind skews a baseline.
 * A new test with a server belongs in E2E below; a pure one needs nothing.
 */
const FAULTS = ['test/faults/**/*.test.ts'];
const E2E = [
  'test/slack/e2e/**/*.test.ts',
  'test/faults/**/*.test.ts',
  'test/cli/lookup.test.ts',
  'test/cli/sandbox.test.ts',
  'test/cli/npm-signal.test.ts',
  'test/cli/readme.test.ts',
  'test/coufun/client*.test.ts',
  'test/lookup/bootstrap.test.ts',
  'test/lookup/service-sandbox.test.ts',
  'test/runtime/lean-fetch.test.ts',
  'test/slack/delivery/thread-post.test.ts',
  // A real redis-server of their own on a free loopback port, and bot replicas on it.
  'test/replicas/**/*.test.ts',
  'test/stores/redis/**/*.test.ts',
  'test/lookup/across-replicas.test.ts',
  // Bulk jobs against loopback vendors, the sandbox, redis-server and spawned terminals.
  'test/bulk/job/**/*.test.ts',
  'test/bulk/queue/**/*.test.ts',
  'test/cli/bulk*.test.ts',
  // Growth tests compare process CPU time; in a thread pool that would count other files' threads.
  'test/input/long-input.test.ts',
  'test/slack/input/long-input.test.ts',
];

export default defineConfig({
  test: {
    // Loopback servers and spawned CLIs: generous per-test limit, but never a wall-clock assertion.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // expect.poll waits for background work after an ack; its 1 s default failed under a full
    // run's load (three workers on two cores). Still bounded, still no wall-clock assertion.
    expect: { poll: { timeout: 10_000 } },
    // Vitest's default is one worker per core minus one: a single worker on the two-core CI
    // machine. The end-to-end files mostly wait on sockets and timers, so a few more overlap well.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: E2E,
          pool: 'threads',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          exclude: FAULTS,
          pool: 'forks',
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'faults',
          include: FAULTS,
          pool: 'forks',
          // test/faults checks that memory returns to its baseline after bursts, which needs a real GC.
          execArgv: ['--expose-gc'],
        },
      },
    ],
  },
});
