/** The lookup service's contract: what every front end (CLI, Slack) receives. */
import type { CoufunError } from '../coufun/errors.js';
import type { CoufunEnv, Order } from '../coufun/types.js';

/** How one lookup went, for cards, the audit log and the benchmark. */
export interface LookupMeta {
  /** Which Coufun environment answered (the sandbox must be unmistakable on a card). */
  readonly env: CoufunEnv;
  /** Time spent waiting for Coufun, ms (0 on a cache hit). */
  readonly latencyMs: number;
  readonly cacheHit: boolean;
  /** When the answer was obtained (epoch ms; a cache hit keeps the original time). */
  readonly answeredAt: number;
}

/** One barcode's outcome. Never a rejected promise: failures are values. */
export type LookupOutcome =
  | {
      readonly ok: true;
      readonly goodsId: string;
      readonly barcode: string;
      readonly orders: readonly Order[];
      readonly vendorMessage: string;
      readonly meta: LookupMeta;
    }
  | {
      readonly ok: false;
      readonly goodsId: string;
      readonly barcode: string;
      readonly error: CoufunError;
      readonly meta: LookupMeta;
    };

export interface LookupOptions {
  /**
   * Skip the cache and any request already in flight (a "refresh" must see data from after the
   * click); identical lookups that follow join this request.
   */
  readonly fresh?: boolean;
  /**
   * One vendor request, no retry inside it: a caller that paces its own requests (a bulk job)
   * puts a failed item back in its queue instead, so every request it causes is paced.
   */
  readonly once?: boolean;
  /** The store round trip started by `prepare` for this barcode (ignored for another one). */
  readonly early?: EarlyLookup;
}

/**
 * A lookup's first store round trip (cache read and, across replicas, the claim), started
 * before the caller has decided to look up, so it overlaps that decision's own round trip (the
 * rate limit). Hand it to `lookup`, or `cancel()` it (gives the claim back); never both needed.
 */
export interface EarlyLookup {
  cancel(): void;
}

/** Validates, coalesces identical in-flight lookups, caches briefly, and never rejects. */
export interface LookupService {
  lookup(goodsId: string, barcode: string, options?: LookupOptions): Promise<LookupOutcome>;
  /**
   * Start what `lookup(goodsId, barcode, { early })` will first wait for. Only worth it where
   * that is a network round trip (the shared store across replicas); elsewhere a no-op.
   */
  prepare?(goodsId: string, barcode: string): EarlyLookup;
  /** Counters for /healthz: consecutive vendor/transport failures and totals. */
  health(): { readonly consecutiveFailures: number; readonly lookups: number; readonly vendorRequests: number };
  /** Release the client; `force` aborts lookups still waiting on Coufun. */
  close(options?: { readonly force?: boolean }): Promise<void>;
}

/**
 * What the service reports as it works, for metrics; every method optional and never allowed to
 * break a lookup (the service ignores what an observer throws).
 */
export interface LookupObserver {
  /** A request to Coufun settled: `result` is `ok`, a vendor code (`vendor_16`) or an error code (`timeout`). */
  vendorRequest?(durationMs: number, result: string): void;
  /** A lookup was answered from the cache (`hit`) or had to ask (`miss`). */
  cache?(result: 'hit' | 'miss'): void;
  /** A lookup joined an identical one already in flight instead of sending its own. */
  sharedInFlight?(): void;
}
