/** The in-memory rate limiter (one process): a sliding one-minute window per user. */
import type { Clock } from '../../time/clock.js';
import { RATE_WINDOW_MS, type RateDecision, type RateLimiter } from '../types.js';

/**
 * Sliding one-minute window per user. Memory is bounded: a user's timestamps are dropped once
 * they fall out of the window, and idle users are forgotten on the next sweep.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Take `cost` units for `userId` if all fit in the window; otherwise take nothing. */
  async take(userId: string, cost = 1): Promise<RateDecision> {
    const decision = this.decide(userId, cost);
    if (decision.ok) {
      const list = this.hits.get(userId) ?? [];
      const now = this.clock();
      for (let i = 0; i < cost; i += 1) list.push(now);
      this.hits.set(userId, list);
    }
    return decision;
  }

  /** Would `cost` more units fit now? Records nothing. */
  async check(userId: string, cost = 1): Promise<RateDecision> {
    return this.decide(userId, cost);
  }

  private decide(userId: string, cost: number): RateDecision {
    const now = this.clock();
    this.sweep(now);
    const since = now - RATE_WINDOW_MS;
    const list = (this.hits.get(userId) ?? []).filter((t) => t > since);
    this.hits.set(userId, list);
    if (cost > this.perMinute) return { ok: false, retryAtMs: now + RATE_WINDOW_MS };
    if (list.length + cost <= this.perMinute) return { ok: true };
    // The oldest hits must leave the window before `cost` more fit.
    const pivot = list[list.length + cost - this.perMinute - 1] ?? now;
    return { ok: false, retryAtMs: pivot + RATE_WINDOW_MS };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < RATE_WINDOW_MS) return;
    this.lastSweep = now;
    for (const [user, list] of this.hits) {
      if ((list[list.length - 1] ?? 0) <= now - RATE_WINDOW_MS) this.hits.delete(user);
    }
  }
}
