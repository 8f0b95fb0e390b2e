import { describe, expect, it } from 'vitest';
import { isChannelAllowed, parseAllowlist, RateLimiter } from '../../src/slack/policy.js';

describe('parseAllowlist', () => {
  it('unset → no channel allowed, no problem', () => {
    const { allowlist, problems } = parseAllowlist(undefined);
    expect(allowlist).toEqual({ all: false, ids: new Set() });
    expect(problems).toEqual([]);
    expect(isChannelAllowed(allowlist, 'C0123ABCD')).toBe(false);
  });

  it('"*" alone (spaces allowed) → every channel', () => {
    for (const raw of ['*', ' * ', '*,', ', *']) {
      const { allowlist, problems } = parseAllowlist(raw);
      expect(allowlist, raw).toEqual({ all: true });
      expect(problems).toEqual([]);
    }
  });

  it('comma-separated IDs, trimmed, empty items skipped, duplicates collapsed', () => {
    const { allowlist, problems } = parseAllowlist(' C0123ABCD , G0ABCDEFG,,D0ZZZ99, C0123ABCD ');
    expect(problems).toEqual([]);
    expect(allowlist.all).toBe(false);
    if (allowlist.all) return;
    expect([...allowlist.ids]).toEqual(['C0123ABCD', 'G0ABCDEFG', 'D0ZZZ99']);
  });

  it.each([
    ['lower case', 'c0123abcd'],
    ['user ID', 'U0123ABCD'],
    ['channel name', '#general'],
    ['too short', 'C1'],
    ['a URL', 'https://x.slack.com/archives/C0123ABCD'],
  ])('reports a bad ID (%s) and keeps the good ones', (_name, bad) => {
    const { allowlist, problems } = parseAllowlist(`C0123ABCD,${bad}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`"${bad}"`);
    expect(allowlist).toEqual({ all: false, ids: new Set(['C0123ABCD']) });
  });

  it('"*" mixed with IDs is a problem, not a wildcard', () => {
    const { allowlist, problems } = parseAllowlist('*,C0123ABCD');
    expect(allowlist.all).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"*"');
  });

  it('lists every bad ID at once', () => {
    expect(parseAllowlist('x,y,C0123ABCD,z').problems).toHaveLength(3);
  });
});

describe('isChannelAllowed', () => {
  const some = parseAllowlist('C0123ABCD,G0ABCDEFG').allowlist;
  it('allows listed channels only', () => {
    expect(isChannelAllowed(some, 'C0123ABCD')).toBe(true);
    expect(isChannelAllowed(some, 'G0ABCDEFG')).toBe(true);
    expect(isChannelAllowed(some, 'C9999ZZZZ')).toBe(false);
    expect(isChannelAllowed(some, undefined)).toBe(false);
  });

  it('"*" allows any channel, even an unknown one', () => {
    const all = parseAllowlist('*').allowlist;
    expect(isChannelAllowed(all, 'C9999ZZZZ')).toBe(true);
    expect(isChannelAllowed(all, undefined)).toBe(true);
  });
});

/** A clock the test moves by hand. */
function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { clock: () => now, set: (t: number) => (now = t), advance: (ms: number) => (now += ms), get now() { return now; } };
}

describe('RateLimiter', () => {
  const W = RateLimiter.WINDOW_MS;

  it('the window is one minute', () => {
    expect(W).toBe(60_000);
  });

  it('allows up to the limit per user, then refuses', () => {
    const c = manualClock();
    const rl = new RateLimiter(3, c.clock);
    expect(rl.take('U1')).toEqual({ ok: true });
    expect(rl.take('U1')).toEqual({ ok: true });
    expect(rl.take('U1')).toEqual({ ok: true });
    expect(rl.take('U1').ok).toBe(false);
    // Other users have their own budget.
    expect(rl.take('U2')).toEqual({ ok: true });
  });

  it('slides: a hit frees up exactly one window after it was taken', () => {
    const c = manualClock();
    const t0 = c.now;
    const rl = new RateLimiter(2, c.clock);
    rl.take('U1');
    c.advance(10_000);
    rl.take('U1');
    const refused = rl.take('U1');
    expect(refused).toEqual({ ok: false, retryAtMs: t0 + W });

    c.set(t0 + W - 1);
    expect(rl.check('U1').ok).toBe(false);
    c.set(t0 + W);
    expect(rl.check('U1')).toEqual({ ok: true });
    expect(rl.take('U1')).toEqual({ ok: true });
    // The second hit (t0 + 10 s) is still inside; the new one too: full again.
    expect(rl.take('U1')).toEqual({ ok: false, retryAtMs: t0 + 10_000 + W });
  });

  it('check records nothing; take records', () => {
    const c = manualClock();
    const rl = new RateLimiter(1, c.clock);
    for (let i = 0; i < 5; i += 1) expect(rl.check('U1')).toEqual({ ok: true });
    expect(rl.take('U1')).toEqual({ ok: true });
    expect(rl.check('U1').ok).toBe(false);
  });

  it('a refused take records nothing (it does not push retryAt further)', () => {
    const c = manualClock();
    const t0 = c.now;
    const rl = new RateLimiter(1, c.clock);
    rl.take('U1');
    for (let i = 0; i < 10; i += 1) {
      c.advance(1000);
      expect(rl.take('U1')).toEqual({ ok: false, retryAtMs: t0 + W });
    }
    c.set(t0 + W);
    expect(rl.take('U1')).toEqual({ ok: true });
  });

  it('takes a multi-unit cost all or nothing, with retryAt when enough frees up', () => {
    const c = manualClock();
    const t0 = c.now;
    const rl = new RateLimiter(5, c.clock);
    rl.take('U1', 2); // t0: 2 units
    c.advance(20_000);
    rl.take('U1', 2); // t0+20 s: 2 units → 4 used
    // 3 more need 2 to leave: both t0 hits must go.
    expect(rl.take('U1', 3)).toEqual({ ok: false, retryAtMs: t0 + W });
    expect(rl.take('U1', 1)).toEqual({ ok: true }); // the refused 3 took nothing
    // Now 5 used; 4 more need 4 to leave: the t0+20 s pair must go too.
    expect(rl.check('U1', 4)).toEqual({ ok: false, retryAtMs: t0 + 20_000 + W });
    c.set(t0 + W);
    expect(rl.check('U1', 2)).toEqual({ ok: true });
    expect(rl.check('U1', 3).ok).toBe(false);
  });

  it('a cost above the per-minute limit can never fit: retry a full window later', () => {
    const c = manualClock();
    const rl = new RateLimiter(3, c.clock);
    expect(rl.take('U1', 4)).toEqual({ ok: false, retryAtMs: c.now + W });
    expect(rl.take('U1', 3)).toEqual({ ok: true });
  });

  it('forgets idle users without changing their budget', () => {
    const c = manualClock();
    const t0 = c.now;
    const rl = new RateLimiter(1, c.clock);
    for (let i = 0; i < 100; i += 1) rl.take(`U${i}`);
    expect((rl as unknown as { hits: Map<string, number[]> }).hits.size).toBe(100);
    c.set(t0 + 2 * W);
    expect(rl.take('Unew')).toEqual({ ok: true });
    // The sweep dropped everyone whose hits left the window; only the new user remains.
    expect((rl as unknown as { hits: Map<string, number[]> }).hits.size).toBe(1);
    expect(rl.take('U1')).toEqual({ ok: true });
  });
});
