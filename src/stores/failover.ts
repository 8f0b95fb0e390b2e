/**
 * Redis as a helper, not a single point of failure. The failover store and limiter send every
 * operation to the shared backend while it is up, and keep a bounded local copy beside it; an
 * operation that fails marks the backend down and is answered locally, and while it is down
 * every operation goes straight to local state (no lookup waits on a dead Redis). Writes made
 * while up are mirrored locally, so a thread card or a cached answer stays usable on this
 * replica through an outage.
 */
import type { KeyValueStore, RateDecision, RateLimiter, StoreStatus } from './types.js';

/** What the failover pieces need from the backend's health. */
export interface FailoverHealth {
  status(): StoreStatus;
  /** Called with the error of an operation that failed while up. */
  failed(e: unknown): void;
}

/** Run `shared` while up (marking failures), else `local`. */
async function either<T>(health: FailoverHealth, shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
  if (health.status() === 'up') {
    try {
      return await shared();
    } catch (e) {
      health.failed(e);
    }
  }
  return local();
}

export function createFailoverStore(shared: KeyValueStore, local: KeyValueStore, health: FailoverHealth): KeyValueStore {
  return {
    async get<V>(key: string) {
      // A miss on Redis may be an entry written here while it was down.
      const hit = await either(
        health,
        () => shared.get<V>(key),
        () => Promise.resolve(undefined),
      );
      return hit !== undefined ? hit : local.get<V>(key);
    },
    async set(key, value, ttlMs) {
      await local.set(key, value, ttlMs);
      await either(
        health,
        () => shared.set(key, value, ttlMs),
        () => Promise.resolve(),
      );
    },
    async add(key, value, ttlMs) {
      // Seen here already (perhaps during an outage): not new, whatever Redis says.
      if ((await local.get(key)) !== undefined) return false;
      const added = await either(
        health,
        () => shared.add(key, value, ttlMs),
        () => local.add(key, value, ttlMs),
      );
      if (added) await local.set(key, value, ttlMs);
      return added;
    },
    async delete(key) {
      await local.delete(key);
      await either(
        health,
        () => shared.delete(key),
        () => Promise.resolve(),
      );
    },
  };
}

export class FailoverRateLimiter implements RateLimiter {
  constructor(
    private readonly shared: RateLimiter,
    private readonly local: RateLimiter,
    private readonly health: FailoverHealth,
  ) {}

  async take(userId: string, cost = 1): Promise<RateDecision> {
    const viaShared = await either<RateDecision | undefined>(
      this.health,
      () => this.shared.take(userId, cost),
      async () => undefined,
    );
    if (viaShared === undefined) return this.local.take(userId, cost);
    // The local window mirrors this replica's share of the shared one, ready for an outage.
    if (viaShared.ok) await this.local.take(userId, cost);
    return viaShared;
  }

  async check(userId: string, cost = 1): Promise<RateDecision> {
    const viaShared = await either(
      this.health,
      () => this.shared.check(userId, cost),
      async () => undefined,
    );
    return viaShared ?? this.local.check(userId, cost);
  }
}
