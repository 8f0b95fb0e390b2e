/**
 * A deadline for one Redis operation that a busy event loop cannot fake. A timer that fires
 * late because this process was busy (a burst, a GC pause) would blame Redis for our stall:
 * its answer may already sit in the socket buffer. So when the timer fires, the verdict waits
 * one more turn of the loop (`setImmediate` runs after pending I/O has been read), and only an
 * operation still unanswered then counts as timed out.
 */

/** Thrown when Redis did not answer within the deadline. */
export class RedisTimeoutError extends Error {
  readonly code = 'REDIS_TIMEOUT';
  constructor(ms: number) {
    super(`Redis did not answer within ${ms} ms`);
    this.name = 'RedisTimeoutError';
  }
}

export function withDeadline<T>(operation: Promise<T>, ms: number | undefined): Promise<T> {
  // No deadline of ours: the client's own timeout decides.
  if (ms === undefined) return operation;
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (settled) return;
        settled = true;
        reject(new RedisTimeoutError(ms));
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
