/**
 * Mentions in Socket Mode: an `events_api` envelope over a real WebSocket on 127.0.0.1 is acked
 * on the socket, and the card lands in the mention's thread through the fake Web API. A
 * redelivered envelope (Slack's `retry_attempt`) carries the same `event_id` and is handled once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../../src/bot.js';
import { allText } from '../../support/bot-harness.js';
import { FakeSlack } from '../../support/fake-slack.js';
import { startSocketMode, type FakeSocketMode } from '../../support/fake-socket-mode.js';
import { ALLOWED, BOT_USER, mentionEvent } from '../../support/payloads.js';

describe('Socket Mode: app_mention', () => {
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
      ALLOWED_CHANNEL_IDS: ALLOWED,
      LOG_LEVEL: 'info',
    };
    bot = await startBot(env, { logSink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  });

  afterAll(async () => {
    await bot?.stop('test');
    await side?.close();
    await slack?.close();
  });

  it('acks the envelope on the socket and posts the card in the mention’s thread, once per event_id', async () => {
    const ws = await side.connection();
    const parent = '1700300001.000100';
    const body = mentionEvent({
      text: `<@${BOT_USER}> 0000999999 0123-4567-8902`,
      ts: '1700300002.000100',
      thread_ts: parent,
      user: 'U0SOCK',
      eventId: 'Ev0SOCKMENTION',
    });

    const first = side.send(ws, 'events_api', body);
    await slack.waitFor(() => slack.callsTo('chat.postMessage').some((c) => c.params.thread_ts === parent), 10_000, 'the thread card');
    await expect.poll(() => side.acked(first)).toBe(true);

    // Slack redelivers the same event in a new envelope when it thinks the first was lost.
    const again = side.send(ws, 'events_api', body, 1);
    await expect.poll(() => side.acked(again)).toBe(true);
    await expect.poll(() => logs.some((l) => l.msg === 'duplicate_event' && l.retryNum === 1)).toBe(true);
    expect(await bot.work.drain(10_000)).toBe(true);

    const posts = slack.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === parent);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.params.channel).toBe(ALLOWED);
    const visible = allText({
      text: posts[0]!.params.text,
      blocks: (posts[0]!.params.blocks as { type: string }[]).filter((b) => b.type !== 'actions'),
    });
    expect(visible).toContain('확인: <@U0SOCK>');
    expect(visible).toContain('2,500원');
    expect(JSON.stringify(posts[0]!.params)).not.toContain('012345678902');
    expect(logs.filter((l) => l.msg === 'lookup' && l.user === 'U0SOCK')).toEqual([
      expect.objectContaining({ entry: 'mention', barcode: '••••8902' }),
    ]);
  });

  it('refuses a mention in a channel that is not permitted with one private notice, still acking', async () => {
    const ws = await side.connection();
    const before = bot.lookup.service.health().vendorRequests;
    const id = side.send(
      ws,
      'events_api',
      mentionEvent({ text: `<@${BOT_USER}> 0000999999 012345678902`, ts: '1700300003.000100', user: 'U0SOCKDENIED', channel: 'C0OTHER' }),
    );
    await slack.waitFor(() => slack.callsTo('chat.postEphemeral').some((c) => c.params.user === 'U0SOCKDENIED'), 10_000, 'the refusal');
    await expect.poll(() => side.acked(id)).toBe(true);
    expect(await bot.work.drain(10_000)).toBe(true);
    expect(allText(slack.callsTo('chat.postEphemeral').find((c) => c.params.user === 'U0SOCKDENIED')!.params)).toContain('C0OTHER');
    expect(slack.callsTo('chat.postMessage').filter((c) => c.params.channel === 'C0OTHER')).toEqual([]);
    expect(bot.lookup.service.health().vendorRequests).toBe(before);
  });
});
