/** Items finished per second over the last few seconds, for progress and the time left. */
const SPAN_MS = 10_000;

export class Throughput {
  private readonly times: number[] = [];

  add(at: number): void {
    this.times.push(at);
    while (this.times.length > 0 && this.times[0]! < at - SPAN_MS) this.times.shift();
  }

  /** Items per second over the recent span (0 until two have finished). */
  perSecond(now: number = performance.now()): number {
    while (this.times.length > 0 && this.times[0]! < now - SPAN_MS) this.times.shift();
    if (this.times.length < 2) return 0;
    const span = Math.max(now - this.times[0]!, 1);
    return (this.times.length / span) * 1000;
  }
}
