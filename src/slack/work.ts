/**
 * Tracks work that continues after `ack()` (lookups, replies), so a shutdown can wait for it
 * and nothing is dropped silently. A tracked task's failure is logged, never rethrown.
 */
import { errorFields, type Logger } from '../log/logger.js';

export class WorkTracker {
  private readonly tasks = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  get size(): number {
    return this.tasks.size;
  }

  /** Run `task` in the background; its errors are logged with `context`. */
  run(context: Record<string, unknown>, task: () => Promise<void>): void {
    const p = Promise.resolve()
      .then(task)
      .catch((e: unknown) => this.logger.event('error', 'background_task_failed', { ...context, ...errorFields(e) }))
      .finally(() => this.tasks.delete(p));
    this.tasks.add(p);
  }

  /** Resolve when all current (and newly added) tasks finished, or after `timeoutMs`. True if drained. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.tasks.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.tasks]),
        new Promise((r) => {
          timer = setTimeout(r, left);
        }),
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}
