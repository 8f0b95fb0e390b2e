/**
 * A small TTL cache. Pure: time comes from the injected clock, nothing runs in the background;
 * expired entries are dropped when read or when room is needed.
 */
import type { Clock } from '../clock.js';

export interface TtlCache<V> {
  /** The live value for `key`, or `undefined` when absent or expired. */
  get(key: string): V | undefined;
  /** Store `value` for the TTL (a no-op when the TTL is 0). Evicts the oldest entries past the bound. */
  set(key: string, value: V): void;
  delete(key: string): void;
  /** Entries held, expired ones not yet dropped included. */
  readonly size: number;
}

export interface TtlCacheOptions {
  /** Lifetime of an entry, ms; 0 disables the cache. */
  readonly ttlMs: number;
  /** Bound on entries; the oldest are evicted first. */
  readonly maxEntries: number;
  readonly clock: Clock;
}

/** Create an empty cache. */
export function createTtlCache<V>({ ttlMs, maxEntries, clock }: TtlCacheOptions): TtlCache<V> {
  // Map iteration order is insertion order, and `set` re-inserts, so the first key is the
  // oldest; with one TTL for all entries it is also the first to expire.
  const entries = new Map<string, { readonly value: V; readonly expiresAt: number }>();

  return {
    get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      if (clock() >= entry.expiresAt) {
        entries.delete(key);
        return undefined;
      }
      return entry.value;
    },
    set(key, value) {
      if (ttlMs <= 0 || maxEntries <= 0) return;
      const now = clock();
      entries.delete(key);
      for (const [oldest, entry] of entries) {
        if (entries.size < maxEntries && now < entry.expiresAt) break;
        entries.delete(oldest);
      }
      entries.set(key, { value, expiresAt: now + ttlMs });
    },
    delete(key) {
      entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
