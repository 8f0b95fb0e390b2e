/**
 * The process's log output on file descriptor 1, made so that a reader that goes away (a log
 * shipper restarting, `npm start | tee` dying) cannot wedge the bot:
 * - writes are asynchronous (sonic-boom), so a slow reader never blocks the event loop, and the
 *   buffer is bounded (`MAX_BUFFERED_BYTES`): past it, lines are dropped rather than held;
 * - the first write error (EPIPE, EBADF, EIO, …) marks the output dead: from then on every line
 *   is dropped without a system call, so there is no error to log and nothing to spin on.
 * One destination per process (the descriptor is one per process too), created on first use.
 */
import { pino, type DestinationStream } from 'pino';
import { withDeadline } from '../time/deadline.js';

/** Lines waiting for a slow reader, at most; beyond that they are dropped. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface StdoutDestination extends DestinationStream {
  /** True once a write failed: the reader is gone and lines are dropped. */
  readonly dead: boolean;
  /**
   * Resolves once every accepted line has been written (or the output died), or after
   * `timeoutMs` when the reader is too slow: for the moments before the process exits.
   * (sonic-boom's own flushSync would write a chunk already in flight a second time.)
   */
  drain(timeoutMs: number): Promise<void>;
}

type Sonic = ReturnType<typeof pino.destination>;

/**
 * Wrap an fd destination (sonic-boom) so its first error stops all further writes. Exported for
 * tests, which pass a pipe's descriptor; the bot uses `stdoutDestination()`.
 */
export function deadSafeDestination(fd: number, maxLength = MAX_BUFFERED_BYTES): StdoutDestination {
  const sonic: Sonic = pino.destination({ fd, sync: false, minLength: 0, maxLength });
  let dead = false;
  // Lines accepted but not yet confirmed written ('drain' says the buffer is empty again).
  let busy = false;
  const waiters = new Set<() => void>();
  const settle = (): void => {
    for (const w of waiters) w();
    waiters.clear();
  };
  // Without a listener an 'error' event would throw; with it, the failure simply ends output.
  sonic.on('error', () => {
    dead = true;
    settle();
  });
  sonic.on('drain', () => {
    busy = false;
    settle();
  });
  return {
    get dead() {
      return dead;
    },
    write(line: string) {
      if (dead) return;
      try {
        busy = true;
        sonic.write(line);
      } catch {
        dead = true;
        settle();
      }
    },
    drain(timeoutMs: number) {
      if (dead || !busy) return Promise.resolve();
      let done = (): void => undefined;
      const drained = new Promise<void>((resolve) => {
        done = resolve;
        waiters.add(done);
      });
      // A reader too slow for the deadline loses the rest; the process is about to exit anyway.
      return withDeadline(drained, timeoutMs)
        .catch(() => undefined)
        .finally(() => waiters.delete(done));
    },
  };
}

let shared: StdoutDestination | undefined;

/** The process-wide stdout destination (created on first call). */
export function stdoutDestination(): StdoutDestination {
  shared ??= deadSafeDestination(1);
  return shared;
}

/** `closed` once log lines are being dropped because stdout's reader went away (for /healthz). */
export function stdoutState(): 'ok' | 'closed' {
  return shared?.dead ? 'closed' : 'ok';
}

/** Before `process.exit`: let buffered log lines reach stdout, waiting at most `timeoutMs`. */
export function drainStdout(timeoutMs: number): Promise<void> {
  return shared?.drain(timeoutMs) ?? Promise.resolve();
}
