/**
 * Two bot processes on one real redis-server working one BullMQ bulk job; one is killed
 * (SIGKILL) half way: the other takes its items over (stalled-job recovery), no row is missing
 * or reported twice, and the vendor (a sandbox on loopback counting requests per number) is asked
 * at most once per distinct item plus the lookups that were in flight in the dead replica.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createRedisQueue } from '../../../src/bulk/queue/bullmq/queue.js';
import { BULK_DEFAULTS } from '../../../src/config/bulk.js';
import { startSandbox, type SandboxHandle } from '../../../src/coufun/sandbox/server.js';
import { deriveSharedSecret } from '../../../src/stores/keys.js';
import { spawnBot, type ChildBot } from '../../faults/child.js';
import { FakeSlack } from '../../support/fake-slack.js';
import { startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { createValueCodec } from '../../../src/stores/value-codec.js';
import { service } from '../../support/services.js';

/** Without redis-server this is skipped (test/support/services.ts says how to install it). */
const noRedis = service('redis-server').skip;

const KEY_SECRET = 'bulk-replicas-test-secret-0123456789';
const PREFIX = 'rep:';
const CONCURRENCY = 4;
const ITEMS = 240;

let redis: RedisServer;
let vendor: SandboxHandle;
let slack: FakeSlack;
const bots: ChildBot[] = [];
beforeAll(async () => {
  [redis, vendor, slack] = await Promise.all([
    startRedisServer(),
    startSandbox({ host: '127.0.0.1', port: 0, delayMs: 20 }),
    FakeSlack.start(),
  ]);
});
afterAll(async () => {
  await Promise.all(bots.map((b) => b.dispose()));
  await Promise.all([vendor.close(), slack.close(), redis.stop()]);
});

it.skipIf(noRedis)(
  'a replica killed half way: the other finishes the job, every item once, reported once, vendor asked ≤ distinct + concurrency',
  async () => {
    const env = {
      REDIS_URL: redis.url,
      REDIS_PREFIX: PREFIX,
      REDIS_KEY_SECRET: KEY_SECRET,
      COUFUN_ENV: 'test',
      COUFUN_POC_ID: 'SANDBOX',
      COUFUN_URL: vendor.url,
      COUFUN_CACHE_TTL_MS: '0',
      BULK_RATE_PER_SECOND: '100',
      BULK_CONCURRENCY: String(CONCURRENCY),
      BULK_LOCK_MS: '1000',
    };
    bots.push(...(await Promise.all([spawnBot(slack, env), spawnBot(slack, env)])));
    // A front that starts and watches the job but works no items (as a Slack replica would start it).
    const front = await createRedisQueue({
      url: redis.url,
      prefix: PREFIX,
      codec: createValueCodec(deriveSharedSecret({ keySecret: KEY_SECRET, botToken: '' })),
      lookup: { lookup: () => Promise.reject(new Error('the front works no items')) },
      config: { ...BULK_DEFAULTS, ratePerSecond: 100, concurrency: CONCURRENCY, lockMs: 1000 },
      work: false,
    });
    try {
      const items = Array.from({ length: ITEMS }, (_, i) => ({ goodsId: '0000999999', barcode: `SIM${String(i).padStart(8, '0')}` }));
      const job = await front.start({ items, meta: { startedBy: 'U0ALICE', label: 'list.xlsx' } });
      await expect.poll(() => job.progress().done, { timeout: 40_000 }).toBeGreaterThanOrEqual(ITEMS / 2);
      bots[0]!.proc.kill('SIGKILL');
      await bots[0]!.exited;
      const end = await job.finished;
      expect(end.outcome).toBe('completed');
      expect(end.results.size).toBe(ITEMS);
      expect([...end.results.values()].every((r) => r.kind === 'answered')).toBe(true);
      expect(items.every((item) => vendor.requestCount(item.barcode) >= 1)).toBe(true);
      expect(vendor.requestCount()).toBeLessThanOrEqual(ITEMS + CONCURRENCY);
      const reports = bots.flatMap((b) => b.logs).filter((l) => l.msg === 'bulk_job_finished');
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({ outcome: 'completed', items: ITEMS, pid: bots[1]!.pid });
    } finally {
      await front.close();
    }
    // Two bot processes start (and one takes over after a lock period) on a machine that may be busy.
  },
  60_000,
);
