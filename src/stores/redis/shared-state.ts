/**
 * The shared state on Redis: one connection, the stores and the limiter behind their failover
 * wrappers (bounded local memory beside each), and the health the bot reports. Never rejects:
 * a Redis that is absent at start leaves the bot on local state until it appears.
 */
import type { Clock } from '../../time/clock.js';
import type { Logger } from '../../log/logger.js';
import { createFailoverStore, FailoverRateLimiter } from '../failover.js';
import type { KeyHasher } from '../keys.js';
import { createMemoryStore } from '../memory/key-value.js';
import { MemoryRateLimiter } from '../memory/rate-limiter.js';
import { MEMORY_CACHE_ENTRIES } from '../memory/shared-state.js';
import type { SharedState } from '../shared-state.js';
import type { StoreHealth } from '../types.js';
import { closeRedis, createRedisConnection } from './connection.js';
import { RedisHealth } from './health.js';
import { createRedisStore } from './key-value.js';
import { RedisRateLimiter } from './rate-limiter.js';
import type { ValueCodec } from '../value-codec.js';
import { withDeadline } from '../../time/deadline.js';

export interface RedisStateOptions {
  readonly url: string;
  /** Prepended to every key (`coupon-bot:`). */
  readonly prefix: string;
  /** Seals values; the same on every replica. */
  readonly codec: ValueCodec;
  /** Hashes user IDs into limiter keys; the same on every replica. */
  readonly hashKey: KeyHasher;
  readonly commandTimeoutMs: number;
  readonly perMinute: number;
  readonly clock: Clock;
  readonly logger?: Logger;
  /** Bound on each local copy (references, replay claims); default 10 000 entries. */
  readonly localMaxEntries?: number;
  /** Bound on the local copy of the lookup cache; default as in memory mode. */
  readonly cacheMaxEntries?: number;
  /** How often a PING probes a connected but failing Redis; default 1000 ms. */
  readonly probeIntervalMs?: number;
  readonly maxReconnectDelayMs?: number;
}

/** The shared state on Redis; its health is always there (Redis can be down). */
export type RedisState = SharedState & { readonly health: StoreHealth };

export async function openRedisState(options: RedisStateOptions): Promise<RedisState> {
  let health: RedisHealth | undefined;
  const redis = createRedisConnection({
    url: options.url,
    // The client's own timeout is only a backstop; operations are judged by withDeadline.
    commandTimeoutMs: options.commandTimeoutMs * 4 + 1000,
    connectTimeoutMs: Math.max(500, options.commandTimeoutMs * 4),
    ...(options.maxReconnectDelayMs !== undefined ? { maxReconnectDelayMs: options.maxReconnectDelayMs } : {}),
    onError: (e) => health?.startFailed(e),
  });
  health = new RedisHealth(redis, {
    timeoutMs: options.commandTimeoutMs,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.probeIntervalMs !== undefined ? { probeIntervalMs: options.probeIntervalMs } : {}),
  });
  const shared = createRedisStore({
    redis,
    prefix: options.prefix,
    codec: options.codec,
    timeoutMs: options.commandTimeoutMs,
  });
  const local = (maxEntries = options.localMaxEntries) =>
    createMemoryStore({ clock: options.clock, ...(maxEntries ? { maxEntries } : {}) });
  const seen = createFailoverStore(shared, local(), health);
  const refs = createFailoverStore(shared, local(), health);
  // The same Redis, but its own smaller local copy, so a churn of cached answers cannot push
  // the references out of theirs.
  const cache = createFailoverStore(shared, local(options.cacheMaxEntries ?? MEMORY_CACHE_ENTRIES), health);
  const limiter = new FailoverRateLimiter(
    new RedisRateLimiter(redis, {
      prefix: options.prefix,
      perMinute: options.perMinute,
      clock: options.clock,
      hashKey: options.hashKey,
      timeoutMs: options.commandTimeoutMs,
    }),
    new MemoryRateLimiter(options.perMinute, options.clock),
    health,
  );
  try {
    await redis.connect();
    // 'ready' starts a PING; wait for its answer so a healthy start reports up at once.
    await untilUp(health, options.commandTimeoutMs * 4);
  } catch (e) {
    // Absent at start: the client keeps reconnecting by itself; until then, local state.
    health.startFailed(e);
  }
  const h = health;
  return {
    backend: 'redis',
    acrossReplicas: true,
    seen,
    refs,
    cache,
    limiter,
    hashKey: options.hashKey,
    codec: options.codec,
    health: h,
    /** Stop probing, `QUIT` within a bounded time, then drop the socket. Never rejects. */
    async close() {
      h.close();
      await closeRedis(redis);
    },
  };
}

/** Resolves once `health` is up, or after `ms` (whatever it is then). Never rejects. */
async function untilUp(health: StoreHealth, ms: number): Promise<void> {
  if (health.status() === 'up') return;
  let stop = (): void => undefined;
  const up = new Promise<void>((resolve) => {
    stop = health.onStatusChange((status) => {
      if (status === 'up') resolve();
    });
  });
  try {
    await withDeadline(up, ms);
  } catch {
    // not up yet: the health reports it, and the failover answers locally meanwhile
  } finally {
    stop();
  }
}
