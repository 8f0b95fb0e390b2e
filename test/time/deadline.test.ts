/** withDeadline and deadlineSignal: a silent operation times out; a busy event loop does not count as a slow answer. */
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { DeadlineError, deadlineSignal, withDeadline } from '../../src/time/deadline.js';

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a stalled event loop: a burst of work, a long GC
  }
}

describe('withDeadline', () => {
  it('rejects with a DeadlineError naming what did not answer when nothing comes', async () => {
    const never = new Promise<never>(() => undefined);
    const e = await withDeadline(never, 20, 'Redis').catch((err: unknown) => err);
    expect(e).toBeInstanceOf(DeadlineError);
    expect((e as DeadlineError).code).toBe('TIMEOUT');
    expect((e as DeadlineError).message).toBe('Redis did not answer within 20 ms');
  });

  it('passes the answer and the error through', async () => {
    expect(await withDeadline(Promise.resolve('PONG'), 1000)).toBe('PONG');
    await expect(withDeadline(Promise.reject(new Error('WRONGTYPE')), 1000)).rejects.toThrow('WRONGTYPE');
  });

  it('without a deadline, is the operation itself', () => {
    const op = Promise.resolve(1);
    expect(withDeadline(op, undefined)).toBe(op);
  });

  it('an answer that arrived while this process was busy past the deadline still counts', async () => {
    // The answer is queued as I/O (a message port is a libuv handle, like a socket) before the
    // loop stalls; the late timer fires first in the next turn, then the I/O is read. Without the
    // extra turn the timer's verdict would blame the other side for our own stall.
    // Start in the loop's check phase, so the stalled loop's next stop is the timers phase
    // (the late timer fires before the I/O is read), whichever phase the test itself began in.
    await new Promise((resolve) => setImmediate(resolve));
    const { port1, port2 } = new MessageChannel();
    try {
      const answer = new Promise<unknown>((resolve) => port2.once('message', resolve));
      const answered = withDeadline(answer, 20);
      port1.postMessage('v');
      busyFor(150);
      expect(await answered).toBe('v');
    } finally {
      port1.close();
    }
  });
});

describe('deadlineSignal', () => {
  it('aborts with a TimeoutError after the deadline', async () => {
    const signal = deadlineSignal(10);
    await new Promise((resolve) => signal.addEventListener('abort', resolve));
    expect((signal.reason as Error).name).toBe('TimeoutError');
  });

  it('aborts with the caller’s reason when the caller aborts first', () => {
    const caller = new AbortController();
    const signal = deadlineSignal(60_000, caller.signal);
    caller.abort(new Error('gone'));
    expect(signal.aborted).toBe(true);
    expect((signal.reason as Error).message).toBe('gone');
  });
});
