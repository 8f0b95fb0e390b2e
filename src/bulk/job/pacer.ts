/**
 * The pacer: at most `rate` request starts in any one-second window (spaced evenly, so no
 * opening burst) and at most `concurrency` in flight. Adaptive: a "slow down" halves the rate
 * (down to a floor), and a run of successes doubles it back, up to the configured rate. Time is
 * monotonic (`performance.now`, injectable), waits are timers: no busy loop.
 */

/** The window the rate is counted over, with a margin so that jitter between our start and the vendor's arrival cannot put one more request into a second. */
export const WINDOW_MS = 1000;
const GUARD_MS = 40;
/** The slowest the pacer goes after repeated slow-downs: one request every five seconds. */
export const MIN_RATE = 0.2;

export interface PacerOptions {
  readonly ratePerSecond: number;
  readonly concurrency: number;
  readonly now?: () => number;
}

export class Pacer {
  private rate: number;
  private readonly max: number;
  private readonly floor: number;
  private readonly starts: number[] = [];
  /** The ideal time of the next start: slots advance by the spacing, so a timer firing a little late does not slow the rate. */
  private nextAt = Number.NEGATIVE_INFINITY;
  private inFlight = 0;
  private readonly waiters: ((startedAt: number | null) => void)[] = [];
  private timer: NodeJS.Timeout | undefined;
  private slowedAt = Number.NEGATIVE_INFINITY;
  private streak = 0;
  private closed = false;
  private readonly now: () => number;

  constructor(private readonly options: PacerOptions) {
    this.max = options.ratePerSecond;
    this.rate = options.ratePerSecond;
    this.floor = Math.min(options.ratePerSecond, MIN_RATE);
    this.now = options.now ?? (() => performance.now());
  }

  /** The rate in force now, requests per second. */
  get currentRate(): number {
    return this.rate;
  }

  get active(): number {
    return this.inFlight;
  }

  /** Wait for a slot; resolves to the start time, or null once the pacer is closed or `signal` aborts. */
  acquire(signal?: AbortSignal): Promise<number | null> {
    if (this.closed || signal?.aborted) return Promise.resolve(null);
    return new Promise((resolve) => {
      const waiter = (startedAt: number | null): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve(startedAt);
      };
      const onAbort = (): void => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        resolve(null);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      this.pump();
    });
  }

  /** A request that `acquire` let start has ended. */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.pump();
  }

  /** The request started at `startedAt` says "slow down": halve the rate, once per burst of such answers. */
  slowDown(startedAt: number): void {
    this.streak = 0;
    // Requests already in flight when we slowed down report the same trouble: one halving for all.
    if (startedAt < this.slowedAt) return;
    this.slowedAt = this.now();
    this.rate = Math.max(this.floor, this.rate / 2);
  }

  /** A request succeeded: half a second's worth of successes in a row (at least four) doubles the rate, up to the configured one. */
  succeeded(): void {
    if (this.rate >= this.max) return;
    this.streak += 1;
    if (this.streak >= Math.max(4, Math.ceil(this.rate / 2))) {
      this.streak = 0;
      this.rate = Math.min(this.max, this.rate * 2);
    }
  }

  /** Stop handing out slots: waiting and future `acquire`s resolve to null. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const waiter of this.waiters.splice(0)) waiter(null);
  }

  private pump(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (!this.closed && this.waiters.length > 0 && this.inFlight < this.options.concurrency) {
      const t = this.now();
      const wait = this.waitMs(t);
      if (wait > 0) {
        this.timer = setTimeout(() => this.pump(), Math.ceil(wait));
        return;
      }
      this.starts.push(t);
      const spacing = WINDOW_MS / this.rate;
      // A start up to one slot late keeps the schedule (a busy moment does not slow the rate; the
      // window still caps any second); after an idle spell the slots restart from now.
      this.nextAt = Math.max(this.nextAt, t - spacing) + spacing;
      this.inFlight += 1;
      this.waiters.shift()!(t);
    }
  }

  private waitMs(t: number): number {
    const window = WINDOW_MS + GUARD_MS;
    while (this.starts.length > 0 && this.starts[0]! <= t - window) this.starts.shift();
    const perWindow = Math.max(1, Math.floor(this.max));
    const full = this.starts.length >= perWindow ? this.starts[this.starts.length - perWindow]! + window - t : 0;
    return Math.max(this.nextAt - t, full, 0);
  }
}
