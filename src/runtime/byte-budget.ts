/**
 * Bytes reserved by request bodies being received, shared by all of them, so many slow uploads
 * together cannot hold memory: a request that would exceed the budget is refused.
 */
export class ByteBudget {
  private used = 0;
  constructor(private readonly capacity: number) {}

  get inUse(): number {
    return this.used;
  }

  /** Reserve `n` bytes; false (and nothing reserved) when they do not fit. */
  take(n: number): boolean {
    if (this.used + n > this.capacity) return false;
    this.used += n;
    return true;
  }

  give(n: number): void {
    this.used = Math.max(0, this.used - n);
  }
}
