/**
 * Slack redelivers an event it thinks was not acknowledged, and behind a load balancer the
 * retry may reach another replica. Two replicas on one real redis-server, signed
 * `event_callback` app_mentions and one shared sandbox (whose counter sees every replica's
 * vendor requests):
 * - the same `event_id` delivered to replica A and then to replica B — each attempt signed anew,
 *   as Slack signs every attempt, so it passes the replay guard and reaches the event
 *   de-duplication — is handled once: one vendor lookup, one thread post;
 * - an identical request (the same bytes and signature) sent to A and then to B is answered once;
 * - a mention's thread card posted by A refreshes on B, as shortcut cards do;
 * - with Redis killed, a mention is still answered, once, from local state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { SECRET, allText } from '../support/bot-harness.js';
import { FakeSlack, type ApiCall } from '../support/fake-slack.js';
import { BOT_USER, buttonPayload, mentionEvent, slashCommandBody } from '../support/payloads.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { service } from '../support/services.js';
import { signedHeaders } from '../support/signing.js';
import { startReplicas, type Replica } from './cluster.js';

/** Without redis-server these are skipped (test/support/services.ts says how to install it). */
const noRedis = service('redis-server').skip;

const GOODS = '0000999999';
const BOT = `<@${BOT_USER}>`;
let redis: RedisServer;
let slack: FakeSlack;
let sandbox: SandboxHandle;
let a: Replica;
let b: Replica;
let seq = 0;

/** A synthetic sandbox coupon and a message ts of their own per test. */
const nextBarcode = (): string => `SIM${String(Date.now() % 1e6).padStart(6, '0')}${String(++seq).padStart(4, '0')}`;
const nextTs = (): string => `1700300${String(++seq).padStart(3, '0')}.000100`;

const nowSec = (): number => Math.floor(Date.now() / 1000);

/** One delivery attempt, signed at its own second (as Slack signs each attempt anew). */
function deliver(
  r: Replica,
  body: Record<string, unknown>,
  timestampSec: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const raw = JSON.stringify(body);
  return r.raw(raw, { ...signedHeaders(SECRET, raw, 'application/json', timestampSec), ...headers });
}

const postsInThread = (ts: string): ApiCall[] => slack.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts);
const lookupLines = (user: string): Record<string, unknown>[] =>
  [...a.logs, ...b.logs].filter((l) => l.msg === 'lookup' && l.user === user);
const decided = (eventId: string): boolean => [...a.logs, ...b.logs].some((l) => l.msg === 'duplicate_event' && l.eventId === eventId);

async function settled(): Promise<void> {
  for (const r of [a, b]) expect(await r.work.drain(15_000)).toBe(true);
}

beforeAll(async () => {
  [redis, slack, sandbox] = await Promise.all([startRedisServer(), FakeSlack.start(), startSandbox({ delayMs: 50 })]);
  [a, b] = (await startReplicas(2, { slack, redisUrl: redis.url, coufunUrl: sandbox.url, env: { REDIS_PREFIX: 'cb-mention-test:' } })) as [
    Replica,
    Replica,
  ];
});

afterAll(async () => {
  for (const r of [a, b]) await r?.stop().catch(() => undefined);
  await Promise.all([slack?.close(), sandbox?.close(), redis?.stop()]);
});

describe.skipIf(noRedis)('two replicas on one Redis: a mention redelivered to the other replica', () => {
  it('both replicas are on Redis (else this file would prove nothing)', async () => {
    for (const r of [a, b]) expect(await r.healthz()).toMatchObject({ status: 'ok', redis: 'up' });
  });

  it.each([
    ['with X-Slack-Retry-Num', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }],
    ['without X-Slack-Retry-Num', {}],
  ])('the same event_id on A then B (%s) → one vendor lookup, one thread post', async (_how, retryHeaders: Record<string, string>) => {
    const barcode = nextBarcode();
    const ts = nextTs();
    const user = `U0XREP${seq}`;
    const body = mentionEvent({ text: `${BOT} ${GOODS} ${barcode}`, ts, user, eventId: `Ev0XREP${seq}Z` });
    const eventId = body.event_id as string;

    const first = await deliver(a, body, nowSec() - 1);
    const retry = await deliver(b, body, nowSec(), retryHeaders);
    expect([first.status, retry.status]).toEqual([200, 200]);

    // Decided either way: B recognised it, or (wrongly) looked it up a second time.
    await expect.poll(() => decided(eventId) || lookupLines(user).length > 1, { timeout: 10_000 }).toBe(true);
    await slack.waitFor(() => postsInThread(ts).length >= 1, 10_000, 'the thread card');
    await settled();

    expect(sandbox.requestCount(barcode)).toBe(1);
    expect(postsInThread(ts)).toHaveLength(1);
    expect(lookupLines(user)).toHaveLength(1);
    expect(a.logs.filter((l) => l.msg === 'lookup' && l.user === user)).toHaveLength(1); // A had it first
    const duplicate = b.logs.filter((l) => l.msg === 'duplicate_event' && l.eventId === eventId);
    expect(duplicate).toHaveLength(1);
    if (retryHeaders['x-slack-retry-num']) expect(duplicate[0]).toMatchObject({ retryNum: 1, retryReason: 'http_timeout' });
  });

  it('both attempts at once, one on each replica → still one vendor lookup, one thread post', async () => {
    const barcode = nextBarcode();
    const ts = nextTs();
    const user = `U0XREP${seq}`;
    const body = mentionEvent({ text: `${BOT} ${GOODS} ${barcode}`, ts, user, eventId: `Ev0XREP${seq}Z` });
    const eventId = body.event_id as string;

    const answers = await Promise.all([
      deliver(a, body, nowSec() - 1),
      deliver(b, body, nowSec(), { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }),
    ]);
    expect(answers.map((x) => x.status)).toEqual([200, 200]);

    await expect.poll(() => decided(eventId) || lookupLines(user).length > 1, { timeout: 10_000 }).toBe(true);
    await slack.waitFor(() => postsInThread(ts).length >= 1, 10_000, 'the thread card');
    await settled();
    expect(sandbox.requestCount(barcode)).toBe(1);
    expect(postsInThread(ts)).toHaveLength(1);
    expect(lookupLines(user)).toHaveLength(1);
  });
});

describe.skipIf(noRedis)('two replicas on one Redis: an identical request replayed to the other replica', () => {
  it('the same bytes and signature on A then B → answered once: one vendor request, one card', async () => {
    const barcode = nextBarcode();
    const responseUrl = slack.responseUrl();
    const body = slashCommandBody({ text: `${GOODS} ${barcode}`, user: 'U0REPLAYX', responseUrl, triggerId: 'trigger-replay' });
    const headers = signedHeaders(SECRET, body, 'application/x-www-form-urlencoded');

    const first = await a.raw(body, headers);
    const replayed = await b.raw(body, headers);
    expect(first.status).toBe(200);
    expect(replayed).toEqual({ status: 200, body: '' });

    await slack.post(responseUrl, 1, 15_000);
    await settled();
    expect(slack.postsTo(responseUrl)).toHaveLength(1);
    expect(sandbox.requestCount(barcode)).toBe(1);
    expect(a.logs.filter((l) => l.msg === 'lookup' && l.user === 'U0REPLAYX')).toHaveLength(1);
    expect(b.logs.filter((l) => l.msg === 'lookup' && l.user === 'U0REPLAYX')).toHaveLength(0);
    expect(b.logs.some((l) => l.msg === 'replayed_request')).toBe(true);
  });

  it('the same mention delivery replayed byte for byte to the other replica → one thread post', async () => {
    const barcode = nextBarcode();
    const ts = nextTs();
    const user = `U0XRAW${seq}`;
    // A fresh event_id per attempt would pass event de-duplication: only the replay guard can stop this one.
    const raw = JSON.stringify(mentionEvent({ text: `${BOT} ${GOODS} ${barcode}`, ts, user }));
    const headers = signedHeaders(SECRET, raw, 'application/json');

    const first = await a.raw(raw, headers);
    const replayed = await b.raw(raw, headers);
    expect(first.status).toBe(200);
    expect(replayed).toEqual({ status: 200, body: '' });

    await slack.waitFor(() => postsInThread(ts).length >= 1, 10_000, 'the thread card');
    await settled();
    expect(postsInThread(ts)).toHaveLength(1);
    expect(sandbox.requestCount(barcode)).toBe(1);
    expect(lookupLines(user)).toHaveLength(1);
  });
});

describe.skipIf(noRedis)('two replicas on one Redis: a mention card', () => {
  it('posted by A, its 새로고침 clicked on B → looked up again and replaced, never "expired"', async () => {
    const barcode = nextBarcode();
    const ts = nextTs();
    await deliver(a, mentionEvent({ text: `${BOT} ${GOODS} ${barcode}`, ts, user: 'U0XREFRESH' }), nowSec());
    await slack.waitFor(() => postsInThread(ts).length >= 1, 10_000, 'the thread card');
    const posted = postsInThread(ts)[0]!.params;
    const actions = (posted.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (blk) => blk.type === 'actions',
    );
    const value = actions?.elements?.find((e) => e.action_id === 'coupon_refresh')?.value;
    expect(value).toBeDefined();
    expect(value).not.toContain(barcode);
    await settled();
    expect(sandbox.requestCount(barcode)).toBe(1);

    const responseUrl = slack.responseUrl();
    const clicked = await b.interact(
      buttonPayload({ actionId: 'coupon_refresh', value: value!, responseUrl, user: 'U0XREFRESH2', ephemeral: false }),
    );
    expect(clicked.status).toBe(200);
    const reply = await slack.post(responseUrl, 1, 15_000);
    expect(reply.replace_original).toBe(true);
    expect(allText(reply)).toContain('잔액');
    expect(allText(reply)).not.toMatch(/만료|expired/i);
    await settled();
    expect(sandbox.requestCount(barcode)).toBe(2); // 새로고침 bypasses the cache, on the other replica
  });
});

describe.skipIf(noRedis)('the event and replay keys', () => {
  it('carry the prefix and a TTL, and no barcode or user ID in clear', async () => {
    const { Redis } = await import('ioredis');
    const admin = new Redis(redis.url, { lazyConnect: true });
    await admin.connect();
    try {
      const keys = await admin.keys('*');
      expect(keys.some((k) => k.startsWith('cb-mention-test:event:'))).toBe(true);
      expect(keys.some((k) => k.startsWith('cb-mention-test:replay:'))).toBe(true);
      for (const key of keys) {
        expect(key.startsWith('cb-mention-test:')).toBe(true);
        expect(key).not.toMatch(/SIM\d|U0X/);
        expect(await admin.pttl(key)).toBeGreaterThan(0);
      }
    } finally {
      admin.disconnect();
    }
  });
});

// Last: it kills the shared Redis.
describe.skipIf(noRedis)('two replicas, Redis killed', () => {
  it('a mention is still answered in its thread, and a retry to the same replica is still recognised', async () => {
    await redis.kill();
    const barcode = nextBarcode();
    const ts = nextTs();
    const body = mentionEvent({ text: `${BOT} ${GOODS} ${barcode}`, ts, user: 'U0XDOWN', eventId: `Ev0XDOWN${seq}Z` });
    expect((await deliver(a, body, nowSec() - 1)).status).toBe(200);
    expect((await deliver(a, body, nowSec(), { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    await expect.poll(() => decided(body.event_id as string) || lookupLines('U0XDOWN').length > 1, { timeout: 10_000 }).toBe(true);
    await slack.waitFor(() => postsInThread(ts).length >= 1, 10_000, 'the thread card');
    await settled();
    expect(postsInThread(ts)).toHaveLength(1);
    expect(sandbox.requestCount(barcode)).toBe(1);
    expect(await a.healthz()).toMatchObject({ status: 'degraded', redis: 'down' });
  });
});
