/**
 * Socket Mode end to end: the bot opens its connection through `apps.connections.open` on the
 * fake Web API, receives a `/coupon` envelope over a real WebSocket on 127.0.0.1, acks it on the
 * socket and delivers the card to the response_url. Shutdown disconnects cleanly.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startBot, type RunningBot } from '../../../src/bot.js';
import { allText } from '../../support/bot-harness.js';
import { FakeSlack } from '../../support/fake-slack.js';

interface SocketSide {
  readonly server: WebSocketServer;
  readonly url: string;
  readonly received: Record<string, unknown>[];
  socket(): Promise<WebSocket>;
}

async function startSocketSide(): Promise<SocketSide> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  const received: Record<string, unknown>[] = [];
  let current: WebSocket | undefined;
  const waiting: ((ws: WebSocket) => void)[] = [];
  server.on('connection', (ws) => {
    current = ws;
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Record<string, unknown>));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' } }));
    waiting.splice(0).forEach((r) => r(ws));
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `ws://127.0.0.1:${port}/link`,
    received,
    socket: () => (current ? Promise.resolve(current) : new Promise((r) => waiting.push(r))),
  };
}

describe('Socket Mode', () => {
  let slack: FakeSlack;
  let side: SocketSide;
  let bot: RunningBot;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    slack = await FakeSlack.start();
    side = await startSocketSide();
    slack.on('apps.connections.open', () => ({ body: { ok: true, url: side.url } }));
    const env = {
      SLACK_APP_TOKEN: 'xapp-1-A1-test-app-token',
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_API_URL: slack.apiUrl,
      ALLOWED_CHANNEL_IDS: 'C0ALLOWED',
      LOG_LEVEL: 'info',
    };
    bot = await startBot(env, { logSink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  });

  afterAll(async () => {
    await bot?.stop('test');
    side.server.close();
    await slack.close();
  });

  it('needs no inbound port and logs its connection state', async () => {
    expect(bot.config.slack.mode).toBe('socket');
    expect(bot.port).toBeUndefined();
    expect(slack.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-A1-test-app-token');
    await side.socket();
    await expect.poll(() => logs.some((l) => l.msg === 'socket_mode' && l.state === 'connected')).toBe(true);
  });

  it('acks a /coupon envelope on the socket and answers at the response_url', async () => {
    const ws = await side.socket();
    const responseUrl = slack.responseUrl();
    ws.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'T1',
          channel_id: 'C0ALLOWED',
          user_id: 'U0SOCK',
          command: '/coupon',
          text: '0000999999 012345678902',
          api_app_id: 'A1',
          response_url: responseUrl,
          trigger_id: 'trigger-sock',
        },
      }),
    );
    const card = await slack.post(responseUrl);
    await expect.poll(() => side.received.some((m) => m.envelope_id === 'env-1')).toBe(true);
    expect(card.response_type).toBe('ephemeral');
    // Only the buttons carry the full barcode (to repeat the lookup); nothing a reader sees does.
    const visible = allText({ text: card.text, blocks: (card.blocks as { type: string }[]).filter((b) => b.type !== 'actions') });
    expect(visible).toContain('2,500원');
    expect(visible).toContain('••••8902');
    expect(visible).not.toContain('012345678902');
  });

  it('refuses a command from a channel that is not permitted, still acking on the socket', async () => {
    const ws = await side.socket();
    const responseUrl = slack.responseUrl();
    const before = bot.lookup.service.health().vendorRequests;
    ws.send(
      JSON.stringify({
        envelope_id: 'env-2',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'T1',
          channel_id: 'C0OTHER',
          user_id: 'U0SOCK',
          command: '/coupon',
          text: '0000999999 012345678902',
          response_url: responseUrl,
        },
      }),
    );
    const notice = await slack.post(responseUrl);
    expect(allText(notice)).toContain('C0OTHER');
    expect(side.received.some((m) => m.envelope_id === 'env-2')).toBe(true);
    expect(bot.lookup.service.health().vendorRequests).toBe(before);
  });

  it('disconnects from Slack on stop', async () => {
    const ws = await side.socket();
    const closed = once(ws, 'close');
    await bot.stop('test');
    await closed;
    expect(logs.some((l) => l.msg === 'shutting_down')).toBe(true);
  });
});
