/**
 * The lookup service: the one place that joins the Coufun client with validation, a short TTL
 * cache, coalescing of identical in-flight lookups, and health counters. Never rejects.
 */
import { systemClock, type Clock } from '../clock.js';
import type { CoufunClient } from '../coufun/client.js';
import { resultCodeInfo } from '../coufun/codes.js';
import { validateRequest } from '../coufun/codec.js';
import { CoufunError, NetworkError, VendorError } from '../coufun/errors.js';
import type { CoufunEnv, CoufunResult, Order } from '../coufun/types.js';
import { createTtlCache } from './cache.js';
import type { LookupMeta, LookupOptions, LookupOutcome, LookupService } from './types.js';

export interface LookupServiceDeps {
  readonly client: CoufunClient;
  /** Which environment the client talks to; copied into every outcome's meta. */
  readonly env: CoufunEnv;
  readonly pocId: string;
  /** How long a successful answer is reused, ms; 0 disables caching. */
  readonly cacheTtlMs: number;
  readonly clock?: Clock;
  /** Bound on cached answers; default 1000. */
  readonly maxCacheEntries?: number;
}

/** A successful vendor answer as kept in the cache. */
interface Answer {
  readonly orders: readonly Order[];
  readonly vendorMessage: string;
  readonly answeredAt: number;
}

/** How one vendor request settled; shared by every lookup that joined it. */
type Settled =
  | { readonly kind: 'ok'; readonly answer: Answer; readonly latencyMs: number }
  | { readonly kind: 'error'; readonly error: CoufunError; readonly answeredAt: number; readonly latencyMs: number };

export const DEFAULT_MAX_CACHE_ENTRIES = 1000;

/**
 * A non-CoufunError is a bug, not a vendor problem: it becomes a failed outcome like any other,
 * but the original stays reachable as `cause` for the logs.
 */
function asCoufunError(e: unknown): CoufunError {
  return e instanceof CoufunError ? e : new NetworkError('unexpected error', { cause: e });
}

/** Build the service over an existing client (which `close()` closes). */
export function createLookupService(deps: LookupServiceDeps): LookupService {
  const { client, env, pocId } = deps;
  const clock = deps.clock ?? systemClock;
  const cache = createTtlCache<Answer>({
    ttlMs: deps.cacheTtlMs,
    maxEntries: deps.maxCacheEntries ?? DEFAULT_MAX_CACHE_ENTRIES,
    clock,
  });
  const inFlight = new Map<string, Promise<Settled>>();
  let consecutiveFailures = 0;
  let lookups = 0;
  let vendorRequests = 0;

  /** Sends one request and types every way it can end; never rejects. */
  async function ask(goodsId: string, barcode: string): Promise<Settled> {
    vendorRequests++;
    const started = clock();
    try {
      const result = await client.query({ pocId, goodsId, barcode });
      const answeredAt = clock();
      const latencyMs = answeredAt - started;
      if (result.ok) {
        consecutiveFailures = 0;
        return { kind: 'ok', answer: { orders: result.orders, vendorMessage: result.message, answeredAt }, latencyMs };
      }
      const info = resultCodeInfo(result.code);
      // The vendor answered, so it is up; only its operator-side or transient codes mean trouble.
      consecutiveFailures = info.audience === 'operator' || info.audience === 'transient' ? consecutiveFailures + 1 : 0;
      return { kind: 'error', error: new VendorError(result.code, result.message, info), answeredAt, latencyMs };
    } catch (e) {
      const answeredAt = clock();
      consecutiveFailures++;
      return { kind: 'error', error: asCoufunError(e), answeredAt, latencyMs: answeredAt - started };
    }
  }

  /** Joins the in-flight request for `key`, or starts one (caching its success). */
  function shared(key: string, goodsId: string, barcode: string): Promise<Settled> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = ask(goodsId, barcode).then((settled) => {
      inFlight.delete(key);
      if (settled.kind === 'ok') cache.set(key, settled.answer);
      return settled;
    });
    inFlight.set(key, started);
    return started;
  }

  async function lookup(goodsId: string, barcode: string, options: LookupOptions = {}): Promise<LookupOutcome> {
    lookups++;
    const meta = (latencyMs: number, cacheHit: boolean, answeredAt: number): LookupMeta => ({ env, latencyMs, cacheHit, answeredAt });
    try {
      validateRequest({ pocId, goodsId, barcode });
    } catch (e) {
      return { ok: false, goodsId, barcode, error: asCoufunError(e), meta: meta(0, false, clock()) };
    }
    const key = `${goodsId}\u0000${barcode}`;
    const cached = options.fresh ? undefined : cache.get(key);
    if (cached) {
      return { ok: true, goodsId, barcode, orders: cached.orders, vendorMessage: cached.vendorMessage, meta: meta(0, true, cached.answeredAt) };
    }
    const settled = await shared(key, goodsId, barcode);
    if (settled.kind === 'error') {
      return { ok: false, goodsId, barcode, error: settled.error, meta: meta(settled.latencyMs, false, settled.answeredAt) };
    }
    const { answer } = settled;
    return { ok: true, goodsId, barcode, orders: answer.orders, vendorMessage: answer.vendorMessage, meta: meta(settled.latencyMs, false, answer.answeredAt) };
  }

  return {
    lookup,
    health: () => ({ consecutiveFailures, lookups, vendorRequests }),
    close: (options) => client.close(options),
  };
}
