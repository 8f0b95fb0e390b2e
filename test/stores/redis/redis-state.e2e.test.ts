/**
 * The Redis store, limiter and their failover against a real redis-server of our own: the same
 * behavioural contracts as the memory versions, then what only Redis has — prefixed keys that
 * all carry a TTL, sealed values, one budget across replicas, and an outage answered locally.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log/logger.js';
import { createKeyHasher } from '../../../src/stores/keys.js';
import { createRedisStore } from '../../../src/stores/redis/key-value.js';
import { RedisRateLimiter } from '../../../src/stores/redis/rate-limiter.js';
import { openRedisState, type RedisState } from '../../../src/stores/redis/shared-state.js';
import { createValueCodec } from '../../../src/stores/value-codec.js';
import { freePort, startRedisServer, type RedisServer } from '../../support/redis-server.js';
import { service } from '../../support/services.js';
import { keyValueContract } from '../key-value-contract.js';
import { manualClock, rateLimiterContract } from '../rate-limiter-contract.js';

/** Without redis-server these are skipped (test/support/services.ts says how to install it). */
const noRedis = service('redis-server').skip;

const SECRET = Buffer.from('test-key-secret-test-key-secret!');
let server: RedisServer;
let admin: Redis;
const opened: RedisState[] = [];
let n = 0;
const freshPrefix = (): string => `t${++n}:`;

beforeAll(async () => {
  server = await startRedisServer();
  admin = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  admin.on('error', () => undefined);
  await admin.connect();
});

afterAll(async () => {
  for (const state of opened) await state.close();
  admin?.disconnect();
  await server?.stop();
});

async function open(
  options: { prefix?: string; perMinute?: number; url?: string; clock?: () => number; logs?: Record<string, unknown>[] } = {},
): Promise<RedisState> {
  const logs = options.logs;
  const state = await openRedisState({
    url: options.url ?? server.url,
    prefix: options.prefix ?? freshPrefix(),
    hashKey: createKeyHasher(SECRET),
    codec: createValueCodec(SECRET),
    commandTimeoutMs: 200,
    perMinute: options.perMinute ?? 30,
    clock: options.clock ?? Date.now,
    probeIntervalMs: 100,
    maxReconnectDelayMs: 200,
    ...(logs ? { logger: createLogger({ level: 'debug', sink: (l) => logs.push(JSON.parse(l) as Record<string, unknown>) }) } : {}),
  });
  opened.push(state);
  return state;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(noRedis)('the store contracts on Redis', () => {
  keyValueContract('createRedisStore', () => ({
    store: createRedisStore({ redis: admin, prefix: freshPrefix(), codec: createValueCodec(SECRET) }),
    pass: sleep,
  }));

  rateLimiterContract(
    'RedisRateLimiter',
    (perMinute, clock) => new RedisRateLimiter(admin, { prefix: freshPrefix(), perMinute, clock, hashKey: createKeyHasher(SECRET) }),
  );
});

describe.skipIf(noRedis)('Redis state', () => {
  it('every key carries the prefix and a TTL; no barcode or user ID in clear, values sealed', async () => {
    const prefix = freshPrefix();
    const state = await open({ prefix });
    expect(state.health.status()).toBe('up');
    const hash = createKeyHasher(SECRET);
    await state.refs.set(`answer:${hash('0000999999', '012345678902')}`, { barcode: '012345678902', mobile: '01098765432' }, 60_000);
    await state.refs.add(`claim:${hash('0000999999', '012345678902')}`, 'r1', 5000);
    await state.limiter.take('U0SECRETUSER', 2);
    const keys = await admin.keys('*');
    const ours = keys.filter((k) => k.startsWith(prefix));
    expect(ours).toHaveLength(3);
    for (const key of ours) {
      expect(await admin.pttl(key)).toBeGreaterThan(0);
      expect(key).not.toMatch(/012345678902|U0SECRETUSER/);
      const type = await admin.type(key);
      if (type === 'string') {
        const raw = await admin.getBuffer(key);
        expect(raw?.toString('latin1')).not.toMatch(/012345678902|01098765432/);
      }
    }
  });

  it('a value sealed under another secret reads as absent', async () => {
    const prefix = freshPrefix();
    const a = createRedisStore({ redis: admin, prefix, codec: createValueCodec(SECRET) });
    const b = createRedisStore({ redis: admin, prefix, codec: createValueCodec('another secret') });
    await a.set('k', 'v', 5000);
    expect(await b.get('k')).toBeUndefined();
    expect(await a.get('k')).toBe('v');
  });

  it('two replicas spend one budget and share one store', async () => {
    const prefix = freshPrefix();
    const c = manualClock(Date.now());
    const [r1, r2] = [await open({ prefix, perMinute: 5, clock: c.clock }), await open({ prefix, perMinute: 5, clock: c.clock })];
    const decisions = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? r1 : r2).limiter.take('U1')));
    expect(decisions.filter((d) => d.ok)).toHaveLength(5);
    expect((await r2.limiter.check('U1')).ok).toBe(false);
    await r1.refs.set('shared', { x: 1 }, 5000);
    expect(await r2.refs.get('shared')).toEqual({ x: 1 });
    const adds = await Promise.all([r1.refs.add('one', 1, 5000), r2.refs.add('one', 2, 5000)]);
    expect(adds.filter(Boolean)).toHaveLength(1);
  });

  it('absent at start: opens, answers from local state, says down once, and comes up when Redis appears', async () => {
    const logs: Record<string, unknown>[] = [];
    const late = await freePort();
    const state = await open({ url: `redis://127.0.0.1:${late}`, logs });
    expect(state.health.status()).toBe('down');
    await state.refs.set('k', 'local', 5000);
    expect(await state.refs.get('k')).toBe('local');
    expect(await state.refs.add('k', 'again', 5000)).toBe(false);
    expect((await state.limiter.take('U1')).ok).toBe(true);
    await sleep(500); // several reconnection attempts
    expect(logs.filter((l) => l.msg === 'redis_down')).toHaveLength(1);
    expect(JSON.stringify(logs)).not.toContain(String(late));
    const appeared = await startRedisServer(late);
    try {
      await expect.poll(() => state.health.status(), { timeout: 5000 }).toBe('up');
      await state.refs.set('now-shared', 'yes', 5000);
      const direct = new Redis(appeared.url, { lazyConnect: true });
      await direct.connect();
      expect(await direct.keys('*now-shared')).toHaveLength(1);
      direct.disconnect();
    } finally {
      await appeared.stop();
    }
  });

  it('Redis killed mid-run: operations answered locally at once, one warning each way, back up after restart', async () => {
    const logs: Record<string, unknown>[] = [];
    const state = await open({ logs, perMinute: 3 });
    const changes: string[] = [];
    state.health.onStatusChange((s) => changes.push(s));
    await state.refs.set('before', 'mirrored', 60_000);
    expect((await state.limiter.take('U9')).ok).toBe(true);
    await server.kill();
    // Every operation settles, none rejects, and the local copy serves what was written while up.
    const results = await Promise.all([
      state.refs.get('before'),
      state.refs.set('during', 'x', 60_000),
      state.refs.add('claim', 1, 5000),
      state.limiter.take('U9'),
      state.limiter.check('U9'),
    ]);
    expect(results[0]).toBe('mirrored');
    expect(results[2]).toBe(true);
    expect(results[3]).toEqual({ ok: true });
    await expect.poll(() => state.health.status()).toBe('down');
    // The local window remembers this replica's hits: 2 taken, 1 left of 3.
    expect((await state.limiter.take('U9')).ok).toBe(true);
    expect((await state.limiter.take('U9')).ok).toBe(false);
    await sleep(300);
    expect(logs.filter((l) => l.msg === 'redis_down')).toHaveLength(1);
    await server.restart();
    await expect.poll(() => state.health.status(), { timeout: 5000 }).toBe('up');
    expect(changes).toEqual(['down', 'up']);
    expect(logs.filter((l) => l.msg === 'redis_up' && l.level === 'warn')).toHaveLength(1);
    expect(await state.refs.get('during')).toBe('x'); // written locally during the outage
    await state.refs.set('after', 'shared', 5000);
    await expect.poll(() => admin.keys('*after'), { timeout: 5000 }).toHaveLength(1);
  });

  it('a hung Redis (stopped, socket open): operations time out into local state, the probe finds it again', async () => {
    const logs: Record<string, unknown>[] = [];
    const state = await open({ logs });
    await state.refs.set('k', 'v', 60_000);
    process.kill(server.pid!, 'SIGSTOP');
    try {
      // Each settles by the command timeout; the first one marks Redis down, the rest skip it.
      expect(await state.refs.get('k')).toBe('v');
      expect(state.health.status()).toBe('down');
      const later = await Promise.all(Array.from({ length: 20 }, (_, i) => state.refs.add(`c${i}`, i, 5000)));
      expect(later.every(Boolean)).toBe(true);
    } finally {
      process.kill(server.pid!, 'SIGCONT');
    }
    await expect.poll(() => state.health.status(), { timeout: 5000 }).toBe('up');
    expect(logs.map((l) => l.msg).filter((m) => m === 'redis_down' || m === 'redis_up')).toEqual(['redis_up', 'redis_down', 'redis_up']);
  });
});
