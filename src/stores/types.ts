/**
 * The seams for state that must mean the same on every replica: a small key-value store (lookup
 * cache, in-flight claims, thread-card button references, replay and event de-duplication) and
 * the per-user rate limiter. Every method is async so an implementation may live in Redis; the
 * in-memory ones under `memory/` are the default. Values are JSON-serialisable. Keys that are
 * derived from bearer values (barcodes) are hashed by the caller (`keys.ts`), never stored in clear.
 */

export interface KeyValueStore {
  /** The live value for `key`, or `undefined` when absent or expired. */
  get<V>(key: string): Promise<V | undefined>;
  /** Store `value` for `ttlMs` (every entry expires). */
  set(key: string, value: unknown, ttlMs: number): Promise<void>;
  /** Store `value` only when `key` is absent: true when this call stored it (a claim, a first delivery). */
  add(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Result of asking for `cost` lookups: allowed, or the time (epoch ms) when enough budget frees up. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAtMs: number };

/** Sliding one-minute window per user. */
export interface RateLimiter {
  /** Take `cost` units for `userId` if all fit in the window; otherwise take nothing. */
  take(userId: string, cost?: number): Promise<RateDecision>;
  /** Would `cost` more units fit now? Records nothing. */
  check(userId: string, cost?: number): Promise<RateDecision>;
}

/** The window every limiter uses. */
export const RATE_WINDOW_MS = 60_000;

/** Whether a shared backend (Redis) is reachable right now. */
export type StoreStatus = 'up' | 'down';

/** The live state of a shared backend, for /healthz and metrics. */
export interface StoreHealth {
  status(): StoreStatus;
  /** `listener` is called on every change (never with the same status twice); returns an unsubscribe. */
  onStatusChange(listener: (status: StoreStatus) => void): () => void;
}
