/**
 * The bulk queue on Redis, through BullMQ: a job's items are BullMQ jobs of one queue, so any
 * replica's worker may work them, BullMQ's global rate limit and global concurrency keep every
 * replica to one budget, and its stalled-job recovery hands a dead replica's items to another.
 * The processor is `lookupItem`, the same plain function the in-process queue runs. A job's
 * result is recorded per item (once: a re-run finds it), and assembled by a `finish` job that
 * BullMQ holds once per job; it is reported by the one replica that claims the report.
 */
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { BulkConfig } from '../../../config/bulk.js';
import { errorFields, type Logger } from '../../../log/logger.js';
import type { LookupService } from '../../../lookup/types.js';
import { failureReason } from '../../../stores/redis/health.js';
import type { ValueCodec } from '../../../stores/value-codec.js';
import { withDeadline } from '../../../time/deadline.js';
import { sleep } from '../../../time/sleep.js';
import { MAX_ATTEMPTS } from '../../job/item.js';
import type { BulkJob, BulkJobSpec, BulkQueue, FinishedBulkJob } from '../types.js';

import { jobEnd } from './end.js';
import { bullConnection } from './connection.js';
import { watchJob } from './handle.js';
import { GlobalPacing } from './pacing.js';
import { JobRecords } from './records.js';
import { sweepTtls } from './ttl.js';
import { itemProcessor, type Data, type Spec } from './worker.js';

export const QUEUE_NAME = 'bulk-items';

export interface RedisQueueOptions {
  readonly url: string;
  /** REDIS_PREFIX: every key starts with it. */
  readonly prefix: string;
  /** Seals the list and the results; the same on every replica (the shared state's). */
  readonly codec: ValueCodec;
  readonly lookup: Pick<LookupService, 'lookup'>;
  readonly config: BulkConfig;
  /** Work items here (a bot replica); false for a process that only starts and watches jobs. */
  readonly work: boolean;
  readonly logger?: Logger;
  /** Report a finished job: called once per job, across all replicas. */
  readonly onFinished?: (job: FinishedBulkJob) => Promise<void>;
}

/** The longest each step of `close` waits (a dead Redis would otherwise hold a shutdown forever). */
const CLOSE_MS = 2000;

/** True when `p` settled (either way) within `ms`; never rejects. */
function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  return withDeadline(
    p.then(
      () => true,
      () => true,
    ),
    ms,
  ).catch(() => false);
}

/** One `finish` job per bulk job: BullMQ keeps one job per ID, so it is assembled once. */
const FINISH_OPTIONS = (id: string) => ({ jobId: `${id}-finish`, removeOnComplete: true, removeOnFail: true, attempts: 3 });

export async function createRedisQueue(options: RedisQueueOptions): Promise<BulkQueue> {
  const { config, logger } = options;
  const connection = bullConnection(options.url);
  const bullPrefix = `${options.prefix}bull`;
  const redis = new Redis({ ...connection, lazyConnect: false });
  // One warning per outage: BullMQ's connections and ours all fail (and come back) at their own
  // moments, so a second warning within a minute is the same outage.
  let warnedAt = Number.NEGATIVE_INFINITY;
  let away = false;
  const warn = (e: unknown): void => {
    away = true;
    if (performance.now() - warnedAt < 60_000) return;
    warnedAt = performance.now();
    // Never the error's message: it names the Redis address.
    logger?.event('warn', 'bulk_redis_unavailable', { reason: failureReason(e) });
  };
  const recovered = (): void => {
    if (away) logger?.event('info', 'bulk_redis_back');
    away = false;
  };
  redis.on('error', warn).on('ready', recovered);
  const records = new JobRecords(redis, options.prefix, options.codec, config.resultTtlMs);
  const queue = new Queue<Data>(QUEUE_NAME, { connection, prefix: bullPrefix });
  queue.on('error', warn);
  const pacing = new GlobalPacing(queue, config.ratePerSecond);
  const specs = new Map<string, Spec>();
  const seen = new Set<string>();
  const specOf = async (id: string): Promise<Spec | undefined> => {
    let spec = specs.get(id);
    if (!spec) {
      spec = await records.spec<Spec>(id);
      if (spec) specs.set(id, spec);
    }
    return spec;
  };
  const sweep = (): Promise<void> =>
    sweepTtls(redis, [`${bullPrefix}:${QUEUE_NAME}:*`, `${options.prefix}bulk:*`], config.resultTtlMs).catch(warn);

  /** Stop sending a job's remaining items and have it assembled. */
  async function stop(id: string): Promise<void> {
    const spec = await specOf(id);
    if (!spec) return;
    const done = await records.results(id);
    const left = spec.items.map((_, i) => i).filter((i) => !done.has(i));
    for (let k = 0; k < left.length; k += 500) await Promise.all(left.slice(k, k + 500).map((i) => queue.remove(`${id}-${i}`)));
    await queue.add('finish', { j: id, finish: true }, FINISH_OPTIONS(id));
  }

  async function finish(id: string): Promise<void> {
    const spec = await specOf(id);
    if (!spec) return;
    // Items in flight (on any replica) record their results first, for at most two lock periods.
    for (let waited = 0; waited < config.lockMs * 2; waited += 100) {
      if (((await records.state(id))?.inflight ?? 0) <= 0) break;
      await sleep(100);
    }
    await records.move(id, 'running', 'completed');
    const state = await records.state(id);
    const results = await records.results(id);
    const now = Date.now();
    await records.markFinished(id, now);
    const end = jobEnd(spec.items.length, state, results, pacing.rate, now);
    if (!(await records.claimReport(id))) return;
    logger?.event('info', 'bulk_job_finished', {
      job: id,
      outcome: end.outcome,
      items: spec.items.length,
      answered: state?.answered ?? 0,
      failed: state?.failed ?? 0,
      requests: state?.requests ?? 0,
      startedBy: spec.meta.startedBy,
      pid: process.pid,
    });
    try {
      await options.onFinished?.({ id, meta: spec.meta, items: spec.items, attachment: spec.attachment, end });
    } catch (e) {
      // The report is claimed: it is not tried again on another replica, so it must be told.
      logger?.event('error', 'bulk_report_failed', { job: id, ...errorFields(e) });
    }
    setTimeout(() => void sweep(), 1000).unref();
  }

  const processJob = itemProcessor({
    records,
    specOf,
    lookup: options.lookup,
    pacing,
    seen,
    finish,
    finishLater: (j) => queue.add('finish', { j, finish: true }, FINISH_OPTIONS(j)),
  });

  const worker = options.work
    ? new Worker<Data>(QUEUE_NAME, processJob, {
        connection,
        prefix: bullPrefix,
        concurrency: config.concurrency,
        lockDuration: config.lockMs,
        stalledInterval: config.lockMs,
        maxStalledCount: 3,
      })
    : null;
  worker?.on('error', warn);
  // BullMQ keeps its queue's settings in a key of its own without a TTL: it gets one at once. A
  // Redis absent at start holds the bot's start for a second at most (each job sets them again).
  const settled = Promise.all([pacing.apply(), queue.setGlobalConcurrency(config.concurrency), worker?.waitUntilReady()])
    .then(sweep)
    .catch(warn);
  await within(settled, 1000);

  // Stall watch: a job whose items get no answer from Coufun for BULK_STALL_MS stops, keeping what it has.
  const monitor = setInterval(() => {
    for (const id of seen) {
      void records
        .state(id)
        .then(async (state) => {
          if (state?.status !== 'running') return seen.delete(id);
          const quiet = Date.now() - state!.lastAnswerAt;
          if (quiet < config.stallMs) return;
          if (await records.move(id, 'running', 'stalled', `no answer from Coufun for ${Math.round(quiet / 1000)} s`)) await stop(id);
        })
        .catch(warn);
    }
  }, 1000);
  const janitor = setInterval(() => void sweep(), 30_000);

  return {
    kind: 'redis',
    async start(spec: BulkJobSpec): Promise<BulkJob> {
      const id = `j${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
      await pacing.apply();
      await queue.setGlobalConcurrency(config.concurrency);
      const stored: Spec = {
        items: spec.items,
        meta: spec.meta,
        ...(spec.attachment !== undefined ? { attachment: spec.attachment } : {}),
      };
      await records.create(id, stored, spec.items.length, Date.now());
      specs.set(id, stored);
      seen.add(id);
      const jobs = spec.items.map((_, i) => ({
        name: 'item',
        data: { j: id, i },
        opts: {
          jobId: `${id}-${i}`,
          attempts: MAX_ATTEMPTS,
          backoff: { type: 'fixed', delay: 200 },
          removeOnComplete: true,
          removeOnFail: true,
        },
      }));
      for (let k = 0; k < jobs.length; k += 1000) await queue.addBulk(jobs.slice(k, k + 1000));
      return watchJob({
        id,
        meta: spec.meta,
        total: spec.items.length,
        records,
        rate: () => pacing.rate,
        cancel: async (reason) => {
          if (await records.move(id, 'running', 'cancelled', reason)) await stop(id);
        },
        onWarning: warn,
      });
    },
    async close() {
      clearInterval(monitor);
      clearInterval(janitor);
      // Items in flight finish (their results are recorded) unless Redis is away: every step is
      // bounded, then the connections are dropped, so a shutdown never hangs on a dead Redis.
      if (worker && !(await within(worker.close(), CLOSE_MS))) await within(worker.close(true), CLOSE_MS);
      await within(queue.close(), CLOSE_MS);
      // What BullMQ wrote last (its events, the job counter) gets its TTL before we go.
      await within(sweep(), CLOSE_MS);
      await Promise.all([worker?.disconnect(), queue.disconnect()].map((p) => within(p ?? Promise.resolve(), CLOSE_MS)));
      redis.disconnect();
    },
  };
}
