/**
 * The KeyValueStore on Redis. Every key carries the configured prefix and a `PX` TTL; `add` is
 * one atomic `SET key value PX ttl NX`, so a claim or a first delivery is decided by Redis for
 * every replica at once. Values are sealed by the codec. Errors (timeouts, a closed connection)
 * reject: the failover store above decides what a failure means.
 */
import type { Redis } from 'ioredis';
import type { KeyValueStore } from '../types.js';
import { withDeadline } from '../../time/deadline.js';
import type { ValueCodec } from '../value-codec.js';

export function createRedisStore(options: {
  readonly redis: Redis;
  readonly prefix: string;
  readonly codec: ValueCodec /** Per operation, ms; default none (the client's own). */;
  readonly timeoutMs?: number;
}): KeyValueStore {
  const { redis, prefix, codec } = options;
  const bounded = <T>(op: Promise<T>): Promise<T> => withDeadline(op, options.timeoutMs, 'Redis');
  const ttl = (ms: number): number => Math.max(1, Math.ceil(ms));
  return {
    async get<V>(key: string) {
      const raw = await bounded(redis.getBuffer(prefix + key));
      return raw === null ? undefined : (codec.decode(raw) as V | undefined);
    },
    async set(key, value, ttlMs) {
      if (ttlMs <= 0) return;
      await bounded(redis.set(prefix + key, codec.encode(value), 'PX', ttl(ttlMs)));
    },
    async add(key, value, ttlMs) {
      if (ttlMs <= 0) return false;
      return (await bounded(redis.set(prefix + key, codec.encode(value), 'PX', ttl(ttlMs), 'NX'))) === 'OK';
    },
    async delete(key) {
      await bounded(redis.del(prefix + key));
    },
  };
}
