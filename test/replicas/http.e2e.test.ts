/**
 * Two replicas in HTTP mode on one real redis-server behave as one bot: a cached answer from
 * either is reused by the other, the per-user limit holds across both, a thread card posted by
 * one refreshes on the other and after a restart of both, identical concurrent lookups spread
 * over both reach Coufun about once — and Redis going away (or never being there) leaves a
 * degraded but answering bot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { allText } from '../support/bot-harness.js';
import { FakeSlack } from '../support/fake-slack.js';
import { buttonPayload, shortcutPayload } from '../support/payloads.js';
import { freePort, startRedisServer, type RedisServer } from '../support/redis-server.js';
import { service } from '../support/services.js';
import { startReplica, startReplicas, type Replica, type ReplicaSetup } from './cluster.js';

/** Without redis-server these are skipped (test/support/services.ts says how to install it). */
const noRedis = service('redis-server').skip;

const GOODS = '0000999999';
let redis: RedisServer;
let slack: FakeSlack;
let sandbox: SandboxHandle;
let setup: ReplicaSetup;
let users = 0;
let codes = 0;
const nextUser = (): string => `U0R${String(++users).padStart(6, '0')}`;
/** A synthetic sandbox coupon of its own per use, so tests do not see each other's cache. */
const nextBarcode = (): string => `SIM${String(Date.now() % 1e6).padStart(6, '0')}${String(++codes).padStart(4, '0')}`;
const running: Replica[] = [];

async function replicas(n = 2, extra: Partial<ReplicaSetup> = {}): Promise<Replica[]> {
  const started = await startReplicas(n, { ...setup, ...extra });
  running.push(...started);
  return started;
}

async function card(r: Replica, barcode: string, user = nextUser()): Promise<Record<string, unknown>> {
  const { status, responseUrl } = await r.command({ text: `${GOODS} ${barcode}`, user });
  expect(status).toBe(200);
  return slack.post(responseUrl, 1, 15_000);
}

const isCouponCard = (m: Record<string, unknown>): boolean => allText(m).includes('잔액');

beforeAll(async () => {
  [redis, slack, sandbox] = await Promise.all([startRedisServer(), FakeSlack.start(), startSandbox({ delayMs: 50 })]);
  setup = { slack, redisUrl: redis.url, coufunUrl: sandbox.url, env: { REDIS_PREFIX: 'cb-http-test:' } };
});

afterAll(async () => {
  for (const r of running) await r.stop().catch(() => undefined);
  await Promise.all([slack?.close(), sandbox?.close(), redis?.stop()]);
});

describe.skipIf(noRedis)('two replicas on one Redis (HTTP mode)', () => {
  let a: Replica;
  let b: Replica;
  beforeAll(async () => {
    const [first, second] = await replicas(2);
    [a, b] = [first!, second!];
  });

  it('report redis up in /healthz', async () => {
    for (const r of [a, b]) expect(await r.healthz()).toMatchObject({ status: 'ok', redis: 'up' });
  });

  it("reuse each other's cached answers", async () => {
    const barcode = nextBarcode();
    expect(isCouponCard(await card(a, barcode))).toBe(true);
    const second = await card(b, barcode);
    expect(isCouponCard(second)).toBe(true);
    expect(sandbox.requestCount(barcode)).toBe(1);
    expect(b.logs.some((l) => l.msg === 'lookup' && l.cacheHit === true)).toBe(true);
  });

  it('hold one per-user limit across both', async () => {
    const [lim1, lim2] = await replicas(2, { env: { ...setup.env, COUPON_RATE_LIMIT_PER_MINUTE: '5' } });
    const user = nextUser();
    const answers: Record<string, unknown>[] = [];
    for (let i = 0; i < 8; i += 1) answers.push(await card(i % 2 ? lim1! : lim2!, nextBarcode(), user));
    expect(answers.filter(isCouponCard)).toHaveLength(5);
    const refused = answers.filter((m) => allText(m).includes('조회가 너무 잦습니다'));
    expect(refused).toHaveLength(3);
    // Another user still has a budget of their own.
    expect(isCouponCard(await card(lim1!, nextBarcode()))).toBe(true);
  });

  it('send 500 identical concurrent lookups split over both to Coufun at most twice', async () => {
    const barcode = nextBarcode();
    const sent = await Promise.all(
      Array.from({ length: 500 }, (_, i) => (i % 2 ? a : b).command({ text: `${GOODS} ${barcode}`, user: nextUser() })),
    );
    expect(sent.every((s) => s.status === 200)).toBe(true);
    const cards = await Promise.all(sent.map((s) => slack.post(s.responseUrl, 1, 30_000)));
    expect(cards.filter(isCouponCard)).toHaveLength(500);
    expect(sandbox.requestCount(barcode)).toBeGreaterThanOrEqual(1);
    expect(sandbox.requestCount(barcode)).toBeLessThanOrEqual(2);
  });

  it('refresh a thread card posted by one replica on the other, and after a restart of both', async () => {
    const barcode = nextBarcode();
    const ts = `1700200${String(++codes).padStart(3, '0')}.000100`;
    const answer = await a.interact(
      shortcutPayload({
        message: { ts, text: `배민 상품권 1만원 쿠폰 ${barcode} 확인 부탁드립니다` },
        responseUrl: slack.responseUrl(),
        user: nextUser(),
      }),
    );
    expect(answer.status).toBe(200);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((c) => c.params.thread_ts === ts), 15_000, 'thread card');
    const posted = slack.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts)!.params;
    const value = refreshValue(posted);
    expect(value).not.toContain(barcode); // the button carries a reference, not the coupon
    const before = sandbox.requestCount(barcode);

    const clickOn = async (r: Replica): Promise<Record<string, unknown>> => {
      const responseUrl = slack.responseUrl();
      const clicked = await r.interact(
        buttonPayload({ actionId: 'coupon_refresh', value, responseUrl, user: nextUser(), ephemeral: false }),
      );
      expect(clicked.status).toBe(200);
      return slack.post(responseUrl, 1, 15_000);
    };
    const reply = await clickOn(b);
    expect(reply.replace_original).toBe(true);
    expect(isCouponCard(reply)).toBe(true);
    expect(allText(reply)).toContain('••••');
    expect(sandbox.requestCount(barcode)).toBe(before + 1); // 새로고침 bypasses the cache

    await Promise.all([a.stop(), b.stop()]);
    const [c, d] = await replicas(2);
    const afterRestart = await clickOn(d!);
    expect(isCouponCard(afterRestart)).toBe(true);
    expect(allText(afterRestart)).not.toMatch(/만료|expired/i);
    expect(sandbox.requestCount(barcode)).toBe(before + 2);
    [a, b] = [c!, d!];
  });

  it('keep answering when Redis is killed mid-run, say degraded, and recover when it returns', async () => {
    const warm = nextBarcode();
    expect(isCouponCard(await card(a, warm))).toBe(true);
    await redis.kill();
    const during = await Promise.all([card(a, nextBarcode()), card(b, nextBarcode()), card(b, warm)]);
    expect(during.every(isCouponCard)).toBe(true);
    for (const r of [a, b]) {
      await expect.poll(() => r.healthz(), { timeout: 5000 }).toMatchObject({ status: 'degraded', redis: 'down' });
      expect(r.logs.filter((l) => l.msg === 'redis_down')).toHaveLength(1);
    }
    expect(a.bot.state.health?.status()).toBe('down');
    await redis.restart();
    for (const r of [a, b]) {
      await expect.poll(() => r.healthz(), { timeout: 10_000 }).toMatchObject({ status: 'ok', redis: 'up' });
      expect(r.logs.filter((l) => l.msg === 'redis_up' && l.level === 'warn')).toHaveLength(1);
    }
    // Shared again: an answer cached by one is reused by the other.
    const barcode = nextBarcode();
    expect(isCouponCard(await card(a, barcode))).toBe(true);
    expect(isCouponCard(await card(b, barcode))).toBe(true);
    expect(sandbox.requestCount(barcode)).toBe(1);
  });
});

describe.skipIf(noRedis)('Redis absent at start', () => {
  it('starts, answers from local state, and says degraded with redis down', async () => {
    const closed = await freePort();
    const r = await startReplica({ ...setup, redisUrl: `redis://127.0.0.1:${closed}` });
    running.push(r);
    expect(await r.healthz()).toMatchObject({ status: 'degraded', redis: 'down' });
    const barcode = nextBarcode();
    expect(isCouponCard(await card(r, barcode))).toBe(true);
    expect(isCouponCard(await card(r, barcode))).toBe(true);
    expect(sandbox.requestCount(barcode)).toBe(1); // the local cache still works
    expect(r.logs.filter((l) => l.msg === 'redis_down')).toHaveLength(1);
    expect(r.logs.find((l) => l.msg === 'started')).toMatchObject({ state: { store: 'redis', redis: 'down' } });
    expect(r.bot.state.health?.status()).toBe('down');
    // Neither the URL (which may carry a password) nor the bot token reaches a log line or /healthz.
    const said = JSON.stringify([r.logs, await r.healthz()]);
    expect(said).not.toContain(`127.0.0.1:${closed}`);
    expect(said).not.toContain('xoxb-test-token');
  });
});

describe.skipIf(noRedis)('every Redis key', () => {
  it('carries the prefix and a TTL, and no barcode in clear', async () => {
    const { Redis } = await import('ioredis');
    const admin = new Redis(redis.url, { lazyConnect: true });
    await admin.connect();
    try {
      const keys = await admin.keys('*');
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key.startsWith('cb-http-test:')).toBe(true);
        expect(key).not.toMatch(/SIM\d|U0R\d/);
        expect(await admin.pttl(key)).toBeGreaterThan(0);
      }
    } finally {
      admin.disconnect();
    }
  });
});

function refreshValue(message: Record<string, unknown>): string {
  const actions = (message.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
    (blk) => blk.type === 'actions',
  );
  const refresh = actions?.elements?.find((e) => e.action_id === 'coupon_refresh');
  if (!refresh) throw new Error('thread card has no refresh button');
  return refresh.value;
}
