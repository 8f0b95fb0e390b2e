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

/** Lines waiting for a slow reader, at most; beyond that they are dropped. */
export const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

export interface StdoutDestination extends DestinationStream {
  /** True once a write failed: the reader is gone and lines are dropped. */
  readonly dead: boolean;
  /** Write out what is buffered before the process exits (best effort, never throws). */
  flushSync(): void;
}

type Sonic = ReturnType<typeof pino.destination>;

/**
 * Wrap an fd destination (sonic-boom) so its first error stops all further writes. Exported for
 * tests, which pass a pipe's descriptor; the bot uses `stdoutDestination()`.
 */
export function deadSafeDestination(fd: number, maxLength = MAX_BUFFERED_BYTES): StdoutDestination {
  const sonic: Sonic = pino.destination({ fd, sync: false, minLength: 0, maxLength });
  let dead = false;
  // Without a listener an 'error' event would throw; with it, the failure simply ends output.
  sonic.on('error', () => {
    dead = true;
  });
  return {
    get dead() {
      return dead;
    },
    write(line: string) {
      if (dead) return;
      try {
        sonic.write(line);
      } catch {
        dead = true;
      }
    },
    flushSync() {
      if (dead) return;
      try {
        sonic.flushSync();
      } catch {
        // A full or closed pipe at exit: what cannot be written now is lost, never retried.
      }
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

/** Before `process.exit`: write out buffered log lines if stdout is in use and alive. */
export function flushStdout(): void {
  shared?.flushSync();
}
