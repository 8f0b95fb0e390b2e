/** The one pause of the bot: a promise that resolves after `ms`, for retries, polls and waits. */
import { setTimeout as timer } from 'node:timers/promises';

export interface SleepOptions {
  /** Stop waiting when this aborts: the promise rejects with an `AbortError` (its `cause` the signal's reason). */
  readonly signal?: AbortSignal | undefined;
  /** Let the process exit while waiting (a background poll, not a person's request). */
  readonly unref?: boolean;
}

/** Resolve after `ms` milliseconds (a negative `ms` counts as 0); reject if `options.signal` aborts first. */
export function sleep(ms: number, options: SleepOptions = {}): Promise<void> {
  return timer(Math.max(0, ms), undefined, { ...(options.signal ? { signal: options.signal } : {}), ref: options.unref !== true });
}
