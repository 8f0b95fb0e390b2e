import { describe, expect, it } from 'vitest';
import { closedLoop } from './load.js';
import type { LevelRow } from './measure.js';
import { parseBenchArgs } from './options.js';
import { evaluateTargets, type MemoryRow } from './report.js';
import { percentile, summarize } from './stats.js';

describe('stats', () => {
  it('takes nearest-rank percentiles', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile([7], 0.99)).toBe(7);
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('summarizes unsorted samples', () => {
    expect(summarize([3, 1, 2])).toEqual({ n: 3, p50: 2, p99: 3, max: 3 });
  });
});

describe('parseBenchArgs', () => {
  it('has the documented defaults', () => {
    const o = parseBenchArgs([]);
    expect([o.levels, o.delayMs, o.identical, o.json, o.users, o.vendorProcess, o.redis]).toEqual([
      [1, 10, 50],
      50,
      500,
      false,
      0,
      true,
      true,
    ]);
    expect(parseBenchArgs(['--no-redis']).redis).toBe(false);
    // Replicas must share one vendor to count its requests.
    expect(parseBenchArgs(['--vendor-in-bot']).redis).toBe(false);
    expect([o.requests(1), o.requests(10), o.requests(50)]).toEqual([100, 400, 1600]);
  });

  it('reads flags, with or without =', () => {
    const o = parseBenchArgs(['--requests', '30', '--delay=5', '--json', '--levels', '2,4']);
    expect([o.requests(1), o.requests(50), o.delayMs, o.json, o.levels]).toEqual([30, 30, 5, true, [2, 4]]);
  });

  it('rejects unknown flags and bad numbers', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/Unknown option --fast/);
    expect(() => parseBenchArgs(['--delay', '-1'])).toThrow(/--delay needs a whole number/);
    expect(() => parseBenchArgs(['--requests'])).toThrow(/--requests needs/);
  });
});

describe('closedLoop', () => {
  it('keeps at most `concurrency` calls in flight and returns results in request order', async () => {
    let inFlight = 0;
    let peak = 0;
    const { results } = await closedLoop(3, 10, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setImmediate(r));
      inFlight--;
      return i * 2;
    });
    expect(peak).toBe(3);
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
  });
});

describe('evaluateTargets', () => {
  const summary = (p50: number, p99: number) => ({ n: 100, p50, p99, max: p99 });
  const level = (bot: 'ours' | 'naive' | 'redis', concurrency: number, over: Partial<LevelRow> = {}): LevelRow => ({
    bot,
    concurrency,
    requests: 100,
    raw: summary(50, 60),
    ack: summary(2, 50),
    e2e: summary(51, 70),
    lookupsPerSec: 100,
    rawPerSec: 900,
    lost: 0,
    failedAcks: 0,
    errorCards: 0,
    cpuMsPerLookup: 1,
    loopBusy: 0.5,
    harnessBusy: 0.1,
    peakRssMb: 100,
    ...over,
  });
  const memory: MemoryRow[] = [
    { bot: 'ours', peakRssMb: 120, rssMb: 110, heapTotalMb: 40, heapUsedMb: 20, warnings: 0, warningSamples: [] },
  ];
  const identical = [
    { bot: 'ours', sent: 500, cards: 500, vendorRequests: 1, e2e: summary(60, 80), peakRssMb: 120 },
    { bot: 'redis×2', sent: 500, cards: 500, vendorRequests: 2, e2e: summary(60, 80), peakRssMb: 120 },
  ];

  it('passes every target when the numbers meet them', () => {
    const rows = [
      level('ours', 1),
      level('ours', 50, { lookupsPerSec: 200, cpuMsPerLookup: 0.6 }),
      level('naive', 50),
      level('redis', 1, { e2e: summary(52, 70) }),
      level('redis', 50, { e2e: summary(52, 70) }),
    ];
    const targets = evaluateTargets(rows, identical, memory);
    expect(targets).toHaveLength(11);
    expect(targets.filter((t) => !t.pass)).toEqual([]);
  });

  it('fails each target that is missed', () => {
    const rows = [
      level('ours', 1, { e2e: summary(52.5, 70) }),
      level('ours', 50, { lookupsPerSec: 150, ack: summary(5, 101), e2e: summary(76, 90), lost: 1 }),
      level('naive', 50),
      level('redis', 1, { e2e: summary(53.6, 70) }),
      level('redis', 50, { e2e: summary(77.1, 90) }),
    ];
    const targets = evaluateTargets(
      rows,
      [
        { ...identical[0]!, vendorRequests: 2 },
        { ...identical[1]!, vendorRequests: 3 },
      ],
      [{ ...memory[0]!, peakRssMb: 150 }],
    );
    expect(targets).toHaveLength(11);
    expect(targets.filter((t) => t.pass).map((t) => t.name)).toEqual([]);
  });
});
