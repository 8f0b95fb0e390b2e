import { defineConfig } from 'vitest/config';

/**
 * Three projects, one run and one summary line (`.ci/run` reads it). Which one a test runs in
 * follows from where it lives or its name; there is no list to keep:
 * - `faults`: everything under `test/faults/` (bursts, shutdown, memory), one fresh process per
 *   file with a real GC, so nothing another file left behind skews a baseline.
 * - `e2e`: `*.e2e.test.ts` and anything under an `e2e/` folder: real parts on 127.0.0.1
 *   (sandbox, fake Slack, the bot, Redis, a browser, child processes) in forked processes; each
 *   file starts and closes its own servers. `*.cpu.test.ts` runs here too: it compares process
 *   CPU time, which in a thread pool would count other files' threads.
 * - `unit`: every other test: pure code in worker threads. A unit test that opens a server fails
 *   at once (test/support/unit-guard.ts) with the rule above.
 * Most of the suite's time was starting a worker and importing the module graph (Bolt above all)
 * once per file, so the first two share a worker's modules (`isolate: false`).
 */
const FAULTS = ['test/faults/**/*.test.ts'];
const OWN_PROCESS = ['test/**/e2e/**/*.test.ts', 'test/**/*.e2e.test.ts', 'test/**/*.cpu.test.ts'];

export default defineConfig({
  test: {
    // Installs or reports what the tests need from the system (redis-server, Chromium, …).
    globalSetup: ['test/support/services-setup.ts'],
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
          exclude: [...OWN_PROCESS, ...FAULTS],
          pool: 'threads',
          isolate: false,
          setupFiles: ['test/support/unit-guard.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: OWN_PROCESS,
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
