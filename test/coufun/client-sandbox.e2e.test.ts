/** The client against the built-in sandbox over real loopback HTTP: every fault seed, end to end. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCoufunClient, type CoufunClient } from '../../src/coufun/client.js';
import { BadResponseError, HttpStatusError, NetworkError, OversizeError, TimeoutError } from '../../src/coufun/errors.js';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { SANDBOX_SEEDS } from '../../src/coufun/sandbox/seeds.js';
import { SANDBOX_POC_ID } from '../../src/coufun/environments.js';

let sandbox: SandboxHandle;
let client: CoufunClient;

beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0, slowMs: 50 });
  client = createCoufunClient({ url: sandbox.url, timeoutMs: 5000, env: {}, sleep: async () => {} });
});
afterAll(async () => {
  await client.close();
  await sandbox.close();
});
beforeEach(() => sandbox.resetStats());

/** The request for a seeded barcode, with the GOODS_ID the seed belongs to. */
function seed(barcode: string): { pocId: string; goodsId: string; barcode: string } {
  const found = SANDBOX_SEEDS.find((s) => s.barcode === barcode);
  if (!found) throw new Error(`no sandbox seed ${barcode}`);
  return { pocId: SANDBOX_POC_ID, goodsId: found.goodsId, barcode };
}

describe('client × sandbox: answers', () => {
  it('parses every coupon seed into a success with orders', async () => {
    const coupons = SANDBOX_SEEDS.filter((s) => s.group === 'coupon');
    expect(coupons.length).toBeGreaterThan(0);
    for (const s of coupons) {
      const result = await client.query(seed(s.barcode));
      expect(result.ok, s.barcode).toBe(true);
      if (result.ok) expect(result.orders.length, s.barcode).toBeGreaterThan(0);
    }
  });

  it('parses a synthetic SIM barcode', async () => {
    const result = await client.query({ ...seed('SIM00000001'), barcode: 'SIM12345678' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.orders[0]?.barcode).toBe('SIM12345678');
  });

  it('returns vendor codes as values, without retrying', async () => {
    await expect(client.query(seed('ERR01-IP'))).resolves.toMatchObject({ ok: false, code: '01' });
    await expect(client.query(seed('ERR77-UNKNOWN'))).resolves.toMatchObject({ ok: false, code: '77' });
    await expect(client.query({ ...seed('ERR01-IP'), pocId: 'OTHER' })).resolves.toMatchObject({ ok: false, code: '02' });
    expect(sandbox.requestCount()).toBe(3);
  });
});

describe('client × sandbox: retries', () => {
  it('retries FLAKY-50 (vendor code 50 once) into a success', async () => {
    await expect(client.query(seed('FLAKY-50'))).resolves.toMatchObject({ ok: true });
    expect(sandbox.requestCount('FLAKY-50')).toBe(2);
  });

  it('retries FLAKY-500 (HTTP 500 once) into a success', async () => {
    await expect(client.query(seed('FLAKY-500'))).resolves.toMatchObject({ ok: true });
    expect(sandbox.requestCount('FLAKY-500')).toBe(2);
  });

  it('gives up on FAULT-500 with HttpStatusError after two retries', async () => {
    const error = await client.query(seed('FAULT-500')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(500);
    expect(sandbox.requestCount('FAULT-500')).toBe(3);
  });

  it('retries FAULT-RESET (connection dropped mid-body) and reports NetworkError', async () => {
    await expect(client.query(seed('FAULT-RESET'))).rejects.toBeInstanceOf(NetworkError);
    expect(sandbox.requestCount('FAULT-RESET')).toBe(3);
  });
});

describe('client × sandbox: faults that are not retried', () => {
  it.each([
    ['FAULT-HTML', BadResponseError],
    ['FAULT-TRUNCATED', BadResponseError],
    ['FAULT-OVERSIZE', OversizeError],
  ] as const)('%s → %s, one request', async (barcode, type) => {
    await expect(client.query(seed(barcode))).rejects.toBeInstanceOf(type);
    expect(sandbox.requestCount(barcode)).toBe(1);
  });

  it('does not follow FAULT-REDIRECT', async () => {
    await expect(client.query(seed('FAULT-REDIRECT'))).rejects.toMatchObject({ name: 'HttpStatusError', status: 302 });
    expect(sandbox.requestCount()).toBe(1);
  });

  it('answers FAULT-SLOW when it fits the deadline', async () => {
    await expect(client.query(seed('FAULT-SLOW'))).resolves.toMatchObject({ ok: true });
  });

  it('times out on FAULT-HANG within its deadline, once', async () => {
    const short = createCoufunClient({ url: sandbox.url, timeoutMs: 300, env: {} });
    try {
      const error = await short.query(seed('FAULT-HANG')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).timeoutMs).toBe(300);
      expect(sandbox.requestCount('FAULT-HANG')).toBe(1);
    } finally {
      await short.close();
    }
  });
});
