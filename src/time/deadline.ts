/**
 * Deadlines, one way for the whole bot. `withDeadline` bounds a promise; `deadlineSignal` bounds
 * a request that takes an `AbortSignal` (fetch, undici).
 *
 * A deadline a busy event loop cannot fake: a timer that fires late because this process was busy
 * (a burst, a GC pause) would blame the other side for our own stall, while its answer may
 * already sit in the socket buffer. So when the timer fires, the verdict waits one more turn of
 * the loop (`setImmediate` runs after pending I/O has been read), and only an operation still
 * unanswered then counts as timed out.
 */

/** Thrown by `withDeadline` when the operation did not settle in time. */
export class DeadlineError extends Error {
  readonly code = 'TIMEOUT';
  constructor(
    readonly ms: number,
    what = 'the operation',
  ) {
    super(`${what} did not answer within ${ms} ms`);
    this.name = 'DeadlineError';
  }
}

/**
 * `operation`'s result, or a `DeadlineError` naming `what` once `ms` have passed (and one more
 * turn of the event loop, see above). With `ms` undefined, `operation` itself (no deadline of
 * ours). The operation is not cancelled; a caller that can cancel uses `deadlineSignal`.
 */
export function withDeadline<T>(operation: Promise<T>, ms: number | undefined, what?: string): Promise<T> {
  if (ms === undefined) return operation;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (settled) return;
        settled = true;
        reject(new DeadlineError(ms, what));
      });
    }, ms);
    operation.then(
      (value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (e: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/** A signal that aborts after `ms` (a `TimeoutError`), or when `signal` does, whichever comes first. */
export function deadlineSignal(ms: number, signal?: AbortSignal | null): AbortSignal {
  const deadline = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
