import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../../../src/stores/memory/rate-limiter.js';
import { RATE_WINDOW_MS } from '../../../src/stores/types.js';
import { manualClock, rateLimiterContract } from '../rate-limiter-contract.js';

rateLimiterContract('MemoryRateLimiter', (perMinute, clock) => new MemoryRateLimiter(perMinute, clock));

describe('MemoryRateLimiter', () => {
  const W = RATE_WINDOW_MS;

  it('the window is one minute', async () => {
    expect(W).toBe(60_000);
  });

  it('forgets idle users without changing their budget', async () => {
    const c = manualClock();
    const t0 = c.now;
    const rl = new MemoryRateLimiter(1, c.clock);
    for (let i = 0; i < 100; i += 1) await rl.take(`U${i}`);
    expect((rl as unknown as { hits: Map<string, number[]> }).hits.size).toBe(100);
    c.set(t0 + 2 * W);
    expect(await rl.take('Unew')).toEqual({ ok: true });
    // The sweep dropped everyone whose hits left the window; only the new user remains.
    expect((rl as unknown as { hits: Map<string, number[]> }).hits.size).toBe(1);
    expect(await rl.take('U1')).toEqual({ ok: true });
  });
});
