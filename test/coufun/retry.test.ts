import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffMs, nextRetryDelay } from '../../src/coufun/retry.js';

describe('backoffMs', () => {
  it('doubles from 100 ms with no jitter at random 0.5', () => {
    expect([0, 1, 2, 3].map((a) => backoffMs(a, () => 0.5))).toEqual([100, 200, 400, 800]);
  });

  it('jitters by ±50 %', () => {
    expect(backoffMs(1, () => 0)).toBe(100);
    expect(backoffMs(1, () => 0.999)).toBe(300);
  });

  it('is capped, and clamps a misbehaving random source', () => {
    expect(backoffMs(20, () => 0.999)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(0, () => -3)).toBe(50);
    expect(backoffMs(0, () => 7)).toBe(150);
  });
});

describe('nextRetryDelay', () => {
  const half = (): number => 0.5;

  it('gives a pause while retries remain and stops after maxRetries', () => {
    expect(nextRetryDelay(0, 2, 5000, half)).toBe(100);
    expect(nextRetryDelay(1, 2, 5000, half)).toBe(200);
    expect(nextRetryDelay(2, 2, 5000, half)).toBeNull();
    expect(nextRetryDelay(0, 0, 5000, half)).toBeNull();
  });

  it('never allows more than two retries', () => {
    expect(nextRetryDelay(2, 10, 5000, half)).toBeNull();
  });

  it('stops rather than sleeping up to or past the deadline', () => {
    expect(nextRetryDelay(0, 2, 101, half)).toBe(100);
    expect(nextRetryDelay(0, 2, 100, half)).toBeNull();
    expect(nextRetryDelay(0, 2, -5, half)).toBeNull();
  });
});
