/**
 * Redis going away mid-job (the network to it cut, then restored with its data): the job pauses,
 * loses no item, does not spin (connection attempts while it is away are counted), says so once,
 * and resumes when Redis is back.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisQueue } from '../../../src/bulk/queue/bullmq/queue.js';
import { BULK_DEFAULTS } from '../../../src/config/bulk.js';
import { createCoufunClient } from '../../../src/coufun/client.js';
import { startSandbox, type SandboxHandle } from '../../../src/coufun/sandbox/server.js';
import { createLogger } from '../../../src/log/logger.js';
import { createLookupService } from '../../../src/lookup/service.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { service } from '../../support/services.js';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.js';
import { createValueCodec } from '../../../src/stores/value-codec.js';

/** Without redis-server this is skipped (test/support/services.ts says how to install it). */
const noRedis = service('redis-server').skip;

let server: RedisServer;
let proxy: TcpProxy;
let vendor: SandboxHandle;
beforeAll(async () => {
  server = await startRedisServer();
  proxy = await startTcpProxy(server.port);
  vendor = await startSandbox({ host: '127.0.0.1', port: 0, delayMs: 10 });
});
afterAll(async () => {
  await vendor.close();
  await proxy.close();
  await server.stop();
});

it.skipIf(noRedis)(
  'Redis away mid-job: the job pauses, one warning, no busy loop, no item lost; it resumes and completes',
  async () => {
    const logs: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'info', sink: (l) => logs.push(JSON.parse(l) as Record<string, unknown>) });
    const lookup = createLookupService({
      client: createCoufunClient({ url: vendor.url, timeoutMs: 2000, env: {} }),
      env: 'test',
      pocId: 'SANDBOX',
      cacheTtlMs: 0,
    });
    const concurrency = 4;
    const queue = await createRedisQueue({
      url: `redis://127.0.0.1:${proxy.port}`,
      prefix: 'outage:',
      codec: createValueCodec(Buffer.alloc(32, 3)),
      lookup,
      config: { ...BULK_DEFAULTS, ratePerSecond: 100, concurrency, lockMs: 1000 },
      work: true,
      logger,
    });
    const items = Array.from({ length: 150 }, (_, i) => ({ goodsId: '0000999999', barcode: `SIM${String(i).padStart(8, '0')}` }));
    try {
      const job = await queue.start({ items, meta: { startedBy: 'U1', label: 'l.csv' } });
      await expect.poll(() => job.progress().done, { timeout: 30_000 }).toBeGreaterThanOrEqual(40);
      proxy.cut();
      const before = vendor.requestCount();
      await new Promise((r) => setTimeout(r, 1500));
      // Paused: only what was in flight reached the vendor while Redis was away.
      expect(vendor.requestCount() - before).toBeLessThanOrEqual(concurrency);
      // Reconnecting with a capped backoff: a handful of attempts per connection, not thousands.
      expect(proxy.refused()).toBeLessThan(60);
      proxy.restore();
      const end = await job.finished;
      expect(end.outcome).toBe('completed');
      expect(end.results.size).toBe(items.length);
      expect(vendor.requestCount()).toBeLessThanOrEqual(items.length + 2 * concurrency);
      expect(logs.filter((l) => l.msg === 'bulk_redis_unavailable')).toHaveLength(1);
    } finally {
      await queue.close();
      await lookup.close();
    }
  },
  60_000,
);
