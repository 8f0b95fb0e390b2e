/**
 * A front's view of one job on Redis: it watches the job's records (the state hash, and the log
 * of finished items whose sealed results it reads), whichever replicas do the work, and resolves
 * `finished` once the job's result has been assembled. Polls at a steady pace; never a busy loop.
 */
import { sleep } from '../../../time/sleep.js';
import type { ItemResult } from '../../results/stored.js';
import type { BulkJob, BulkJobEnd, BulkJobMeta, BulkOutcome, BulkProgress } from '../types.js';
import type { JobRecords, JobState } from './records.js';

const POLL_MS = 250;

export function watchJob(options: {
  readonly id: string;
  readonly meta: BulkJobMeta;
  readonly total: number;
  readonly records: JobRecords;
  readonly rate: () => number;
  readonly cancel: (reason: string) => Promise<void>;
  readonly onWarning: (e: unknown) => void;
}): BulkJob {
  const { id, records } = options;
  const results = new Map<number, ItemResult>();
  const listeners = new Set<(index: number, result: ItemResult) => void>();
  let state: JobState | null = null;
  let last = '0';
  const began = performance.now();
  const startedAt = Date.now();

  const progress = (): BulkProgress => {
    const elapsed = (performance.now() - began) / 1000;
    const perSecond = elapsed > 0 ? results.size / elapsed : 0;
    const left = options.total - results.size;
    return {
      total: options.total,
      done: results.size,
      answered: state?.answered ?? 0,
      failed: state?.failed ?? 0,
      retrying: 0,
      requests: state?.requests ?? 0,
      cacheHits: state?.cacheHits ?? 0,
      rate: options.rate(),
      itemsPerSecond: perSecond,
      etaMs: left === 0 ? 0 : perSecond > 0 ? Math.round((left / perSecond) * 1000) : null,
      startedAt: state?.createdAt ?? startedAt,
    };
  };

  async function poll(): Promise<BulkJobEnd | null> {
    state = await records.state(id);
    const { indices, last: next } = await records.finishedSince(id, last);
    const fresh = indices.filter((i) => !results.has(i));
    for (const [index, result] of await records.results(id, fresh)) {
      results.set(index, result);
      for (const listener of listeners) listener(index, result);
    }
    last = next;
    if (state === null || state.finishedAt === 0) return null;
    for (const [index, result] of await records.results(id)) results.set(index, result);
    const outcome: BulkOutcome = state.status === 'running' ? 'completed' : (state.status as BulkOutcome);
    return {
      outcome,
      ...(state.reason ? { reason: state.reason } : {}),
      results: new Map(results),
      progress: progress(),
      elapsedMs: Math.max(0, state.finishedAt - state.createdAt),
    };
  }

  const finished = (async (): Promise<BulkJobEnd> => {
    for (;;) {
      try {
        const end = await poll();
        if (end) return end;
      } catch (e) {
        // Redis away: the job waits with it; one warning per outage is the caller's business.
        options.onWarning(e);
      }
      await sleep(POLL_MS);
    }
  })();

  return {
    id,
    meta: options.meta,
    total: options.total,
    progress,
    results: () => new Map(results),
    onItem(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    cancel(reason = 'cancelled') {
      void options.cancel(reason).catch(options.onWarning);
    },
    finished,
  };
}
