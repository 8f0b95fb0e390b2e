/**
 * Every key a bulk job leaves on Redis expires: our own records set their TTL on each write, and
 * this sweep gives BullMQ's queue keys (which BullMQ keeps forever) the job result's lifetime.
 */
import type { Redis } from 'ioredis';

/** Give each key matching `patterns` that has no TTL one of `ttlMs`. */
export async function sweepTtls(redis: Redis, patterns: readonly string[], ttlMs: number): Promise<void> {
  for (const pattern of patterns) {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length === 0) continue;
      const m = redis.multi();
      for (const key of keys) m.pttl(key);
      const ttls = (await m.exec()) ?? [];
      const bare = keys.filter((_, k) => ttls[k]?.[1] === -1);
      if (bare.length > 0) {
        const set = redis.multi();
        for (const key of bare) set.pexpire(key, ttlMs);
        await set.exec();
      }
    } while (cursor !== '0');
  }
}
