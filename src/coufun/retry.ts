/**
 * Retry timing for the Coufun client. Pure: randomness, the remaining time and the last
 * attempt's latency are passed in, so the schedule is testable without sleeping.
 */

/** First pause after a transport failure (HTTP 5xx, network), ms; each further retry doubles it. */
export const BACKOFF_BASE_MS = 100;
/** No single pause is longer than this, ms. */
export const BACKOFF_CAP_MS = 2_000;
/** Hard upper bound on retries per query (the vendor asks callers not to hammer it). */
export const MAX_RETRIES = 2;
/** Pause before retrying a code 50 (maintenance) answer, ms, before ±25 % jitter. */
export const MAINTENANCE_PAUSE_MS = 1_000;
/** Code 50 is "worth one retry after a pause": never more, whatever `maxRetries` allows. */
export const MAINTENANCE_MAX_RETRIES = 1;
/**
 * Least time a retry is given to answer, ms. A retry started with less would almost surely time
 * out, and its TimeoutError would only hide the answer already in hand.
 */
export const MIN_ATTEMPT_MS = 250;

/** Why the last attempt failed: a transport failure, or the vendor's code 50 (maintenance). */
export type RetryCause = 'transport' | 'maintenance';

/** Retries already made in this query. */
export interface RetriesMade {
  /** Of any cause. */
  readonly total: number;
  /** After a code 50 answer. */
  readonly maintenance: number;
}

export interface RetryBudget {
  /** Retries allowed after the first attempt (clamped to `MAX_RETRIES`). */
  readonly maxRetries: number;
  /** Time left before the query's deadline, ms. */
  readonly remainingMs: number;
  /** How long the attempt that just failed took, ms: the retry is expected to need as long. */
  readonly lastAttemptMs: number;
}

/**
 * Pause before retry number `attempt` (0 = first retry): `100·2^attempt` ms with ±50 % jitter,
 * capped at `BACKOFF_CAP_MS`. `random` returns a number in [0, 1) (values outside are clamped).
 */
export function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  return Math.min(BACKOFF_CAP_MS, Math.round(base * (0.5 + clamp01(random()))));
}

/** Pause before retrying a code 50 answer: `MAINTENANCE_PAUSE_MS` with ±25 % jitter. */
export function maintenancePauseMs(random: () => number): number {
  return Math.round(MAINTENANCE_PAUSE_MS * (0.75 + clamp01(random()) / 2));
}

function clamp01(r: number): number {
  return Math.min(1, Math.max(0, r));
}

/**
 * Pause before the next attempt, or `null` to stop: the retries are used up (`maxRetries` in
 * all, `MAINTENANCE_MAX_RETRIES` for code 50), or the pause plus the time a retry needs —
 * the last attempt's latency, at least `MIN_ATTEMPT_MS` — does not fit before the deadline.
 */
export function nextRetryDelay(cause: RetryCause, made: RetriesMade, budget: RetryBudget, random: () => number): number | null {
  if (made.total >= Math.min(budget.maxRetries, MAX_RETRIES)) return null;
  if (cause === 'maintenance' && made.maintenance >= MAINTENANCE_MAX_RETRIES) return null;
  const pause = cause === 'maintenance' ? maintenancePauseMs(random) : backoffMs(made.total, random);
  const attemptMs = Math.max(MIN_ATTEMPT_MS, budget.lastAttemptMs);
  return pause + attemptMs <= budget.remainingMs ? pause : null;
}
