/** sleep: the one pause; it waits, and stops when its signal aborts. */
import { describe, expect, it } from 'vitest';
import { sleep } from '../../src/time/sleep.js';

describe('sleep', () => {
  it('resolves after the pause, after timers already due', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await sleep(5);
    order.push('slept');
    expect(order).toEqual(['timer', 'slept']);
  });

  it('treats a negative pause as none', async () => {
    await expect(sleep(-10)).resolves.toBeUndefined();
  });

  it('rejects with an AbortError carrying the signal’s reason when it aborts first', async () => {
    const stop = new AbortController();
    const slept = sleep(60_000, { signal: stop.signal, unref: true });
    const reason = new Error('closing');
    stop.abort(reason);
    const e = await slept.catch((err: unknown) => err);
    expect((e as Error).name).toBe('AbortError');
    expect((e as Error).cause).toBe(reason);
  });
});
