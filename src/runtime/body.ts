/**
 * Reading a request body with a size limit and a deadline, and a shared byte budget for all
 * bodies in flight, so slow or huge uploads cannot hold memory or connections for long.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly reason: 'too_large' | 'timeout' | 'aborted' };

/**
 * Buffer `req`'s body: at most `limit` bytes (more → `too_large`), all of it within
 * `timeoutMs` (else `timeout`). On failure the request stream is left paused; the caller
 * answers and closes the connection.
 */
export function readBody(req: IncomingMessage, limit: number, timeoutMs: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) finish({ ok: false, reason: 'too_large' });
      else chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks, size) });
    const onAbort = (): void => finish({ ok: false, reason: 'aborted' });
    const onClose = (): void => {
      if (!req.complete) onAbort();
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
}

/** Bytes reserved by bodies being received; a request that would exceed the budget is refused. */
export class ByteBudget {
  private used = 0;
  constructor(private readonly capacity: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Reserve `n` bytes; false (and nothing reserved) when they do not fit. */
  take(n: number): boolean {
    if (this.used + n > this.capacity) return false;
    this.used += n;
    return true;
  }

  give(n: number): void {
    this.used = Math.max(0, this.used - n);
  }
}
