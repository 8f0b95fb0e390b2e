/** withDeadline: a silent Redis times out; a busy event loop does not count as a slow Redis. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisTimeoutError, withDeadline } from '../../../src/stores/redis/deadline.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { service } from '../../support/services.js';

/** Without redis-server these are skipped (test/support/services.ts says how to install it). */
const noRedis = service('redis-server').skip;

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url, { lazyConnect: true });
  await redis.connect();
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // a stalled event loop: a burst of work, a long GC
  }
}

describe.skipIf(noRedis)('withDeadline', () => {
  it('rejects with REDIS_TIMEOUT when no answer comes', async () => {
    const never = new Promise<never>(() => undefined);
    const e = await withDeadline(never, 20).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(RedisTimeoutError);
    expect((e as RedisTimeoutError).code).toBe('REDIS_TIMEOUT');
  });

  it('passes the answer and the error through', async () => {
    expect(await withDeadline(redis.ping(), 1000)).toBe('PONG');
    await expect(withDeadline(Promise.reject(new Error('WRONGTYPE')), 1000)).rejects.toThrow('WRONGTYPE');
  });

  it('an answer that arrived while this process was busy past the deadline still counts', async () => {
    await redis.set('k', 'v');
    const answered = withDeadline(redis.get('k'), 20);
    busyFor(150); // Redis answered long ago; the reply waits in the socket buffer
    expect(await answered).toBe('v');
  });
});
