/**
 * Tracks work that continues after `ack()` (lookups, replies), so a shutdown can wait for it
 * and nothing is dropped silently. A tracked task's failure is logged with a reference, never
 * rethrown, and the person is told (with the same reference) through `onFailure`.
 */
import { newRef } from '../log/ref.js';
import { errorFields, type Logger } from '../log/logger.js';
import { withDeadline } from '../time/deadline.js';

export class WorkTracker {
  private readonly tasks = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  get size(): number {
    return this.tasks.size;
  }

  /**
   * Run `task` in the background. A failure is logged with `context` and a short reference,
   * then `onFailure(ref)` tells the person (its own failure is logged too).
   */
  run(context: Record<string, unknown>, task: () => Promise<void>, onFailure?: (ref: string) => Promise<unknown>): void {
    const p = Promise.resolve()
      .then(task)
      .catch(async (e: unknown) => {
        const ref = newRef();
        this.logger.event('error', 'background_task_failed', { ...context, ref, ...errorFields(e) });
        try {
          await onFailure?.(ref);
        } catch (notify: unknown) {
          this.logger.event('warn', 'failure_notice_failed', { ...context, ref, ...errorFields(notify) });
        }
      })
      .finally(() => this.tasks.delete(p));
    this.tasks.add(p);
  }

  /** Resolve when all current (and newly added) tasks finished, or after `timeoutMs`. True if drained. */
  async drain(timeoutMs: number): Promise<boolean> {
    // Real elapsed time, not the injected clock: the grace period is a promise to the process
    // manager, and a test's frozen clock must not make a shutdown wait forever.
    const deadline = performance.now() + timeoutMs;
    while (this.tasks.size > 0) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      // Past the deadline the loop's check above ends it; tasks added meanwhile are waited for too.
      await withDeadline(Promise.allSettled([...this.tasks]), left).catch(() => undefined);
    }
    return true;
  }
}
