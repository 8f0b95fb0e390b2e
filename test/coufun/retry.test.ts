import { describe, expect, it } from 'vitest';
import {
  BACKOFF_CAP_MS,
  backoffMs,
  MAINTENANCE_PAUSE_MS,
  maintenancePauseMs,
  MIN_ATTEMPT_MS,
  nextRetryDelay,
} from '../../src/coufun/retry.js';

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

describe('maintenancePauseMs', () => {
  it('is about a second, jittered by ±25 %', () => {
    expect(maintenancePauseMs(() => 0.5)).toBe(1000);
    expect(maintenancePauseMs(() => 0)).toBe(750);
    expect(maintenancePauseMs(() => 7)).toBe(1250);
  });
});

describe('nextRetryDelay', () => {
  const half = (): number => 0.5;
  const none = { total: 0, maintenance: 0 };
  const roomy = { maxRetries: 2, remainingMs: 5000, lastAttemptMs: 10 };

  it('gives a transport pause while retries remain and stops after maxRetries', () => {
    expect(nextRetryDelay('transport', none, roomy, half)).toBe(100);
    expect(nextRetryDelay('transport', { total: 1, maintenance: 0 }, roomy, half)).toBe(200);
    expect(nextRetryDelay('transport', { total: 2, maintenance: 0 }, roomy, half)).toBeNull();
    expect(nextRetryDelay('transport', none, { ...roomy, maxRetries: 0 }, half)).toBeNull();
  });

  it('never allows more than two retries', () => {
    expect(nextRetryDelay('transport', { total: 2, maintenance: 0 }, { ...roomy, maxRetries: 10 }, half)).toBeNull();
  });

  it('retries code 50 once, after about a second', () => {
    expect(nextRetryDelay('maintenance', none, roomy, half)).toBe(MAINTENANCE_PAUSE_MS);
    expect(nextRetryDelay('maintenance', { total: 1, maintenance: 1 }, roomy, half)).toBeNull();
    // A transport retry before it does not use up the code 50 retry, but it counts toward the total.
    expect(nextRetryDelay('maintenance', { total: 1, maintenance: 0 }, roomy, half)).toBe(MAINTENANCE_PAUSE_MS);
    expect(nextRetryDelay('maintenance', none, { ...roomy, maxRetries: 0 }, half)).toBeNull();
  });

  it('only retries when the pause plus a minimum attempt time fits before the deadline', () => {
    expect(nextRetryDelay('transport', none, { ...roomy, remainingMs: 100 + MIN_ATTEMPT_MS }, half)).toBe(100);
    expect(nextRetryDelay('transport', none, { ...roomy, remainingMs: 99 + MIN_ATTEMPT_MS }, half)).toBeNull();
    // Was allowed before: a retry with 1 ms left could only time out.
    expect(nextRetryDelay('transport', none, { ...roomy, remainingMs: 101 }, half)).toBeNull();
    expect(nextRetryDelay('transport', none, { ...roomy, remainingMs: -5 }, half)).toBeNull();
    expect(nextRetryDelay('maintenance', none, { ...roomy, remainingMs: 1000 + MIN_ATTEMPT_MS - 1 }, half)).toBeNull();
  });

  it('expects the retry to take as long as the attempt that failed, when that is longer', () => {
    const slow = { maxRetries: 2, remainingMs: 1899, lastAttemptMs: 1800 };
    expect(nextRetryDelay('transport', none, slow, half)).toBeNull();
    expect(nextRetryDelay('transport', none, { ...slow, remainingMs: 1900 }, half)).toBe(100);
  });
});
