/**
 * The shared state of one process: bounded LRU stores and the in-memory limiter. Replayed
 * requests and thread-card references get stores of their own, so a burst of requests cannot
 * push references out of a shared LRU; the lookup cache is bounded like the local copy on Redis.
 */
import type { Clock } from '../../time/clock.js';
import type { KeyHasher } from '../keys.js';
import type { SharedState } from '../shared-state.js';
import type { ValueCodec } from '../value-codec.js';
import { createMemoryStore } from './key-value.js';
import { MemoryRateLimiter } from './rate-limiter.js';

/** Answers kept by the lookup cache in memory. */
export const MEMORY_CACHE_ENTRIES = 1000;
/** Replay and event claims kept: a claim lives minutes, a burst of requests must not evict one early. */
export const MEMORY_SEEN_ENTRIES = 100_000;

/** The memory backend of `openSharedState`: nothing to connect, nothing to close. */
export function openMemoryState(options: {
  readonly perMinute: number;
  readonly clock: Clock;
  readonly hashKey: KeyHasher;
  readonly codec: ValueCodec;
}): SharedState {
  const { clock } = options;
  return {
    backend: 'memory',
    acrossReplicas: false,
    seen: createMemoryStore({ clock, maxEntries: MEMORY_SEEN_ENTRIES }),
    refs: createMemoryStore({ clock }),
    cache: createMemoryStore({ clock, maxEntries: MEMORY_CACHE_ENTRIES }),
    limiter: new MemoryRateLimiter(options.perMinute, clock),
    hashKey: options.hashKey,
    codec: options.codec,
    health: null,
    close: async () => undefined,
  };
}
