/**
 * The bulk queue on a real redis-server through BullMQ: a job runs to completion with every item
 * answered once; afterwards every key it left is under REDIS_PREFIX with a TTL, and nothing on
 * Redis holds a coupon number or a phone number in clear.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisQueue } from '../../../src/bulk/queue/bullmq/queue.js';
import { BULK_DEFAULTS } from '../../../src/config/bulk.js';
import { createCoufunClient } from '../../../src/coufun/client.js';
import { startSandbox, type SandboxHandle } from '../../../src/coufun/sandbox/server.js';
import { createLogger } from '../../../src/log/logger.js';
import { createLookupService } from '../../../src/lookup/service.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { createValueCodec } from '../../../src/stores/value-codec.js';
import { service } from '../../support/services.js';

/** Without redis-server this is skipped (test/support/services.ts says how to install it). */
const noRedis = service('redis-server').skip;

let server: RedisServer;
let vendor: SandboxHandle;
beforeAll(async () => {
  server = await startRedisServer();
  vendor = await startSandbox({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await vendor.close();
  await server.stop();
});

const PREFIX = 'bulktest:';
const SECRET = Buffer.alloc(32, 7);

it.skipIf(noRedis)('a job on BullMQ: every item answered once; every key under the prefix with a TTL; no number in clear', async () => {
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({ level: 'info', sink: (l) => logs.push(JSON.parse(l) as Record<string, unknown>) });
  const lookup = createLookupService({
    client: createCoufunClient({ url: vendor.url, timeoutMs: 2000, env: {} }),
    env: 'test',
    pocId: 'SANDBOX',
    cacheTtlMs: 0,
  });
  const queue = await createRedisQueue({
    url: server.url,
    prefix: PREFIX,
    codec: createValueCodec(SECRET),
    lookup,
    config: { ...BULK_DEFAULTS, ratePerSecond: 200, concurrency: 8, resultTtlMs: 600_000 },
    work: true,
    logger,
  });
  const items = [
    { goodsId: '0000999999', barcode: '012345678902' },
    ...Array.from({ length: 40 }, (_, i) => ({ goodsId: '0000999999', barcode: `SIM${String(i).padStart(8, '0')}` })),
  ];
  try {
    const job = await queue.start({ items, meta: { startedBy: 'U1', label: 'list.csv' }, attachment: { rows: items.length } });
    const seen: number[] = [];
    job.onItem((i) => seen.push(i));
    const end = await job.finished;
    expect(end.outcome).toBe('completed');
    expect(end.results.size).toBe(items.length);
    expect(new Set(seen).size).toBe(items.length);
    expect(vendor.requestCount()).toBe(items.length);
    expect(logs.filter((l) => l.msg === 'bulk_job_finished')).toHaveLength(1);
  } finally {
    await queue.close();
    await lookup.close();
  }
  const redis = new Redis(server.url);
  try {
    await expect
      .poll(async () => {
        const keys = await redis.keys('*');
        const ttls = await Promise.all(keys.map(async (k) => [k, await redis.pttl(k)] as const));
        return ttls.filter(([k, ttl]) => !k.startsWith(PREFIX) || ttl <= 0).map(([k]) => k);
      })
      .toEqual([]);
    const keys = await redis.keys('*');
    expect(keys.length).toBeGreaterThan(3);
    const dump = (await Promise.all(keys.map((k) => plainValue(redis, k)))).join('\n') + keys.join('\n');
    for (const item of items) expect(dump).not.toContain(item.barcode);
    expect(dump).not.toContain('01098765432');
  } finally {
    redis.disconnect();
  }
});

/** Everything a key holds, as text, whatever its type. */
async function plainValue(redis: Redis, key: string): Promise<string> {
  switch (await redis.type(key)) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return (await redis.lrange(key, 0, -1)).join(' ');
    case 'set':
      return (await redis.smembers(key)).join(' ');
    case 'zset':
      return (await redis.zrange(key, 0, -1)).join(' ');
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}
