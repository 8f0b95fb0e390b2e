/**
 * The bot's bulk queue, where its shared state is: BullMQ on the same Redis when REDIS_URL is
 * set (every replica works items; sealing and prefix shared with the stores), else in this
 * process. The same choice `openSharedState` (src/stores/shared-state.ts) makes for the stores;
 * the composition root opens this once beside it. The terminal runs the in-process queue itself.
 */
import type { AppConfig } from '../../config/app.js';
import type { Logger } from '../../log/logger.js';
import type { LookupService } from '../../lookup/types.js';
import type { SharedState } from '../../stores/shared-state.js';
import { createMemoryQueue } from './memory.js';
import type { BulkQueue, FinishedBulkJob } from './types.js';

export interface BulkQueueDeps {
  readonly lookup: Pick<LookupService, 'lookup'>;
  readonly logger: Logger;
  /** Report a finished job: once per job, across all replicas. */
  readonly onFinished?: (job: FinishedBulkJob) => Promise<void>;
}

/** Open the queue beside `state`. Rejects only on a bug: a Redis absent at start is waited for. */
export async function openBulkQueue(
  config: Pick<AppConfig, 'redis' | 'bulk'>,
  state: Pick<SharedState, 'codec'>,
  deps: BulkQueueDeps,
): Promise<BulkQueue> {
  const reports = deps.onFinished ? { onFinished: deps.onFinished } : {};
  if (config.redis) {
    // Loaded on demand: memory mode never loads BullMQ.
    const { createRedisQueue } = await import('./bullmq/queue.js');
    return createRedisQueue({
      url: config.redis.url,
      prefix: config.redis.prefix,
      codec: state.codec,
      lookup: deps.lookup,
      config: config.bulk,
      work: true,
      logger: deps.logger,
      ...reports,
    });
  }
  return createMemoryQueue({
    lookup: deps.lookup,
    ratePerSecond: config.bulk.ratePerSecond,
    concurrency: config.bulk.concurrency,
    stallMs: config.bulk.stallMs,
    logger: deps.logger,
    ...reports,
  });
}
