/** How a job on Redis ended, from its records: what `finished` resolves to and the reporter receives. Pure. */
import type { ItemResult } from '../../results/stored.js';
import type { BulkJobEnd } from '../types.js';
import type { JobState } from './records.js';

export function jobEnd(
  total: number,
  state: JobState | null,
  results: ReadonlyMap<number, ItemResult>,
  rate: number,
  now: number,
): BulkJobEnd {
  const outcome = results.size === total ? 'completed' : state?.status === 'stalled' ? 'stalled' : 'cancelled';
  const startedAt = state?.createdAt ?? now;
  return {
    outcome,
    ...(state?.reason && outcome !== 'completed' ? { reason: state.reason } : {}),
    results,
    progress: {
      total,
      done: results.size,
      answered: state?.answered ?? 0,
      failed: state?.failed ?? 0,
      retrying: 0,
      requests: state?.requests ?? 0,
      cacheHits: state?.cacheHits ?? 0,
      rate,
      itemsPerSecond: 0,
      etaMs: 0,
      startedAt,
    },
    elapsedMs: now - startedAt,
  };
}
