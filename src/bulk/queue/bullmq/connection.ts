/**
 * Connection settings for BullMQ from REDIS_URL: what BullMQ requires of a worker's connection
 * (no per-request retry limit: a command waits for the reconnection instead of failing) and a
 * capped, jittered reconnection backoff, so a Redis that went away costs no busy loop.
 */
import type { RedisOptions } from 'ioredis';

export function bullConnection(url: string): RedisOptions {
  const u = new URL(url);
  const db = Number(u.pathname.replace(/^\//, '') || 0);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: 'coupon-bot-bulk',
    retryStrategy: (times: number) => Math.round(Math.min(2000, 50 * 2 ** Math.min(times, 10)) * (0.8 + 0.4 * Math.random())),
  };
}
