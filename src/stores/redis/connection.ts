/**
 * One ioredis connection tuned to be a helper, never a single point of failure: no offline
 * queue (a command on a closed connection fails at once), one retry per request, a short
 * per-command timeout, a bounded connect timeout, and reconnection with a capped, jittered
 * backoff (never a busy loop). Errors are listened to, so none can crash the process.
 */
import { Redis } from 'ioredis';
import { withDeadline } from '../../time/deadline.js';

export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://…` (TLS). */
  readonly url: string;
  /**
   * Per-command deadline, ms, as the client's own backstop. The stores judge their operations
   * with `withDeadline` (which a busy event loop cannot trip), so give this one a margin.
   */
  readonly commandTimeoutMs: number;
  /** Deadline for opening the connection, ms. */
  readonly connectTimeoutMs?: number;
  /** Longest pause between reconnection attempts, ms. */
  readonly maxReconnectDelayMs?: number;
  /** Every client error (already swallowed); for state tracking, never rethrown. */
  readonly onError?: (e: Error) => void;
}

/** Delay before reconnection attempt `times` (1, 2, …): 50 ms doubling, capped, ±20 % jitter. */
function reconnectDelay(times: number, capMs: number, random: () => number = Math.random): number {
  const base = Math.min(capMs, 50 * 2 ** Math.min(times - 1, 16));
  return Math.max(10, Math.round(base * (0.8 + 0.4 * random())));
}

/** A connection that has not connected yet (`lazyConnect`); call `connect()`. */
export function createRedisConnection(options: RedisConnectionOptions): Redis {
  const cap = options.maxReconnectDelayMs ?? 2000;
  const redis = new Redis(options.url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: options.commandTimeoutMs,
    connectTimeout: options.connectTimeoutMs ?? Math.max(500, options.commandTimeoutMs * 4),
    retryStrategy: (times) => reconnectDelay(times, cap),
    // A READONLY replica after a failover: reconnect so we reach the new primary.
    reconnectOnError: (e) => e.message.startsWith('READONLY'),
    enableReadyCheck: true,
    connectionName: 'coupon-bot',
  });
  redis.on('error', (e: Error) => options.onError?.(e));
  return redis;
}

/** `quit` within `timeoutMs`, then drop the socket whatever happened. Never rejects. */
export async function closeRedis(redis: Redis, timeoutMs = 500): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await withDeadline(redis.quit(), timeoutMs, 'Redis QUIT');
  } catch {
    // a dead (or silent) connection cannot say goodbye
  } finally {
    redis.disconnect(false);
  }
}
