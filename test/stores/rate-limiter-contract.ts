/**
 * The behaviour every RateLimiter must have (memory and Redis run the same suite): a sliding
 * one-minute window per user, all-or-nothing costs, `check` recording nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/time/clock.js';
import { RATE_WINDOW_MS, type RateLimiter } from '../../src/stores/types.js';

export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return {
    clock: () => now,
    set: (t: number) => (now = t),
    advance: (ms: number) => (now += ms),
    get now() {
      return now;
    },
  };
}

/** `create(perMinute, clock)` builds a fresh limiter with its own empty state. */
export function rateLimiterContract(name: string, create: (perMinute: number, clock: Clock) => RateLimiter | Promise<RateLimiter>): void {
  describe(`${name} (RateLimiter contract)`, () => {
    const W = RATE_WINDOW_MS;
    const make = create;

    it('allows up to the limit per user, then refuses', async () => {
      const c = manualClock();
      const rl = await make(3, c.clock);
      expect(await rl.take('U1')).toEqual({ ok: true });
      expect(await rl.take('U1')).toEqual({ ok: true });
      expect(await rl.take('U1')).toEqual({ ok: true });
      expect((await rl.take('U1')).ok).toBe(false);
      // Other users have their own budget.
      expect(await rl.take('U2')).toEqual({ ok: true });
    });

    it('slides: a hit frees up exactly one window after it was taken', async () => {
      const c = manualClock();
      const t0 = c.now;
      const rl = await make(2, c.clock);
      await rl.take('U1');
      c.advance(10_000);
      await rl.take('U1');
      const refused = await rl.take('U1');
      expect(refused).toEqual({ ok: false, retryAtMs: t0 + W });

      c.set(t0 + W - 1);
      expect((await rl.check('U1')).ok).toBe(false);
      c.set(t0 + W);
      expect(await rl.check('U1')).toEqual({ ok: true });
      expect(await rl.take('U1')).toEqual({ ok: true });
      // The second hit (t0 + 10 s) is still inside; the new one too: full again.
      expect(await rl.take('U1')).toEqual({ ok: false, retryAtMs: t0 + 10_000 + W });
    });

    it('check records nothing; take records', async () => {
      const c = manualClock();
      const rl = await make(1, c.clock);
      for (let i = 0; i < 5; i += 1) expect(await rl.check('U1')).toEqual({ ok: true });
      expect(await rl.take('U1')).toEqual({ ok: true });
      expect((await rl.check('U1')).ok).toBe(false);
    });

    it('a refused take records nothing (it does not push retryAt further)', async () => {
      const c = manualClock();
      const t0 = c.now;
      const rl = await make(1, c.clock);
      await rl.take('U1');
      for (let i = 0; i < 10; i += 1) {
        c.advance(1000);
        expect(await rl.take('U1')).toEqual({ ok: false, retryAtMs: t0 + W });
      }
      c.set(t0 + W);
      expect(await rl.take('U1')).toEqual({ ok: true });
    });

    it('takes a multi-unit cost all or nothing, with retryAt when enough frees up', async () => {
      const c = manualClock();
      const t0 = c.now;
      const rl = await make(5, c.clock);
      await rl.take('U1', 2); // t0: 2 units
      c.advance(20_000);
      await rl.take('U1', 2); // t0+20 s: 2 units → 4 used
      // 3 more need 2 to leave: both t0 hits must go.
      expect(await rl.take('U1', 3)).toEqual({ ok: false, retryAtMs: t0 + W });
      expect(await rl.take('U1', 1)).toEqual({ ok: true }); // the refused 3 took nothing
      // Now 5 used; 4 more need 4 to leave: the t0+20 s pair must go too.
      expect(await rl.check('U1', 4)).toEqual({ ok: false, retryAtMs: t0 + 20_000 + W });
      c.set(t0 + W);
      expect(await rl.check('U1', 2)).toEqual({ ok: true });
      expect((await rl.check('U1', 3)).ok).toBe(false);
    });

    it('a cost above the per-minute limit can never fit: retry a full window later', async () => {
      const c = manualClock();
      const rl = await make(3, c.clock);
      expect(await rl.take('U1', 4)).toEqual({ ok: false, retryAtMs: c.now + W });
      expect(await rl.take('U1', 3)).toEqual({ ok: true });
    });
  });
}
