/**
 * Runs one job's items in this process: the pacer hands out slots, `lookupItem` does each
 * attempt, a "slow down" puts the item back (up to MAX_ATTEMPTS) and slows the pacer, and a job
 * with no answer from Coufun for `stallMs` stops. Results go to listeners as they arrive.
 */
import type { LookupService } from '../../lookup/types.js';
import type { BulkItem } from '../plan.js';
import type { BulkJobEnd, BulkProgress } from '../queue/types.js';
import type { ItemResult } from '../results/stored.js';
import { lookupItem, MAX_ATTEMPTS } from './item.js';
import type { Pacer } from './pacer.js';
import { Throughput } from './throughput.js';

export interface RunItemsOptions {
  readonly items: readonly BulkItem[];
  readonly done?: ReadonlyMap<number, ItemResult>;
  readonly lookup: Pick<LookupService, 'lookup'>;
  /** Shared by every job of the queue, so jobs running together keep to one budget. */
  readonly pacer: Pacer;
  readonly stallMs: number;
  /** Epoch ms, for `startedAt`; default Date.now. */
  readonly wallClock?: () => number;
  readonly onItem?: (index: number, result: ItemResult) => void;
}

export interface RunningItems {
  progress(): BulkProgress;
  results(): ReadonlyMap<number, ItemResult>;
  cancel(reason?: string): void;
  readonly finished: Promise<BulkJobEnd>;
}

export function runItems(options: RunItemsOptions): RunningItems {
  const results = new Map<number, ItemResult>(options.done ?? []);
  const queue: number[] = [];
  for (let i = 0; i < options.items.length; i += 1) if (!results.has(i)) queue.push(i);
  const attempts = new Map<number, number>();
  const { pacer } = options;
  const stopping = new AbortController();
  const startedAt = (options.wallClock ?? Date.now)();
  const began = performance.now();
  const throughput = new Throughput();
  let answered = 0;
  let failed = 0;
  let requests = 0;
  let cacheHits = 0;
  let lastAnswer = began;
  let stop: { outcome: 'stalled' | 'cancelled'; reason: string } | null = null;
  let inFlight = 0;
  let wake: (() => void) | null = null;
  const nudge = (): void => {
    wake?.();
    wake = null;
  };
  const count = (result: ItemResult): void => {
    if (result.kind === 'answered') answered += 1;
    else failed += 1;
  };
  for (const result of results.values()) count(result);

  const halt = (outcome: 'stalled' | 'cancelled', reason: string): void => {
    if (stop) return;
    stop = { outcome, reason };
    stopping.abort();
    nudge();
  };
  const stallCheck = setInterval(
    () => {
      const quiet = performance.now() - lastAnswer;
      if (quiet >= options.stallMs) halt('stalled', `no answer from Coufun for ${Math.round(quiet / 1000)} s`);
    },
    Math.max(50, Math.min(1000, options.stallMs / 4)),
  );

  const progress = (): BulkProgress => {
    const left = options.items.length - results.size;
    const perSecond = throughput.perSecond();
    return {
      total: options.items.length,
      done: results.size,
      answered,
      failed,
      retrying: [...attempts.values()].filter((n) => n > 0).length,
      requests,
      cacheHits,
      rate: pacer.currentRate,
      itemsPerSecond: perSecond,
      etaMs: left === 0 ? 0 : perSecond > 0 ? Math.round((left / perSecond) * 1000) : null,
      startedAt,
    };
  };

  async function attempt(index: number, started: number): Promise<void> {
    const n = (attempts.get(index) ?? 0) + 1;
    attempts.set(index, n);
    const tried = await lookupItem(options.items[index]!, options.lookup, n);
    pacer.release();
    if (tried.cacheHit) cacheHits += 1;
    else requests += 1;
    if (tried.answered) lastAnswer = performance.now();
    if (tried.slowDown) pacer.slowDown(started);
    else pacer.succeeded();
    if (tried.slowDown && n < MAX_ATTEMPTS && !stop) {
      queue.push(index);
      return;
    }
    attempts.delete(index);
    results.set(index, tried.result);
    count(tried.result);
    throughput.add(performance.now());
    options.onItem?.(index, tried.result);
  }

  async function loop(): Promise<void> {
    while (!stop) {
      if (queue.length === 0) {
        if (inFlight === 0) return;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      const started = await pacer.acquire(stopping.signal);
      if (started === null) break;
      const index = queue.shift();
      if (index === undefined) {
        pacer.release();
        continue;
      }
      inFlight += 1;
      void attempt(index, started).finally(() => {
        inFlight -= 1;
        nudge();
      });
    }
    while (inFlight > 0) await new Promise<void>((resolve) => (wake = resolve));
  }

  const finished = loop().then((): BulkJobEnd => {
    clearInterval(stallCheck);
    const ended = stop as { outcome: 'stalled' | 'cancelled'; reason: string } | null;
    const complete = results.size === options.items.length;
    return {
      outcome: complete ? 'completed' : (ended?.outcome ?? 'cancelled'),
      ...(ended && !complete ? { reason: ended.reason } : {}),
      results: new Map(results),
      progress: progress(),
      elapsedMs: Math.round(performance.now() - began),
    };
  });

  return {
    progress,
    results: () => new Map(results),
    cancel: (reason = 'cancelled') => halt('cancelled', reason),
    finished,
  };
}
