/**
 * The bulk rate across every replica, as BullMQ's global rate limiter (free; group limits are a
 * paid feature and never used): one start per window of 1/R second, so no second ever holds more
 * than R and nothing starts in a burst. A "slow down" doubles the window (halves the rate, down
 * to a floor); a run of successes halves it back. Each replica adapts from what it sees and
 * writes the queue's one limit.
 */
import type { Queue } from 'bullmq';

/** A little over 1/R: the vendor's arrivals jitter by a few milliseconds around our starts. */
export function windowFor(ratePerSecond: number): number {
  return Math.ceil((1000 * 1.02) / ratePerSecond);
}

const SLOWEST_MS = 5000;

export class GlobalPacing {
  private windowMs: number;
  private readonly base: number;
  private slowedAt = Number.NEGATIVE_INFINITY;
  private streak = 0;

  constructor(
    private readonly queue: Pick<Queue, 'setGlobalRateLimit'>,
    ratePerSecond: number,
  ) {
    this.base = windowFor(ratePerSecond);
    this.windowMs = this.base;
  }

  /** Requests per second now. */
  get rate(): number {
    return 1000 / this.windowMs;
  }

  apply(): Promise<unknown> {
    return this.queue.setGlobalRateLimit(1, this.windowMs);
  }

  async slowDown(startedAt: number): Promise<void> {
    this.streak = 0;
    if (startedAt < this.slowedAt || this.windowMs >= SLOWEST_MS) return;
    this.slowedAt = performance.now();
    this.windowMs = Math.min(SLOWEST_MS, this.windowMs * 2);
    await this.apply();
  }

  async succeeded(): Promise<void> {
    if (this.windowMs <= this.base) return;
    this.streak += 1;
    if (this.streak < Math.max(4, Math.ceil(this.rate / 2))) return;
    this.streak = 0;
    this.windowMs = Math.max(this.base, Math.floor(this.windowMs / 2));
    await this.apply();
  }
}
