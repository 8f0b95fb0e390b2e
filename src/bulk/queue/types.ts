/**
 * The bulk queue seam: a job is a list of distinct items; a queue runs jobs and tells the front
 * that started one how it goes. Two implementations, chosen at start like the stores: in process
 * (memory.ts, the default and what the terminal uses) and BullMQ on Redis (bullmq/), where any
 * replica may work a job's items and the job survives the replica that started it.
 */
import type { BulkItem } from '../plan.js';
import type { ItemResult } from '../results/stored.js';

/** Who started a job and where its result goes: free-form, kept with the job (sealed on Redis). */
export interface BulkJobMeta {
  /** Who started it (a Slack user ID, `terminal`). */
  readonly startedBy: string;
  /** What the list was called (the file name), for messages and the result's name. */
  readonly label: string;
  /** Where the front reports (a channel and thread, …): the front's own business. */
  readonly origin?: Readonly<Record<string, string>>;
  readonly locale?: 'ko' | 'en';
}

export interface BulkJobSpec {
  readonly items: readonly BulkItem[];
  readonly meta: BulkJobMeta;
  /** What the front needs to report the job from any replica (its plan): kept with the job, sealed on Redis. */
  readonly attachment?: unknown;
  /** Items already answered (a resumed terminal run): never asked again. In process only. */
  readonly done?: ReadonlyMap<number, ItemResult>;
}

/** How far a job is. */
export interface BulkProgress {
  readonly total: number;
  /** Items with a result (answered or failed for good). */
  readonly done: number;
  readonly answered: number;
  readonly failed: number;
  /** Items waiting for another try after a "slow down". */
  readonly retrying: number;
  /** Requests sent for the job (cache hits not counted) and cache hits. */
  readonly requests: number;
  readonly cacheHits: number;
  /** The pacing rate in force, requests per second (lower than configured while backing off). */
  readonly rate: number;
  /** Items finished per second lately, and the estimated time left (null until it can be told). */
  readonly itemsPerSecond: number;
  readonly etaMs: number | null;
  readonly startedAt: number;
}

/** How a job ended. */
export type BulkOutcome =
  /** Every item has a result. */
  | 'completed'
  /** No answer from Coufun for the stall limit: stopped, keeping what it has. */
  | 'stalled'
  /** Stopped on request (Ctrl-C, 취소, a shutdown). */
  | 'cancelled';

export interface BulkJobEnd {
  readonly outcome: BulkOutcome;
  /** A sentence for logs and fronts when not completed. */
  readonly reason?: string;
  readonly results: ReadonlyMap<number, ItemResult>;
  readonly progress: BulkProgress;
  readonly elapsedMs: number;
}

export interface BulkJob {
  readonly id: string;
  readonly meta: BulkJobMeta;
  readonly total: number;
  progress(): BulkProgress;
  /** Every item result as it arrives (the terminal journals them); returns an unsubscribe. */
  onItem(listener: (index: number, result: ItemResult) => void): () => void;
  /** What is done so far (the "results so far" button). */
  results(): ReadonlyMap<number, ItemResult>;
  /** Stop sending new lookups; those in flight finish; `finished` then resolves as cancelled. */
  cancel(reason?: string): void;
  readonly finished: Promise<BulkJobEnd>;
}

export interface BulkQueue {
  readonly kind: 'memory' | 'redis';
  start(spec: BulkJobSpec): Promise<BulkJob>;
  /** Stop every job at a safe point (in-flight lookups finish) and release resources. */
  close(): Promise<void>;
}

/**
 * What a finished job's reporter receives: on Redis, on whichever replica finished it (once per
 * job across all replicas); in process, once, in this process.
 */
export interface FinishedBulkJob {
  readonly id: string;
  readonly meta: BulkJobMeta;
  readonly items: readonly BulkItem[];
  /** What the front kept with the job to report it (its plan). */
  readonly attachment: unknown;
  readonly end: BulkJobEnd;
}
