/**
 * A warning that cannot flood the log: the first occurrence is logged at once, later ones are
 * counted and reported in one line at most every `intervalMs` (`suppressed`, by reason). For
 * traffic anyone on the internet can send (unsigned requests), which must cost little.
 */
import type { Clock } from '../time/clock.js';
import type { Fields, Logger } from '../log/logger.js';

export class ThrottledWarn {
  private lastMs = Number.NEGATIVE_INFINITY;
  private suppressed = new Map<string, number>();

  constructor(
    private readonly logger: Logger,
    private readonly msg: string,
    private readonly clock: Clock,
    private readonly intervalMs = 60_000,
  ) {}

  /** Record one occurrence of `reason`; log it now or fold it into the next summary. */
  note(reason: string, fields: Fields = {}): void {
    const now = this.clock();
    if (now - this.lastMs < this.intervalMs) {
      this.suppressed.set(reason, (this.suppressed.get(reason) ?? 0) + 1);
      return;
    }
    const earlier = this.suppressed.size > 0 ? { suppressed: Object.fromEntries(this.suppressed) } : {};
    this.suppressed = new Map();
    this.lastMs = now;
    this.logger.event('warn', this.msg, { reason, ...fields, ...earlier });
  }
}
