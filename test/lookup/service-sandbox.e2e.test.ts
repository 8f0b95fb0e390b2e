/** The lookup service over a real client and the sandbox on loopback. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_POC_ID } from '../../src/coufun/environments.js';
import { createCoufunClient } from '../../src/coufun/client.js';
import { HttpStatusError, TimeoutError } from '../../src/coufun/errors.js';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { SANDBOX_GOODS } from '../../src/coufun/environments.js';
import { SANDBOX_SEEDS } from '../../src/coufun/sandbox/seeds.js';
import { createLookupService } from '../../src/lookup/service.js';
import type { LookupService } from '../../src/lookup/types.js';

/** A sandbox product: synthetic `SIM…` barcodes accept any. */
const GOODS = SANDBOX_GOODS[0]?.id ?? '';
const goodsOf = (barcode: string): string => SANDBOX_SEEDS.find((s) => s.barcode === barcode)?.goodsId ?? '';
let sandbox: SandboxHandle;
let service: LookupService;
let clock: { now: number };

beforeEach(async () => {
  clock = { now: Date.UTC(2025, 0, 15) };
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, delayMs: 20 });
  const client = createCoufunClient({ url: sandbox.url, timeoutMs: 500, env: {}, sleep: async () => {} });
  service = createLookupService({ client, env: 'sandbox', pocId: SANDBOX_POC_ID, cacheTtlMs: 10_000, clock: () => clock.now });
});
afterEach(async () => {
  await service.close();
  await sandbox.close();
});

describe('lookup service × sandbox', () => {
  it('coalesces 50 concurrent identical lookups into one vendor request', async () => {
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => service.lookup(GOODS, 'SIM00000042')));

    expect(outcomes.every((o) => o.ok && o.orders[0]?.barcode === 'SIM00000042')).toBe(true);
    expect(sandbox.requestCount()).toBe(1);
    expect(service.health()).toEqual({ consecutiveFailures: 0, lookups: 50, vendorRequests: 1 });
  });

  it('serves a repeat from the cache until the TTL passes', async () => {
    await service.lookup(GOODS, 'SIM00000042');
    const hit = await service.lookup(GOODS, 'SIM00000042');
    clock.now += 10_000;
    const miss = await service.lookup(GOODS, 'SIM00000042');

    expect(hit.meta).toMatchObject({ cacheHit: true, latencyMs: 0, env: 'sandbox' });
    expect(miss.meta.cacheHit).toBe(false);
    expect(sandbox.requestCount()).toBe(2);
  });

  it('reports faults as outcomes and counts them as consecutive failures', async () => {
    const failed = await service.lookup(goodsOf('FAULT-500'), 'FAULT-500');
    const hung = await service.lookup(goodsOf('FAULT-HANG'), 'FAULT-HANG');

    expect(failed.ok || failed.error).toBeInstanceOf(HttpStatusError);
    expect(hung.ok || hung.error).toBeInstanceOf(TimeoutError);
    expect(service.health().consecutiveFailures).toBe(2);
    expect((await service.lookup(GOODS, 'SIM00000042')).ok).toBe(true);
    expect(service.health().consecutiveFailures).toBe(0);
  });
});
