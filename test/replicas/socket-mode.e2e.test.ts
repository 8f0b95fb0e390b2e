/**
 * Socket Mode with two replicas on one Redis: Slack spreads envelopes over every replica's
 * connection, so a card cached through one socket is reused through the other, the per-user
 * limit holds across both, a thread card posted through one refreshes through the other, and a
 * mention Slack redelivers through the other socket (same `event_id`) is answered once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { startBot, type RunningBot } from '../../src/bot.js';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { allText } from '../support/bot-harness.js';
import { FakeSlack } from '../support/fake-slack.js';
import { startSocketMode, type FakeSocketMode } from '../support/fake-socket-mode.js';
import { ALLOWED, buttonPayload, BOT_USER, mentionEvent, shortcutPayload, slashCommand } from '../support/payloads.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { service } from '../support/services.js';

/** Without redis-server these are skipped (test/support/services.ts says how to install it). */
const noRedis = service('redis-server').skip;

const GOODS = '0000999999';
let redis: RedisServer;
let slack: FakeSlack;
let sandbox: SandboxHandle;
let side: FakeSocketMode;
const bots: RunningBot[] = [];
/** Every replica's log lines, together (info and up). */
const logs: Record<string, unknown>[] = [];
let n = 0;

async function startReplica(): Promise<{ bot: RunningBot; ws: WebSocket }> {
  const nth = side.connections.length + 1;
  const bot = await startBot(
    {
      SLACK_APP_TOKEN: 'xapp-1-A1-test-app-token',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      ALLOWED_CHANNEL_IDS: ALLOWED,
      LOG_LEVEL: 'info',
      COUFUN_ENV: 'sandbox',
      COUFUN_URL: sandbox.url,
      COUPON_RATE_LIMIT_PER_MINUTE: '5',
      REDIS_URL: redis.url,
      REDIS_PREFIX: 'cb-socket-test:',
    },
    { logSink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) },
  );
  bots.push(bot);
  return { bot, ws: await side.connection(nth) };
}

const send: FakeSocketMode['send'] = (...args) => side.send(...args);

function command(ws: WebSocket, user: string, barcode: string): string {
  const responseUrl = slack.responseUrl();
  send(ws, 'slash_commands', slashCommand({ text: `${GOODS} ${barcode}`, user, responseUrl }));
  return responseUrl;
}

const isCouponCard = (m: Record<string, unknown>): boolean => allText(m).includes('잔액');
const barcode = (tag: string): string => `SIM${tag}${String(Date.now() % 1e8).padStart(8, '0')}`;

let a: WebSocket;
let b: WebSocket;
beforeAll(async () => {
  [redis, slack, sandbox] = await Promise.all([startRedisServer(), FakeSlack.start(), startSandbox({ delayMs: 20 })]);
  side = await startSocketMode(slack);
  a = (await startReplica()).ws;
  b = (await startReplica()).ws;
});

afterAll(async () => {
  for (const bot of bots) await bot.stop('test').catch(() => undefined);
  await Promise.all([side?.close(), slack?.close(), sandbox?.close(), redis?.stop()]);
});

describe.skipIf(noRedis)('Socket Mode, two replicas on one Redis', () => {
  it('each replica holds its own connection', () => {
    expect(side.connections).toHaveLength(2);
    expect(a).not.toBe(b);
  });

  it('an answer cached through one socket is reused through the other', async () => {
    const code = barcode('1');
    const first = command(a, 'U0SOCKA', code);
    expect(isCouponCard(await slack.post(first))).toBe(true);
    const second = command(b, 'U0SOCKB', code);
    expect(isCouponCard(await slack.post(second))).toBe(true);
    expect(sandbox.requestCount(code)).toBe(1);
  });

  it('identical lookups arriving on both sockets at once reach Coufun at most twice', async () => {
    const code = barcode('2');
    const urls = Array.from({ length: 40 }, (_, i) => command(i % 2 ? a : b, `U0SOCKC${i}`, code));
    const cards = await Promise.all(urls.map((u) => slack.post(u, 1, 15_000)));
    expect(cards.every(isCouponCard)).toBe(true);
    expect(sandbox.requestCount(code)).toBeLessThanOrEqual(2);
  });

  it('the per-user limit holds across both connections', async () => {
    const urls: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      urls.push(command(i % 2 ? a : b, 'U0SOCKLIMIT', barcode(`L${i}`)));
      await slack.post(urls[i]!, 1, 15_000);
    }
    const answers = await Promise.all(urls.map((u) => slack.post(u)));
    expect(answers.filter(isCouponCard)).toHaveLength(5);
    expect(answers.filter((m) => allText(m).includes('조회가 너무 잦습니다'))).toHaveLength(2);
  });

  it('a thread card posted through one socket refreshes through the other', async () => {
    const code = barcode('3');
    const ts = `1700300${String(++n).padStart(3, '0')}.000100`;
    send(
      a,
      'interactive',
      shortcutPayload({
        message: { ts, text: `배민 상품권 1만원 쿠폰 ${code} 확인 부탁드립니다` },
        responseUrl: slack.responseUrl(),
        user: 'U0SOCKT',
      }),
    );
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((c) => c.params.thread_ts === ts), 15_000, 'thread card');
    const posted = slack.callsTo('chat.postMessage').find((c) => c.params.thread_ts === ts)!.params;
    const actions = (posted.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find(
      (blk) => blk.type === 'actions',
    );
    const value = actions!.elements!.find((e) => e.action_id === 'coupon_refresh')!.value;
    const responseUrl = slack.responseUrl();
    const id = send(
      b,
      'interactive',
      buttonPayload({ actionId: 'coupon_refresh', value, responseUrl, user: 'U0SOCKT2', ephemeral: false }),
    );
    const reply = await slack.post(responseUrl, 1, 15_000);
    expect(reply.replace_original).toBe(true);
    expect(isCouponCard(reply)).toBe(true);
    expect(side.acked(id)).toBe(true);
    expect(sandbox.requestCount(code)).toBe(2);
  });

  it('a mention redelivered through the other socket (same event_id) → one vendor lookup, one thread post', async () => {
    const code = barcode('M');
    const ts = `1700300${String(++n).padStart(3, '0')}.000100`;
    const body = mentionEvent({ text: `<@${BOT_USER}> ${GOODS} ${code}`, ts, user: 'U0SOCKM', eventId: `Ev0SOCKX${n}` });
    const first = send(a, 'events_api', body);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((c) => c.params.thread_ts === ts), 15_000, 'thread card');
    const again = send(b, 'events_api', body, 1);
    // Decided either way: recognised as a duplicate, or (wrongly) looked up a second time.
    const lookups = (): Record<string, unknown>[] => logs.filter((l) => l.msg === 'lookup' && l.user === 'U0SOCKM');
    await expect
      .poll(() => logs.some((l) => l.msg === 'duplicate_event' && l.eventId === body.event_id) || lookups().length > 1, { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => side.acked(first) && side.acked(again)).toBe(true);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === ts)).toHaveLength(1);
    expect(sandbox.requestCount(code)).toBe(1);
    expect(lookups()).toEqual([expect.objectContaining({ entry: 'mention' })]);
    expect(logs.filter((l) => l.msg === 'duplicate_event' && l.eventId === body.event_id)).toEqual([
      expect.objectContaining({ retryNum: 1 }),
    ]);
  });
});
