/**
 * The in-memory KeyValueStore: a bounded LRU (least recently used entries go first when full)
 * where every entry carries its own TTL. Time comes from the injected clock.
 */
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../time/clock.js';
import type { KeyValueStore } from '../types.js';

const DEFAULT_MAX_ENTRIES = 10_000;

export function createMemoryStore(options: {
  readonly clock: Clock;
  readonly maxEntries?: number;
}): KeyValueStore & { readonly size: number } {
  const { clock } = options;
  // The entry's own deadline decides (expired at exactly `ttlMs`, as everywhere in the bot);
  // lru-cache's TTL (one tick longer) only lets it drop dead entries before the LRU ones.
  const cache = new LRUCache<string, { v: unknown; exp: number }>({
    max: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
    ttlAutopurge: false,
    // lru-cache reads time through `perf.now()`; the injected clock keeps tests deterministic.
    perf: { now: clock },
    ttlResolution: 0,
  });
  const live = (key: string): { v: unknown } | undefined => {
    const entry = cache.get(key);
    if (entry === undefined) return undefined;
    if (clock() < entry.exp) return entry;
    cache.delete(key);
    return undefined;
  };
  const put = (key: string, value: unknown, ttlMs: number): void => {
    if (ttlMs > 0) cache.set(key, { v: value, exp: clock() + ttlMs }, { ttl: ttlMs + 1 });
  };
  return {
    async get<V>(key: string) {
      return live(key)?.v as V | undefined;
    },
    async set(key, value, ttlMs) {
      put(key, value, ttlMs);
    },
    async add(key, value, ttlMs) {
      if (live(key) !== undefined) return false;
      put(key, value, ttlMs);
      return true;
    },
    async delete(key) {
      cache.delete(key);
    },
    get size() {
      const now = clock();
      let n = 0;
      for (const entry of cache.values()) if (now < entry.exp) n += 1;
      return n;
    },
  };
}
