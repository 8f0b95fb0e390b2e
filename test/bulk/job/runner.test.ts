/**
 * Pacing against a real HTTP vendor on loopback that records each request's arrival: the rate
 * and concurrency are never exceeded (requests counted per window, nothing timed), codes 09 and
 * 50 slow the job down and it recovers, and a vendor that stops answering stops the job after
 * the stall limit with what it had.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Pacer } from '../../../src/bulk/job/pacer.js';
import { runItems } from '../../../src/bulk/job/runner.js';
import type { BulkItem } from '../../../src/bulk/plan.js';
import { createCoufunClient } from '../../../src/coufun/client.js';
import { createLookupService } from '../../../src/lookup/service.js';
import type { LookupService } from '../../../src/lookup/types.js';
import { type Answer, type RecordingVendor, startRecordingVendor } from '../../support/recording-vendor.js';

const items = (n: number): BulkItem[] =>
  Array.from({ length: n }, (_, i) => ({ goodsId: '0000999999', barcode: `SIM${String(i).padStart(8, '0')}` }));

let vendor: RecordingVendor | undefined;
let service: LookupService | undefined;
afterEach(async () => {
  await service?.close({ force: true });
  await vendor?.close();
});

async function setUp(answer?: (n: number) => Answer, delayMs = 0, timeoutMs = 2000): Promise<LookupService> {
  vendor = await startRecordingVendor({ delayMs, ...(answer ? { answer } : {}) });
  const client = createCoufunClient({ url: vendor.url, timeoutMs, env: {} });
  service = createLookupService({ client, env: 'test', pocId: 'SANDBOX', cacheTtlMs: 0 });
  return service;
}

function run(lookup: LookupService, n: number, rate: number, concurrency: number, stallMs = 60_000) {
  const pacer = new Pacer({ ratePerSecond: rate, concurrency });
  const rates: number[] = [];
  const job = runItems({ items: items(n), lookup, pacer, stallMs, onItem: () => rates.push(pacer.currentRate) });
  return { job, rates, pacer };
}

describe('bulk runner: pacing against a recording vendor', () => {
  it('never more than R requests in any one-second window, none at once, at most C open; each item asked once', async () => {
    const lookup = await setUp(undefined, 20);
    const { job } = run(lookup, 60, 50, 3);
    const end = await job.finished;
    expect(end.outcome).toBe('completed');
    expect(end.results.size).toBe(60);
    expect(vendor!.arrivals).toHaveLength(60);
    expect(new Set(vendor!.arrivals.map((a) => a.barcode)).size).toBe(60);
    expect(vendor!.maxInWindow(1000)).toBeLessThanOrEqual(50);
    // Evenly spaced (no opening burst): a tenth of a second holds about five (connections opening
    // at the start may bunch a few arrivals), never the whole second's budget at once.
    expect(vendor!.maxInWindow(100)).toBeLessThanOrEqual(8);
    expect(vendor!.maxOpen()).toBeLessThanOrEqual(3);
  });

  it('concurrency is the bound when the vendor is slow', async () => {
    const lookup = await setUp(undefined, 120);
    const { job } = run(lookup, 16, 200, 2);
    expect((await job.finished).outcome).toBe('completed');
    expect(vendor!.maxOpen()).toBe(2);
  });

  it.each([['09'], ['50']])(
    'code %s halves the rate, the item is asked again, and a run of successes brings the rate back',
    async (code) => {
      const lookup = await setUp((n) => (n === 5 ? { kind: 'code', code } : { kind: 'ok' }));
      const { job, rates } = run(lookup, 30, 50, 1);
      const end = await job.finished;
      expect(end.outcome).toBe('completed');
      expect([...end.results.values()].every((r) => r.kind === 'answered')).toBe(true);
      // One refusal, its item asked again: 31 requests for 30 items.
      expect(vendor!.arrivals).toHaveLength(31);
      expect(Math.min(...rates)).toBe(25);
      expect(rates.at(-1)).toBe(50);
      expect(vendor!.maxInWindow(1000)).toBeLessThanOrEqual(50);
    },
  );

  it('an item refused every time is given up after a bounded number of attempts, as an error row', async () => {
    const lookup = await setUp((_n) => ({ kind: 'code', code: '50' }));
    const { job } = run(lookup, 1, 100, 2);
    const end = await job.finished;
    expect(end.outcome).toBe('completed');
    expect(end.results.get(0)).toMatchObject({ kind: 'failed', attempts: 4, error: { type: 'vendor', code: '50' } });
    expect(vendor!.arrivals).toHaveLength(4);
  });

  it('a vendor that stops answering stops the job after the stall limit, keeping what it had', async () => {
    const lookup = await setUp((n) => (n <= 10 ? { kind: 'ok' } : { kind: 'http500' }));
    const { job } = run(lookup, 50, 100, 2, 600);
    const end = await job.finished;
    expect(end.outcome).toBe('stalled');
    expect(end.reason).toMatch(/no answer from Coufun/);
    // The ten answered before it went down are kept; an item may also have used up its attempts.
    expect([...end.results.values()].filter((r) => r.kind === 'answered')).toHaveLength(10);
    expect(end.results.size).toBeLessThan(50);
    // Backed off to the floor: a handful of tries in the stall time, not a hammering.
    expect(vendor!.arrivals.length).toBeLessThan(30);
  });

  it('cancel stops new lookups; those in flight finish and are kept', async () => {
    const lookup = await setUp(undefined, 50);
    const { job } = run(lookup, 100, 50, 4);
    await new Promise((r) => setTimeout(r, 300));
    job.cancel('Ctrl-C');
    const end = await job.finished;
    expect(end.outcome).toBe('cancelled');
    expect(end.results.size).toBe(vendor!.arrivals.length);
    expect(end.results.size).toBeLessThan(100);
  });

  it('items already answered (a resume) are not asked again', async () => {
    const lookup = await setUp();
    const done = new Map([[0, { kind: 'answered', orders: [], message: '', answeredAt: 0, cacheHit: false } as const]]);
    const pacer = new Pacer({ ratePerSecond: 100, concurrency: 4 });
    const end = await runItems({ items: items(5), done, lookup, pacer, stallMs: 10_000 }).finished;
    expect(end.results.size).toBe(5);
    expect(vendor!.arrivals.map((a) => a.barcode)).not.toContain('SIM00000000');
    expect(vendor!.arrivals).toHaveLength(4);
  });
});
