/**
 * The lookup service: the one place that joins the Coufun client with validation, a short TTL
 * cache, coalescing of identical in-flight lookups, and health counters. Never rejects.
 */
import { systemClock, type Clock } from '../time/clock.js';
import { sleep } from '../time/sleep.js';
import type { CoufunClient } from '../coufun/client.js';
import { resultCodeInfo } from '../coufun/codes.js';
import { validateRequest } from '../coufun/validate.js';
import { CoufunError, InternalError, VendorError } from '../coufun/errors.js';
import { newRef } from '../log/ref.js';
import { isExpired } from '../coufun/fields.js';
import type { CoufunEnv, Order } from '../coufun/types.js';
import { createKeyHasher, type KeyHasher } from '../stores/keys.js';
import { createMemoryStore } from '../stores/memory/key-value.js';
import { MEMORY_CACHE_ENTRIES } from '../stores/memory/shared-state.js';
import type { KeyValueStore } from '../stores/types.js';
import type { EarlyLookup, LookupMeta, LookupObserver, LookupOptions, LookupOutcome, LookupService } from './types.js';

export interface LookupServiceDeps {
  readonly client: CoufunClient;
  /** Which environment the client talks to; copied into every outcome's meta. */
  readonly env: CoufunEnv;
  readonly pocId: string;
  /** How long a successful answer is reused, ms; 0 disables caching. */
  readonly cacheTtlMs: number;
  readonly clock?: Clock;
  /** Bound on cached answers when no store is given; default 1000. */
  readonly maxCacheEntries?: number;
  /** Where answers are cached (shared across replicas on Redis); default in memory. */
  readonly store?: KeyValueStore;
  /** Turns (goods, barcode) into a store key without the barcode in clear. */
  readonly hashKey?: KeyHasher;
  /** Told about vendor requests, cache hits and shared lookups (metrics). */
  readonly observer?: LookupObserver;
  /**
   * Share identical in-flight lookups with other replicas on the same (Redis) store: the first
   * to claim a key asks Coufun and caches the answer, the others wait for it. Off for a store
   * of this process alone, where the local in-flight map already shares everything.
   */
  readonly acrossReplicas?: AcrossReplicas;
}

/** How replicas share one vendor request; see `LookupServiceDeps.acrossReplicas`. */
export interface AcrossReplicas {
  /** Distinguishes this replica's claims (random per process is fine). */
  readonly replicaId: string;
  /** How long a claim lives, and the longest a replica waits for its holder's answer, ms. */
  readonly claimTtlMs: number;
  /** Pause between looks at the store while waiting, ms: doubles from `min` up to `max`. */
  readonly pollMs?: { readonly min: number; readonly max: number };
}

/** A successful vendor answer as kept in the cache. */
interface Answer {
  readonly orders: readonly Order[];
  readonly vendorMessage: string;
  readonly answeredAt: number;
}

/** How one vendor request settled; shared by every lookup that joined it. */
type Settled =
  | { readonly kind: 'ok'; readonly answer: Answer; readonly latencyMs: number /** Asked by another replica. */; readonly peer?: true }
  | { readonly kind: 'error'; readonly error: CoufunError; readonly answeredAt: number; readonly latencyMs: number };

/**
 * A non-CoufunError is a bug, not a vendor problem: it becomes an InternalError outcome with a
 * fresh reference, and the original stays reachable as `cause` for the log line.
 */
function asCoufunError(e: unknown): CoufunError {
  return e instanceof CoufunError ? e : new InternalError(newRef(), { cause: e });
}

/** The label of how a vendor request ended, for metrics: `ok`, `vendor_16`, `timeout`, … */
function resultLabel(settled: Settled): string {
  if (settled.kind === 'ok') return 'ok';
  const { error } = settled;
  return error instanceof VendorError
    ? `vendor_${error.vendorCode.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'none'}`
    : error.code.toLowerCase();
}

/**
 * The orders with `expired` judged at `nowMs`. The client judged it when the answer arrived; a
 * cached answer may since have crossed KST midnight, and the display's "expired N days ago"
 * uses the current clock, so both must agree. Orders that did not change are reused.
 */
function withExpiryAt(orders: readonly Order[], nowMs: number): readonly Order[] {
  let changed = false;
  const judged = orders.map((order) => {
    const expired = isExpired(order.status, order.validEndDate, nowMs);
    if (expired === order.expired) return order;
    changed = true;
    return { ...order, expired };
  });
  return changed ? judged : orders;
}

/** Build the service over an existing client (which `close()` closes). */
export function createLookupService(deps: LookupServiceDeps): LookupService {
  const { client, env, pocId } = deps;
  const clock = deps.clock ?? systemClock;
  const cache = deps.store ?? createMemoryStore({ maxEntries: deps.maxCacheEntries ?? MEMORY_CACHE_ENTRIES, clock });
  const hashKey = deps.hashKey ?? createKeyHasher();
  const ttlMs = deps.cacheTtlMs;
  /** Cache reads and writes are best-effort: a failing store means a vendor request, never a failed lookup. */
  const cacheGet = (key: string): Promise<Answer | undefined> =>
    ttlMs > 0 ? cache.get<Answer>(key).catch(() => undefined) : Promise.resolve(undefined);
  const cacheSet = (key: string, answer: Answer): Promise<void> => cache.set(key, answer, ttlMs).catch(() => undefined);
  const inFlight = new Map<string, Promise<Settled>>();
  const observer = deps.observer ?? {};
  /** An observer's failure must never become a lookup's. */
  const notify = (fn: () => void): void => {
    try {
      fn();
    } catch {
      // metrics are best-effort
    }
  };
  let consecutiveFailures = 0;
  let lookups = 0;
  let vendorRequests = 0;

  /** Sends one request and types every way it can end; never rejects. */
  async function ask(goodsId: string, barcode: string, once: boolean): Promise<Settled> {
    vendorRequests++;
    const started = clock();
    try {
      const result = await client.query({ pocId, goodsId, barcode }, once ? { maxRetries: 0 } : undefined);
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
      const error = asCoufunError(e);
      // A bug of ours says nothing about the vendor's health.
      if (!(error instanceof InternalError)) consecutiveFailures++;
      return { kind: 'error', error, answeredAt, latencyMs: answeredAt - started };
    }
  }

  const across = ttlMs > 0 ? deps.acrossReplicas : undefined;

  /**
   * The answer another replica is fetching for `key`: looks at the cache with a doubling pause
   * until it appears, the claim disappears (its holder failed: ask ourselves), or the claim's
   * lifetime has been waited out. Bounded by counting the pauses, not by the (injected) clock.
   */
  async function fromPeer(key: string, claimKey: string, policy: AcrossReplicas): Promise<Settled | null> {
    let delay = policy.pollMs?.min ?? 2;
    const max = policy.pollMs?.max ?? 25;
    const started = clock();
    for (let waited = 0; waited < policy.claimTtlMs; waited += delay, delay = Math.min(max, delay * 2)) {
      await sleep(delay);
      let answer = await cacheGet(key);
      if (answer === undefined) {
        if ((await cache.get(claimKey).catch(() => undefined)) !== undefined) continue;
        // The holder caches before it lets go: one more look tells success from failure.
        answer = await cacheGet(key);
        if (answer === undefined) return null;
      }
      return { kind: 'ok', answer, latencyMs: clock() - started, peer: true };
    }
    return null;
  }

  /**
   * One vendor request for `key` across every replica on the store: claim it and ask, or wait
   * for the claim holder's cached answer (and ask ourselves if none comes). A fresh lookup
   * always asks: the holder's request may predate the click.
   */
  async function obtain(
    key: string,
    goodsId: string,
    barcode: string,
    fresh: boolean,
    claim: Promise<boolean> | undefined,
    once: boolean,
  ): Promise<{ settled: Settled; release?: () => Promise<void> }> {
    if (across === undefined || fresh) return { settled: await ask(goodsId, barcode, once) };
    const claimed = await (claim ?? claimFor(key));
    if (!claimed) {
      const peer = await fromPeer(key, claimKeyOf(key), across);
      if (peer) return { settled: peer };
      return { settled: await ask(goodsId, barcode, once) };
    }
    const settled = await ask(goodsId, barcode, once);
    // A failure lets go at once, so waiting replicas ask for themselves. A success lets go only
    // once the answer is cached (a replica that sees no claim must find it), and need not let go
    // at all when the claim expires before the cached answer does: one store round trip fewer.
    if (settled.kind === 'ok' && across.claimTtlMs <= ttlMs) return { settled };
    return { settled, release: () => unclaim(key) };
  }

  const claimKeyOf = (key: string): string => `claim:${key}`;
  /** True when this replica now holds the claim for `key` (a failing store counts as ours). */
  const claimFor = (key: string): Promise<boolean> =>
    cache.add(claimKeyOf(key), across?.replicaId ?? '', across?.claimTtlMs ?? 0).catch(() => true);
  const unclaim = (key: string): Promise<void> => cache.delete(claimKeyOf(key)).catch(() => undefined);
  /** A claim taken speculatively but not needed (a cache hit, a request already in flight here). */
  const dropClaim = (claim: Promise<boolean> | undefined, key: string): void => {
    void claim?.then((won) => (won ? unclaim(key) : undefined));
  };

  /**
   * Joins the in-flight request for `key`, or starts one (caching its success). A `fresh`
   * lookup always starts its own: the one in flight may have been sent before the user asked
   * for fresh data. Later lookups join the newest request.
   *
   * The answer is handed out as soon as it arrives; caching it (and releasing a cross-replica
   * claim) happens behind it, so a card never waits for store round trips. The slot stays
   * taken until the answer is cached, so a lookup arriving meanwhile joins the answer instead
   * of missing the cache.
   */
  function shared(key: string, goodsId: string, barcode: string, fresh: boolean, claim?: Promise<boolean>, once = false): Promise<Settled> {
    const pending = fresh ? undefined : inFlight.get(key);
    if (pending) {
      dropClaim(claim, key);
      return pending;
    }
    const started: Promise<Settled> = obtain(key, goodsId, barcode, fresh, claim, once).then(({ settled, release }) => {
      if (settled.kind === 'ok' && settled.peer) {
        if (inFlight.get(key) === started) inFlight.delete(key);
        return settled;
      }
      notify(() => observer.vendorRequest?.(settled.latencyMs, resultLabel(settled)));
      const persisted = persist(key, started, settled, release);
      // In memory the cache is written within a few microtasks: wait, and keep the order simple.
      if (across === undefined) return persisted.then(() => settled);
      void persisted;
      return settled;
    });
    inFlight.set(key, started);
    return started;
  }

  /** Cache `settled` if it is still the newest for `key`, release the claim, free the slot. Never rejects. */
  async function persist(
    key: string,
    started: Promise<Settled>,
    settled: Settled,
    release: (() => Promise<void>) | undefined,
  ): Promise<void> {
    try {
      // An older answer must neither replace what a newer request cached nor be served from the
      // cache while a newer request, which later lookups join, is still on its way. Only the
      // slot's holder caches, and a newer request takes the slot for good, so while we still
      // hold it nothing newer can have been cached: write at once.
      if (settled.kind === 'ok' && inFlight.get(key) === started && ttlMs > 0) await cacheSet(key, settled.answer);
      await release?.();
    } finally {
      // A newer request may have taken the slot meanwhile; it is not ours to clear.
      if (inFlight.get(key) === started) inFlight.delete(key);
    }
  }

  /** What `prepare` started, by the handle it gave out; taken (once) by `lookup`. */
  interface Early {
    readonly key: string;
    readonly claim: Promise<boolean>;
    readonly cached: Promise<Answer | undefined>;
    done: boolean;
  }
  const earlies = new WeakMap<EarlyLookup, Early>();
  const NO_EARLY: EarlyLookup = { cancel: () => undefined };
  const giveBack = (early: Early): void => {
    if (early.done) return;
    early.done = true;
    dropClaim(early.claim, early.key);
  };

  function prepare(goodsId: string, barcode: string): EarlyLookup {
    // In memory the first step costs no round trip: nothing to overlap.
    if (across === undefined) return NO_EARLY;
    try {
      validateRequest({ pocId, goodsId, barcode });
    } catch {
      return NO_EARLY;
    }
    const key = `answer:${hashKey(goodsId, barcode)}`;
    // Both never reject (cacheGet and claimFor catch).
    const early: Early = { key, claim: claimFor(key), cached: cacheGet(key), done: false };
    const handle: EarlyLookup = { cancel: () => giveBack(early) };
    earlies.set(handle, early);
    return handle;
  }

  /** The early round trip for `key`, if one was started and is still unused; marks it used. */
  function takeEarly(handle: EarlyLookup | undefined, key: string, fresh: boolean): Early | undefined {
    const early = handle === undefined ? undefined : earlies.get(handle);
    if (early === undefined || early.done) return undefined;
    if (early.key !== key || fresh) {
      giveBack(early);
      return undefined;
    }
    early.done = true;
    return early;
  }

  async function lookup(goodsId: string, barcode: string, options: LookupOptions = {}): Promise<LookupOutcome> {
    lookups++;
    const meta = (latencyMs: number, cacheHit: boolean, answeredAt: number): LookupMeta => ({ env, latencyMs, cacheHit, answeredAt });
    try {
      validateRequest({ pocId, goodsId, barcode });
    } catch (e) {
      const unused = options.early && earlies.get(options.early);
      if (unused) giveBack(unused);
      return { ok: false, goodsId, barcode, error: asCoufunError(e), meta: meta(0, false, clock()) };
    }
    const key = `answer:${hashKey(goodsId, barcode)}`;
    const joined = options.fresh ? undefined : inFlight.get(key);
    const early = takeEarly(options.early, key, options.fresh === true);
    // Joining a request in flight here needs neither the read nor the claim.
    if (early && joined) dropClaim(early.claim, key);
    // Across replicas the claim is asked for together with the cache read: one store round trip
    // before Coufun instead of two. A hit gives the claim back.
    const claim = across !== undefined && !options.fresh && !joined ? (early?.claim ?? claimFor(key)) : undefined;
    const cached = options.fresh || joined ? undefined : await (early?.cached ?? cacheGet(key));
    if (cached) {
      dropClaim(claim, key);
      const orders = withExpiryAt(cached.orders, clock());
      notify(() => observer.cache?.('hit'));
      return { ok: true, goodsId, barcode, orders, vendorMessage: cached.vendorMessage, meta: meta(0, true, cached.answeredAt) };
    }
    if (!options.fresh) notify(() => (joined ? observer.sharedInFlight?.() : observer.cache?.('miss')));
    const settled = await (joined ?? shared(key, goodsId, barcode, options.fresh === true, claim, options.once === true));
    if (settled.kind === 'error') {
      return { ok: false, goodsId, barcode, error: settled.error, meta: meta(settled.latencyMs, false, settled.answeredAt) };
    }
    const { answer } = settled;
    return {
      ok: true,
      goodsId,
      barcode,
      orders: answer.orders,
      vendorMessage: answer.vendorMessage,
      meta: meta(settled.latencyMs, false, answer.answeredAt),
    };
  }

  return {
    lookup,
    prepare,
    health: () => ({ consecutiveFailures, lookups, vendorRequests }),
    close: (options) => client.close(options),
  };
}
