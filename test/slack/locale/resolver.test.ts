import { describe, expect, it } from 'vitest';
import { createLocaleResolver, localeFromSlack, type UserInfoFn } from '../../../src/slack/locale/resolver.js';

describe('localeFromSlack', () => {
  it.each([
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['EN-us', 'en'],
    ['en', 'en'],
    ['ko-KR', 'ko'],
    ['ja-JP', 'ko'],
    ['es-ES', 'ko'],
    ['', 'ko'],
    [undefined, 'ko'],
  ] as const)('%j → %s', (slack, locale) => {
    expect(localeFromSlack(slack)).toBe(locale);
  });
});

/** users.info stand-in: records calls, answers from a table or fails, resolves when the test says. */
function fakeUserInfo(locales: Record<string, string | undefined>, failFor: ReadonlySet<string> = new Set()) {
  const calls: string[] = [];
  const gates: Array<() => void> = [];
  let held = false;
  const fn: UserInfoFn = async (userId) => {
    calls.push(userId);
    if (held) await new Promise<void>((r) => gates.push(r));
    if (failFor.has(userId))
      throw Object.assign(new Error('An API error occurred: missing_scope'), { code: 'slack_webapi_platform_error' });
    return { locale: locales[userId] };
  };
  return {
    fn,
    calls,
    hold: () => (held = true),
    release: () => {
      held = false;
      for (const g of gates.splice(0)) g();
    },
  };
}

function manualClock(start = 1_700_000_000_000) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
}

describe('createLocaleResolver', () => {
  it('asks Slack once per user and caches the answer', async () => {
    const info = fakeUserInfo({ U1: 'en-US', U2: 'ko-KR' });
    const r = createLocaleResolver(info.fn, { clock: manualClock().clock });
    expect(await r.localeOf('U1')).toBe('en');
    expect(await r.localeOf('U1')).toBe('en');
    expect(await r.localeOf('U2')).toBe('ko');
    expect(await r.localeOf('U2')).toBe('ko');
    expect(info.calls).toEqual(['U1', 'U2']);
  });

  it('a user without a locale is answered in Korean', async () => {
    const info = fakeUserInfo({});
    const r = createLocaleResolver(info.fn, { clock: manualClock().clock });
    expect(await r.localeOf('U1')).toBe('ko');
  });

  it('concurrent calls for one user share a single users.info', async () => {
    const info = fakeUserInfo({ U1: 'en-GB' });
    info.hold();
    const r = createLocaleResolver(info.fn, { clock: manualClock().clock });
    const all = Promise.all([r.localeOf('U1'), r.localeOf('U1'), r.localeOf('U1')]);
    await Promise.resolve();
    expect(r.peek('U1')).toBeUndefined();
    info.release();
    expect(await all).toEqual(['en', 'en', 'en']);
    expect(info.calls).toEqual(['U1']);
  });

  it('on failure: Korean, onError told, never rejects, and the failure is cached briefly', async () => {
    const c = manualClock();
    const info = fakeUserInfo({}, new Set(['U1']));
    const errors: unknown[] = [];
    const r = createLocaleResolver(info.fn, { clock: c.clock, failureTtlMs: 1000, onError: (e) => errors.push(e) });
    await expect(r.localeOf('U1')).resolves.toBe('ko');
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toContain('missing_scope');

    await r.localeOf('U1');
    expect(info.calls).toHaveLength(1);
    c.advance(1000);
    await r.localeOf('U1');
    expect(info.calls).toHaveLength(2);
    expect(errors).toHaveLength(2);
  });

  it('failure without onError still resolves to Korean', async () => {
    const info = fakeUserInfo({}, new Set(['U1']));
    const r = createLocaleResolver(info.fn, { clock: manualClock().clock });
    await expect(r.localeOf('U1')).resolves.toBe('ko');
  });

  it('a success is kept for ttlMs, then asked again', async () => {
    const c = manualClock();
    const locales: Record<string, string> = { U1: 'en-US' };
    const info = fakeUserInfo(locales);
    const r = createLocaleResolver(info.fn, { clock: c.clock, ttlMs: 5000 });
    await r.localeOf('U1');
    locales.U1 = 'ko-KR';
    c.advance(4999);
    expect(await r.localeOf('U1')).toBe('en');
    c.advance(1);
    expect(await r.localeOf('U1')).toBe('ko');
    expect(info.calls).toEqual(['U1', 'U1']);
  });

  it('the default TTLs: six hours for an answer, ten minutes for a failure', async () => {
    const c = manualClock();
    const info = fakeUserInfo({ U1: 'en-US' }, new Set(['U2']));
    const r = createLocaleResolver(info.fn, { clock: c.clock });
    await r.localeOf('U1');
    await r.localeOf('U2');
    c.advance(10 * 60_000 - 1);
    expect(r.peek('U2')).toBe('ko');
    c.advance(1);
    expect(r.peek('U2')).toBeUndefined();
    c.advance(6 * 60 * 60_000 - 10 * 60_000 - 1);
    expect(r.peek('U1')).toBe('en');
    c.advance(1);
    expect(r.peek('U1')).toBeUndefined();
  });

  it('peek never calls Slack: undefined until an answer is cached', async () => {
    const info = fakeUserInfo({ U1: 'en-US' });
    const r = createLocaleResolver(info.fn, { clock: manualClock().clock });
    expect(r.peek('U1')).toBeUndefined();
    expect(info.calls).toEqual([]);
    await r.localeOf('U1');
    expect(r.peek('U1')).toBe('en');
    expect(info.calls).toEqual(['U1']);
  });

  it('keeps at most maxEntries users, dropping the oldest', async () => {
    const info = fakeUserInfo({ U1: 'en', U2: 'en', U3: 'en' });
    const r = createLocaleResolver(info.fn, { clock: manualClock().clock, maxEntries: 2 });
    await r.localeOf('U1');
    await r.localeOf('U2');
    await r.localeOf('U3');
    expect(r.peek('U1')).toBeUndefined();
    expect(r.peek('U2')).toBe('en');
    expect(r.peek('U3')).toBe('en');
  });
});

describe('createLocaleResolver: never rejects', () => {
  it('even when userInfo throws synchronously', async () => {
    const errors: unknown[] = [];
    const r = createLocaleResolver(
      (() => {
        throw new Error('sync failure');
      }) as UserInfoFn,
      { clock: manualClock().clock, onError: (e) => errors.push(e) },
    );
    await expect(r.localeOf('U1')).resolves.toBe('ko');
    expect(errors).toHaveLength(1);
  });

  it('even when onError itself throws', async () => {
    const info = fakeUserInfo({}, new Set(['U1']));
    const r = createLocaleResolver(info.fn, {
      clock: manualClock().clock,
      onError: () => {
        throw new Error('logger broke');
      },
    });
    await expect(r.localeOf('U1')).resolves.toBe('ko');
  });

  it('a refreshed user does not push another user out of a full cache', async () => {
    const c = manualClock();
    const info = fakeUserInfo({ U1: 'en' }, new Set(['U2']));
    const r = createLocaleResolver(info.fn, { clock: c.clock, maxEntries: 2, ttlMs: 1000, failureTtlMs: 100 });
    await r.localeOf('U1');
    await r.localeOf('U2');
    c.advance(100); // U2's failure expired, U1 still fresh
    await r.localeOf('U2');
    expect(info.calls).toEqual(['U1', 'U2', 'U2']);
    expect(r.peek('U1')).toBe('en');
    expect(r.peek('U2')).toBe('ko');
  });
});
