/**
 * The in-process bulk queue: jobs run here, all sharing one pacer (one budget for the process,
 * whatever the number of jobs). What the terminal uses, and the bot's when Redis is not
 * configured; a job lives as long as the process.
 */
import { randomBytes } from 'node:crypto';
import type { LookupService } from '../../lookup/types.js';
import { Pacer } from '../job/pacer.js';
import { runItems } from '../job/runner.js';
import type { ItemResult } from '../results/stored.js';
import type { BulkJob, BulkJobSpec, BulkQueue } from './types.js';

export interface MemoryQueueOptions {
  readonly lookup: Pick<LookupService, 'lookup'>;
  readonly ratePerSecond: number;
  readonly concurrency: number;
  readonly stallMs: number;
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
      const job: BulkJob = {
        id: randomBytes(9).toString('base64url'),
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
