import { describe, expect, it } from 'vitest';
import type { CoufunClient } from '../../src/coufun/client.js';
import { InternalError, NetworkError, TimeoutError, ValidationError, VendorError } from '../../src/coufun/errors.js';
import type { CoufunRequest, CoufunResult } from '../../src/coufun/types.js';
import { createLookupService } from '../../src/lookup/service.js';
import { order, success } from '../support/vendor-answers.js';

const GOODS = '0000133518';

const failure = (code: string): CoufunResult => ({ ok: false, code, message: `실패 ${code}` });

type Answer = (req: CoufunRequest) => CoufunResult | Promise<CoufunResult>;

/** A scripted client: each call takes the next answer (the last one repeats) and 40 ms of clock. */
function setup(answers: Answer[], options: { ttl?: number; maxCacheEntries?: number } = {}) {
  const clockState = { now: 1_700_000_000_000 };
  const calls: CoufunRequest[] = [];
  let closed = false;
  const client: CoufunClient = {
    async query(req) {
      calls.push(req);
      const answer = answers[Math.min(calls.length, answers.length) - 1];
      if (!answer) throw new Error('no scripted answer');
      const result = await answer(req);
      clockState.now += 40;
      return result;
    },
    async close() {
      closed = true;
    },
  };
  const service = createLookupService({
    client,
    env: 'test',
    pocId: 'POC01',
    cacheTtlMs: options.ttl ?? 15_000,
    maxCacheEntries: options.maxCacheEntries,
    clock: () => clockState.now,
  });
  return { service, calls, clockState, isClosed: () => closed };
}

const throwing =
  (error: unknown): Answer =>
  () => {
    throw error;
  };

describe('lookup: outcomes', () => {
  it('returns a success with orders and meta', async () => {
    const { service, calls, clockState } = setup([success]);
    const start = clockState.now;
    const outcome = await service.lookup(GOODS, 'B1');

    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.orders[0]?.barcode).toBe('B1');
    expect(outcome.vendorMessage).toBe('SUCCESS');
    expect(outcome.meta).toEqual({ env: 'test', latencyMs: 40, cacheHit: false, answeredAt: start + 40 });
    expect(calls).toEqual([{ pocId: 'POC01', goodsId: GOODS, barcode: 'B1' }]);
  });

  it('returns a ValidationError outcome without calling the vendor', async () => {
    const { service, calls } = setup([success]);
    const outcome = await service.lookup(GOODS, 'B 1');

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(ValidationError);
    expect(outcome.meta.latencyMs).toBe(0);
    expect(calls).toHaveLength(0);
    expect(service.health()).toEqual({ consecutiveFailures: 0, lookups: 1, vendorRequests: 0 });
  });

  it('turns a vendor failure into a VendorError with the code table entry', async () => {
    const { service } = setup([() => failure('01')]);
    const outcome = await service.lookup(GOODS, 'B1');

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(VendorError);
    const error = outcome.error as VendorError;
    expect(error.vendorCode).toBe('01');
    expect(error.vendorMessage).toBe('실패 01');
    expect(error.info.audience).toBe('operator');
    expect(outcome.meta.latencyMs).toBe(40);
  });

  it('passes a transport error through as is', async () => {
    const timeout = new TimeoutError(5000);
    const { service } = setup([throwing(timeout)]);
    const outcome = await service.lookup(GOODS, 'B1');

    expect(outcome).toMatchObject({ ok: false, error: timeout });
  });

  it('wraps a non-Coufun error (a bug) into InternalError with a reference, keeping the cause, not counted against the vendor', async () => {
    const bug = new TypeError('x is undefined');
    const { service } = setup([throwing(bug)]);
    const outcome = await service.lookup(GOODS, 'B1');

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toBeInstanceOf(InternalError);
    expect(outcome.error.code).toBe('INTERNAL');
    expect((outcome.error as InternalError).ref).toMatch(/^[0-9a-f]{8}$/);
    expect(outcome.error.cause).toBe(bug);
    expect(service.health().consecutiveFailures).toBe(0);
  });

  it('closes the client on close()', async () => {
    const { service, isClosed } = setup([success]);
    await service.close();
    expect(isClosed()).toBe(true);
  });
});

describe('lookup: cache', () => {
  it('answers from the cache within the TTL, keeping the original answeredAt', async () => {
    const { service, calls } = setup([success], { ttl: 1000 });
    const first = await service.lookup(GOODS, 'B1');
    const second = await service.lookup(GOODS, 'B1');

    expect(calls).toHaveLength(1);
    expect(second.meta.cacheHit).toBe(true);
    expect(second.meta.latencyMs).toBe(0);
    expect(second.meta.answeredAt).toBe(first.meta.answeredAt);
    expect(second.ok && second.orders[0]?.barcode).toBe('B1');
  });

  it('asks again once the TTL has passed', async () => {
    const { service, calls, clockState } = setup([success], { ttl: 1000 });
    await service.lookup(GOODS, 'B1');
    clockState.now += 1000;
    const again = await service.lookup(GOODS, 'B1');

    expect(calls).toHaveLength(2);
    expect(again.meta.cacheHit).toBe(false);
  });

  it('keys the cache by GOODS_ID and barcode', async () => {
    const { service, calls } = setup([success]);
    await service.lookup(GOODS, 'B1');
    await service.lookup(GOODS, 'B2');
    await service.lookup('0000999999', 'B1');
    expect(calls).toHaveLength(3);
  });

  it('skips the cache for fresh lookups, and refreshes it', async () => {
    const { service, calls } = setup([success]);
    await service.lookup(GOODS, 'B1');
    const fresh = await service.lookup(GOODS, 'B1', { fresh: true });
    const after = await service.lookup(GOODS, 'B1');

    expect(calls).toHaveLength(2);
    expect(fresh.meta.cacheHit).toBe(false);
    expect(after.meta.cacheHit).toBe(true);
    expect(after.meta.answeredAt).toBe(fresh.meta.answeredAt);
  });

  it('caches nothing when the TTL is 0', async () => {
    const { service, calls } = setup([success], { ttl: 0 });
    await service.lookup(GOODS, 'B1');
    await service.lookup(GOODS, 'B1');
    expect(calls).toHaveLength(2);
  });

  it('does not cache vendor failures or transport errors', async () => {
    const { service, calls } = setup([() => failure('16'), throwing(new TimeoutError(5000)), success]);
    expect((await service.lookup(GOODS, 'B1')).ok).toBe(false);
    expect((await service.lookup(GOODS, 'B1')).ok).toBe(false);
    expect((await service.lookup(GOODS, 'B1')).ok).toBe(true);
    expect(calls).toHaveLength(3);
  });

  it('evicts the oldest answer past maxCacheEntries', async () => {
    const { service, calls } = setup([success], { maxCacheEntries: 2 });
    await service.lookup(GOODS, 'B1');
    await service.lookup(GOODS, 'B2');
    await service.lookup(GOODS, 'B3');
    expect((await service.lookup(GOODS, 'B3')).meta.cacheHit).toBe(true);
    expect((await service.lookup(GOODS, 'B1')).meta.cacheHit).toBe(false);
    expect(calls).toHaveLength(4);
  });
});

describe('lookup: coalescing', () => {
  it('shares one vendor request among identical concurrent lookups', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { service, calls } = setup([async (req) => (await gate, success(req))]);

    const pending = [...Array.from({ length: 5 }, () => service.lookup(GOODS, 'B1')), service.lookup(GOODS, 'B2')];
    release();
    const outcomes = await Promise.all(pending);

    expect(calls.map((c) => c.barcode)).toEqual(['B1', 'B2']);
    expect(outcomes.every((o) => o.ok && !o.meta.cacheHit)).toBe(true);
    expect(service.health()).toMatchObject({ lookups: 6, vendorRequests: 2 });
  });

  it('shares a failure too, counting it once', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { service, calls } = setup([async () => (await gate, failure('50'))]);

    const pending = Array.from({ length: 4 }, () => service.lookup(GOODS, 'B1'));
    release();
    const outcomes = await Promise.all(pending);

    expect(calls).toHaveLength(1);
    expect(outcomes.every((o) => !o.ok && o.error instanceof VendorError)).toBe(true);
    expect(service.health().consecutiveFailures).toBe(1);
  });

  it('starts a new request once the shared one has settled', async () => {
    const { service, calls } = setup([() => failure('99')]);
    await service.lookup(GOODS, 'B1');
    await service.lookup(GOODS, 'B1');
    expect(calls).toHaveLength(2);
  });
});

/** A vendor answer held until the test releases it; `message` tells the answers apart. */
function held(message: string): { answer: Answer; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return { answer: async (req) => (await gate, { ok: true, code: '00', message, orders: [order(req.barcode)] }), release };
}

/** Let a lookup that was just called reach the vendor. */
const started = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('lookup: fresh lookups (the refresh button)', () => {
  it('do not join a request already in flight: they send their own', async () => {
    const old = held('OLD');
    const fresh = held('NEW');
    const { service, calls } = setup([old.answer, fresh.answer]);

    const first = service.lookup(GOODS, 'B1');
    await started(); // the cache is read (asynchronously) before the first request goes out
    const refreshed = service.lookup(GOODS, 'B1', { fresh: true });
    fresh.release();
    old.release();

    expect(calls).toHaveLength(2);
    expect(await refreshed).toMatchObject({ ok: true, vendorMessage: 'NEW' });
    expect(await first).toMatchObject({ ok: true, vendorMessage: 'OLD' });
    expect(service.health()).toMatchObject({ lookups: 2, vendorRequests: 2 });
  });

  it('lookups that follow join the fresh request, even after the older one has settled', async () => {
    const old = held('OLD');
    const fresh = held('NEW');
    const { service, calls } = setup([old.answer, fresh.answer, success]);

    const first = service.lookup(GOODS, 'B1');
    await started(); // the cache is read (asynchronously) before the first request goes out
    const refreshed = service.lookup(GOODS, 'B1', { fresh: true });
    old.release();
    await first;
    const later = service.lookup(GOODS, 'B1');
    fresh.release();

    expect(await later).toMatchObject({ ok: true, vendorMessage: 'NEW', meta: { cacheHit: false } });
    expect(await refreshed).toMatchObject({ ok: true, vendorMessage: 'NEW' });
    expect(calls).toHaveLength(2);
  });

  it('an older answer arriving last does not replace the fresh one in the cache', async () => {
    const old = held('OLD');
    const fresh = held('NEW');
    const { service, calls } = setup([old.answer, fresh.answer]);

    const first = service.lookup(GOODS, 'B1');
    await started(); // the cache is read (asynchronously) before the first request goes out
    const refreshed = service.lookup(GOODS, 'B1', { fresh: true });
    fresh.release();
    await refreshed;
    old.release();
    await first;

    expect(await service.lookup(GOODS, 'B1')).toMatchObject({ ok: true, vendorMessage: 'NEW', meta: { cacheHit: true } });
    expect(calls).toHaveLength(2);
  });

  it('a fresh lookup that fails leaves the cached answer to the next lookup', async () => {
    const { service, calls } = setup([success, () => failure('50')]);
    await service.lookup(GOODS, 'B1');

    expect((await service.lookup(GOODS, 'B1', { fresh: true })).ok).toBe(false);
    expect((await service.lookup(GOODS, 'B1')).meta.cacheHit).toBe(true);
    expect(calls).toHaveLength(2);
  });
});

describe('lookup: expiry of cached answers', () => {
  // 2023-11-15 23:30 KST; the coupon is valid through 2023-11-15 (KST).
  const BEFORE_MIDNIGHT = Date.parse('2023-11-15T23:30:00+09:00');
  const dated = (req: CoufunRequest): CoufunResult => ({
    ok: true,
    code: '00',
    message: 'SUCCESS',
    orders: [{ ...order(req.barcode), validEndDate: '2023-11-15', raw: { BARCODE_NUM: req.barcode, VALID_END_DATE: '20231115' } }],
  });

  it('re-judges `expired` with the current clock when serving an answer cached before KST midnight', async () => {
    const { service, clockState } = setup([dated], { ttl: 3_600_000 });
    clockState.now = BEFORE_MIDNIGHT;
    const first = await service.lookup(GOODS, 'B1');
    expect(first.ok && first.orders[0]?.expired).toBe(false);

    clockState.now = BEFORE_MIDNIGHT + 40 * 60_000; // 00:10 KST the next day, still within the TTL
    const cached = await service.lookup(GOODS, 'B1');

    expect(cached.meta.cacheHit).toBe(true);
    expect(cached.ok && cached.orders[0]).toMatchObject({ expired: true, validEndDate: '2023-11-15', barcode: 'B1' });
  });

  it('serves the cached orders as they are while nothing changed', async () => {
    const { service, clockState } = setup([dated], { ttl: 3_600_000 });
    clockState.now = BEFORE_MIDNIGHT;
    const first = await service.lookup(GOODS, 'B1');
    const again = await service.lookup(GOODS, 'B1');

    expect(again.meta.cacheHit).toBe(true);
    expect(again.ok && again.orders).toBe(first.ok && first.orders);
  });
});

describe('lookup: health', () => {
  it('counts operator, transient and transport failures in a row; any vendor answer for the user resets', async () => {
    const { service } = setup([
      throwing(new TimeoutError(5000)),
      () => failure('01'),
      () => failure('50'),
      () => failure('16'),
      throwing(new NetworkError('connection refused')),
      () => failure('77'),
      throwing(new NetworkError('connection refused')),
      success,
    ]);
    const trace: number[] = [];
    for (let i = 0; i < 8; i++) {
      await service.lookup(GOODS, `B${i}`);
      trace.push(service.health().consecutiveFailures);
    }
    expect(trace).toEqual([1, 2, 3, 0, 1, 0, 1, 0]);
    expect(service.health()).toEqual({ consecutiveFailures: 0, lookups: 8, vendorRequests: 8 });
  });

  it('does not count cache hits or invalid input as vendor requests', async () => {
    const { service } = setup([success]);
    await service.lookup(GOODS, 'B1');
    await service.lookup(GOODS, 'B1');
    await service.lookup('', 'B1');
    expect(service.health()).toEqual({ consecutiveFailures: 0, lookups: 3, vendorRequests: 1 });
  });
});
