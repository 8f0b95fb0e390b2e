/**
 * Bulk checks (a list of coupons from a file): BULK_MAX_ITEMS, BULK_MAX_FILE_BYTES,
 * BULK_RATE_PER_SECOND, BULK_CONCURRENCY, BULK_STALL_MS, BULK_RESULT_TTL_MS, BULK_LOCK_MS.
 * Problems go to the reader, listed with every other configuration problem.
 */
import { type Env, EnvReader } from './env.js';

export interface BulkConfig {
  /** Most rows one list may have (blank rows and headers not counted). */
  readonly maxItems: number;
  /** Largest file accepted, bytes. */
  readonly maxFileBytes: number;
  /** Most vendor requests bulk checks send in any one-second window (across replicas on Redis). */
  readonly ratePerSecond: number;
  /** Most bulk vendor requests in flight at once (across replicas on Redis). */
  readonly concurrency: number;
  /** A job with no answer from Coufun for this long stops, keeping what it has, ms. */
  readonly stallMs: number;
  /** How long a finished job's data stays on Redis, ms. */
  readonly resultTtlMs: number;
  /** Redis mode: how long a replica's hold on an item lasts without renewal (a dead replica's items move on after it), ms. */
  readonly lockMs: number;
}

/** Bounds that every front checks against (`--rate`, `--concurrency` too). */
export const BULK_LIMITS = {
  rate: { min: 1, max: 500 },
  concurrency: { min: 1, max: 64 },
} as const;

export const BULK_DEFAULTS: BulkConfig = Object.freeze({
  maxItems: 5000,
  maxFileBytes: 10 * 1024 * 1024,
  ratePerSecond: 5,
  concurrency: 4,
  stallMs: 120_000,
  resultTtlMs: 24 * 60 * 60 * 1000,
  lockMs: 30_000,
});

/** The bulk settings; every value has a default. */
export function readBulkConfig(r: EnvReader): BulkConfig {
  const d = BULK_DEFAULTS;
  return Object.freeze({
    maxItems: r.int('BULK_MAX_ITEMS', d.maxItems, 1, 100_000),
    maxFileBytes: r.int('BULK_MAX_FILE_BYTES', d.maxFileBytes, 1024, 100 * 1024 * 1024),
    ratePerSecond: r.int('BULK_RATE_PER_SECOND', d.ratePerSecond, BULK_LIMITS.rate.min, BULK_LIMITS.rate.max),
    concurrency: r.int('BULK_CONCURRENCY', d.concurrency, BULK_LIMITS.concurrency.min, BULK_LIMITS.concurrency.max),
    stallMs: r.int('BULK_STALL_MS', d.stallMs, 1000, 3_600_000),
    resultTtlMs: r.int('BULK_RESULT_TTL_MS', d.resultTtlMs, 60_000, 30 * 24 * 60 * 60 * 1000),
    lockMs: r.int('BULK_LOCK_MS', d.lockMs, 1000, 600_000),
  });
}

/** Load only the bulk settings. Throws ConfigError listing every problem. */
export function loadBulkConfig(env: Env): BulkConfig {
  const r = new EnvReader(env);
  const config = readBulkConfig(r);
  r.check();
  return config;
}
