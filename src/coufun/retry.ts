/**
 * Retry timing for the Coufun client. Pure: randomness and the remaining time are passed in,
 * so the schedule is testable without sleeping.
 */

/** First pause, ms; each further retry doubles it. */
export const BACKOFF_BASE_MS = 100;
/** No single pause is longer than this, ms. */
export const BACKOFF_CAP_MS = 2_000;
/** Hard upper bound on retries per query (the vendor asks callers not to hammer it). */
export const MAX_RETRIES = 2;

/**
 * Pause before retry number `attempt` (0 = first retry): `100·2^attempt` ms with ±50 % jitter,
 * capped at `BACKOFF_CAP_MS`. `random` returns a number in [0, 1) (values outside are clamped).
 */
export function backoffMs(attempt: number, random: () => number): number {
  const base = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  const r = Math.min(1, Math.max(0, random()));
  return Math.min(BACKOFF_CAP_MS, Math.round(base * (0.5 + r)));
}

/**
 * Pause before the next attempt, or `null` to stop: `attempt` (0-based, the one that just
 * failed) used up `maxRetries` (clamped to `MAX_RETRIES`), or the pause would reach the deadline
 * (`remainingMs`), leaving no time for the retry itself.
 */
export function nextRetryDelay(attempt: number, maxRetries: number, remainingMs: number, random: () => number): number | null {
  if (attempt >= Math.min(maxRetries, MAX_RETRIES)) return null;
  const delay = backoffMs(attempt, random);
  return delay < remainingMs ? delay : null;
}
