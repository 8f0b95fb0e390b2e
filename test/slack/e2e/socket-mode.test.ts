/**
 * Socket Mode end to end: the bot opens its connection through `apps.connections.open` on the
 * fake Web API, receives a `/coupon` envelope over a real WebSocket on 127.0.0.1, acks it on the
 * socket and delivers the card to the response_url. Shutdown disconnects cleanly.
 */
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../../src/bot.js';
import { allText } from '../../support/bot-harness.js';
import { FakeSlack } from '../../support/fake-slack.js';
import { startSocketMode, type FakeSocketMode } from '../../support/fake-socket-mode.js';
import { slashCommand } from '../../support/payloads.js';

describe('Socket Mode', () => {
  let slack: FakeSlack;
  let side: FakeSocketMode;
  let bot: RunningBot;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    slack = await FakeSlack.start();
    side = await startSocketMode(slack);
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
    await side.close();
    await slack.close();
  });

  it('needs no inbound port and logs its connection state', async () => {
    expect(bot.config.slack.mode).toBe('socket');
    expect(bot.port).toBeUndefined();
    expect(slack.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-A1-test-app-token');
    await side.connection();
    await expect.poll(() => logs.some((l) => l.msg === 'socket_mode' && l.state === 'connected')).toBe(true);
  });

  it('acks a /coupon envelope on the socket and answers at the response_url', async () => {
    const ws = await side.connection();
    const responseUrl = slack.responseUrl();
    const id = side.send(
      ws,
      'slash_commands',
      slashCommand({ text: '0000999999 012345678902', user: 'U0SOCK', responseUrl, triggerId: 'trigger-sock' }),
    );
    const card = await slack.post(responseUrl);
    await expect.poll(() => side.acked(id)).toBe(true);
    expect(card.response_type).toBe('ephemeral');
    // Only the buttons carry the full barcode (to repeat the lookup); nothing a reader sees does.
    const visible = allText({ text: card.text, blocks: (card.blocks as { type: string }[]).filter((b) => b.type !== 'actions') });
    expect(visible).toContain('2,500원');
    expect(visible).toContain('••••8902');
    expect(visible).not.toContain('012345678902');
  });

  it('refuses a command from a channel that is not permitted, still acking on the socket', async () => {
    const ws = await side.connection();
    const responseUrl = slack.responseUrl();
    const before = bot.lookup.service.health().vendorRequests;
    const id = side.send(
      ws,
      'slash_commands',
      slashCommand({ text: '0000999999 012345678902', user: 'U0SOCK', channel: 'C0OTHER', responseUrl }),
    );
    const notice = await slack.post(responseUrl);
    expect(allText(notice)).toContain('C0OTHER');
    expect(side.acked(id)).toBe(true);
    expect(bot.lookup.service.health().vendorRequests).toBe(before);
  });

  it('disconnects from Slack on stop', async () => {
    const ws = await side.connection();
    const closed = once(ws, 'close');
    await bot.stop('test');
    await closed;
    expect(logs.some((l) => l.msg === 'shutting_down')).toBe(true);
  });
});
