/**
 * The BullMQ processor for bulk items: `lookupItem` (the same plain function the in-process
 * queue runs) around the job's records. An item already answered, or of a job no longer
 * running, costs no request; a "slow down" is thrown for BullMQ to retry (paced by the global
 * limit); a result is recorded once, and the item that completes the job starts its finish.
 */
import type { Job } from 'bullmq';
import type { LookupService } from '../../../lookup/types.js';
import { lookupItem, MAX_ATTEMPTS, type ItemAttempt } from '../../job/item.js';
import type { BulkItem } from '../../plan.js';
import type { BulkJobMeta } from '../types.js';
import type { GlobalPacing } from './pacing.js';
import type { JobRecords } from './records.js';

/** A job's spec as sealed on Redis. */
export interface Spec {
  readonly items: readonly BulkItem[];
  readonly meta: BulkJobMeta;
  readonly attachment?: unknown;
}

/** BullMQ job data: indices only, never a coupon number. */
export type Data = { readonly j: string; readonly i: number } | { readonly j: string; readonly finish: true };

export function itemProcessor(deps: {
  readonly records: JobRecords;
  readonly specOf: (id: string) => Promise<Spec | undefined>;
  readonly lookup: Pick<LookupService, 'lookup'>;
  readonly pacing: GlobalPacing;
  /** Jobs this replica has worked on, for the stall watch. */
  readonly seen: Set<string>;
  readonly finish: (id: string) => Promise<void>;
  readonly finishLater: (id: string) => Promise<unknown>;
}): (job: Job<Data>) => Promise<void> {
  const { records, pacing } = deps;
  // A result this replica has but could not record (Redis went away) is not asked for again.
  const pending = new Map<string, ItemAttempt>();
  return async (job) => {
    const { j } = job.data;
    if ('finish' in job.data) return deps.finish(j);
    const { i } = job.data;
    deps.seen.add(j);
    const spec = await deps.specOf(j);
    const item = spec?.items[i];
    if (!item || (await records.has(j, i)) || (await records.state(j))?.status !== 'running') return;
    const key = `${j}:${i}`;
    const startedAt = performance.now();
    await records.inflight(j, 1);
    try {
      const attempt = job.attemptsMade + 1;
      const tried = pending.get(key) ?? (await lookupItem(item, deps.lookup, attempt));
      pending.set(key, tried);
      await records.attempt(j, tried.cacheHit, tried.answered ? Date.now() : null);
      if (tried.slowDown) await pacing.slowDown(startedAt);
      else await pacing.succeeded();
      if (tried.slowDown && attempt < MAX_ATTEMPTS) {
        pending.delete(key);
        throw new Error('slow down');
      }
      const done = await records.record(j, i, tried.result);
      pending.delete(key);
      if (done === spec!.items.length) await deps.finishLater(j);
    } finally {
      await records.inflight(j, -1);
    }
  };
}
