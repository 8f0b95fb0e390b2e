/** In Socket Mode `/metrics` is served only when PORT is set, on that port, next to /healthz. */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../../src/bot.js';
import { FakeSlack } from '../support/fake-slack.js';
import { startSocketMode, type FakeSocketMode } from '../support/fake-socket-mode.js';

describe('/metrics in Socket Mode with PORT set', () => {
  let slack: FakeSlack;
  let side: FakeSocketMode;
  let bot: RunningBot;

  beforeAll(async () => {
    slack = await FakeSlack.start();
    side = await startSocketMode(slack);
    bot = await startBot(
      {
        SLACK_APP_TOKEN: 'xapp-1-A1-test-app-token',
        SLACK_BOT_TOKEN: 'xoxb-test-token',
        SLACK_API_URL: slack.apiUrl,
        ALLOWED_CHANNEL_IDS: 'C0ALLOWED',
        PORT: '0',
        LOG_LEVEL: 'warn',
      },
      { host: '127.0.0.1', logSink: () => undefined },
    );
  });
  afterAll(async () => {
    await bot?.stop('test');
    await side.close();
    await slack.close();
  });

  it('serves the scrape on the health port and no Slack events path', async () => {
    const health = await request(`http://127.0.0.1:${bot.port}/healthz`);
    expect(((await health.body.json()) as { mode: string }).mode).toBe('socket');
    const res = await request(`http://127.0.0.1:${bot.port}/metrics`);
    expect(res.statusCode).toBe(200);
    const body = await res.body.text();
    expect(body).toMatch(/^# TYPE coupon_bot_lookups_total counter$/m);
    expect(body).toMatch(/^process_cpu_user_seconds_total /m);
    const events = await request(`http://127.0.0.1:${bot.port}/slack/events`, { method: 'POST', body: '' });
    expect(events.statusCode).toBe(404);
    await events.body.text();
  });
});
