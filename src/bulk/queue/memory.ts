/**
 * The in-process bulk queue: jobs run here, all sharing one pacer (one budget for the process,
 * whatever the number of jobs). What the terminal uses, and the bot's when Redis is not
 * configured; a job lives as long as the process.
 */
import { randomBytes } from 'node:crypto';
import { errorFields, type Logger } from '../../log/logger.js';
import type { LookupService } from '../../lookup/types.js';
import { Pacer } from '../job/pacer.js';
import { runItems } from '../job/runner.js';
import type { ItemResult } from '../results/stored.js';
import type { BulkJob, BulkJobSpec, BulkQueue, FinishedBulkJob } from './types.js';

export interface MemoryQueueOptions {
  readonly lookup: Pick<LookupService, 'lookup'>;
  readonly ratePerSecond: number;
  readonly concurrency: number;
  readonly stallMs: number;
  /** Report a finished job (once, after `finished`); a failure is logged. */
  readonly onFinished?: (job: FinishedBulkJob) => Promise<void>;
  readonly logger?: Logger;
}

export function createMemoryQueue(options: MemoryQueueOptions): BulkQueue {
  const pacer = new Pacer({ ratePerSecond: options.ratePerSecond, concurrency: options.concurrency });
  const running = new Set<BulkJob>();
  return {
    kind: 'memory',
    async start(spec: BulkJobSpec): Promise<BulkJob> {
      const listeners = new Set<(index: number, result: ItemResult) => void>();
      const run = runItems({
        items: spec.items,
        ...(spec.done ? { done: spec.done } : {}),
        lookup: options.lookup,
        pacer,
        stallMs: options.stallMs,
        onItem: (index, result) => {
          for (const listener of listeners) listener(index, result);
        },
      });
      const id = randomBytes(9).toString('base64url');
      const job: BulkJob = {
        id,
        meta: spec.meta,
        total: spec.items.length,
        progress: run.progress,
        results: run.results,
        cancel: run.cancel,
        onItem(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        finished: run.finished.finally(() => running.delete(job)),
      };
      void run.finished.then((end) =>
        options
          .onFinished?.({ id, meta: spec.meta, items: spec.items, attachment: spec.attachment, end })
          .catch((e: unknown) => options.logger?.event('error', 'bulk_report_failed', { job: id, ...errorFields(e) })),
      );
      running.add(job);
      return job;
    },
    async close() {
      for (const job of running) job.cancel('shutting down');
      await Promise.allSettled([...running].map((job) => job.finished));
      pacer.close();
    },
  };
}
