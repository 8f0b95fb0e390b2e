/**
 * The one reader of an HTTP request body, for every server of ours (the Slack front, the Coufun
 * sandbox, the workbench's stand-in): at most `limit` bytes, optionally within a deadline, the
 * result a value (never a rejection), so a slow or huge upload cannot hold memory or a socket.
 */
import type { IncomingMessage } from 'node:http';
import { DeadlineError, withDeadline } from '../time/deadline.js';

export type BodyResult =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly reason: 'too_large' | 'timeout' | 'aborted' };

export interface ReadBodyOptions {
  /** Bytes allowed; more is `too_large`. */
  readonly limit: number;
  /** All of it within this long, else `timeout`; default no deadline of ours. */
  readonly timeoutMs?: number;
  /**
   * Past the limit, keep reading (and dropping) until the body ends, so the client gets to read
   * the 413 instead of a reset; past this many bytes in all, the connection is cut (`aborted`).
   * Without it, `too_large` is decided at once and the request left paused.
   */
  readonly drainUpTo?: number;
}

/**
 * Buffer `req`'s body. On failure the request stream is left paused (or destroyed past
 * `drainUpTo`); the caller answers and closes the connection.
 */
export async function readBody(req: IncomingMessage, options: ReadBodyOptions): Promise<BodyResult> {
  const { limit, drainUpTo } = options;
  let stop = (_result: BodyResult): void => undefined;
  const reading = new Promise<BodyResult>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    stop = (result) => {
      if (done) return;
      done = true;
      req.off('data', onData).off('end', onEnd).off('error', onAbort).off('close', onClose);
      if (!result.ok) req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (drainUpTo === undefined) stop({ ok: false, reason: 'too_large' });
      else if (size > drainUpTo) {
        stop({ ok: false, reason: 'aborted' });
        req.destroy();
      }
    };
    const onEnd = (): void => stop(size > limit ? { ok: false, reason: 'too_large' } : { ok: true, body: Buffer.concat(chunks, size) });
    const onAbort = (): void => stop({ ok: false, reason: 'aborted' });
    const onClose = (): void => {
      if (!req.complete) onAbort();
    };
    req.on('data', onData).on('end', onEnd).on('error', onAbort).on('close', onClose);
  });
  try {
    return await withDeadline(reading, options.timeoutMs, 'the request body');
  } catch (e) {
    if (!(e instanceof DeadlineError)) throw e;
    const timedOut = { ok: false, reason: 'timeout' } as const;
    stop(timedOut);
    return timedOut;
  }
}
