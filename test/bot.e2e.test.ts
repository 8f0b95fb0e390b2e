/**
 * The composition root: `createBot` builds every part and hands it back (what tests and hosts
 * look at), listening to nothing until `start`; the harness's bot is this very object.
 */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, startBot, type Bot } from '../src/bot.js';
import { ConfigError } from '../src/config/env.js';
import { FakeSlack } from './support/fake-slack.js';

describe('createBot', () => {
  let slack: FakeSlack;
  let bot: Bot;
  beforeAll(async () => {
    slack = await FakeSlack.start();
    bot = await createBot(
      { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, PORT: '0', LOG_LEVEL: 'error' },
      { host: '127.0.0.1', logSink: () => undefined },
    );
  });
  afterAll(async () => {
    await bot?.stop('test');
    await slack?.close();
  });

  it('builds every part from the environment, in memory without REDIS_URL, nothing listening yet', () => {
    expect(bot.config.slack.mode).toBe('http');
    expect(bot.state.backend).toBe('memory');
    expect(bot.port).toBeUndefined();
    expect(slack.callsTo('auth.test')).toEqual([]);
    // What the listeners get is what the bot hands out: one set of parts, not copies.
    expect(bot.deps.lookup).toBe(bot.lookup.service);
    expect(bot.deps.work).toBe(bot.work);
    expect(bot.deps.buttonRefs).toBe(bot.buttonRefs);
    expect(bot.deps.limiter).toBe(bot.state.limiter);
    // Replay and event claims live apart from thread-card references, as in production.
    expect(bot.deps.store).toBe(bot.state.seen);
    expect(bot.state.seen).not.toBe(bot.state.refs);
  });

  it('starts once (checking the token), listens, and reports health', async () => {
    await Promise.all([bot.start(), bot.start()]);
    expect(slack.callsTo('auth.test')).toHaveLength(1);
    expect(bot.port).toBeGreaterThan(0);
    const res = await request(`http://127.0.0.1:${bot.port}/healthz`);
    expect(await res.body.json()).toMatchObject({ status: 'ok', mode: 'http', coufunEnv: 'sandbox' });
    expect(bot.health()).toMatchObject({ status: 'ok', inFlight: 0 });
  });

  it('stops once, however often asked', async () => {
    const [a, b] = await Promise.all([bot.stop('test'), bot.stop('again')]);
    expect(a).toEqual({ drained: true });
    expect(b).toBe(a);
  });

  it('refuses a bad environment with every problem listed, before building anything', async () => {
    await expect(createBot({ SLACK_BOT_TOKEN: 'nope' })).rejects.toBeInstanceOf(ConfigError);
  });

  it('a start that fails (a revoked token) rejects and closes what was built', async () => {
    slack.on('auth.test', () => ({ body: { ok: false, error: 'invalid_auth' } }));
    const logs: Record<string, unknown>[] = [];
    const env = { SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, PORT: '0' };
    await expect(startBot(env, { host: '127.0.0.1', logSink: (l) => logs.push(JSON.parse(l) as Record<string, unknown>) })).rejects.toThrow(
      /invalid_auth/,
    );
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['shutting_down', 'stopped']));
    expect(logs.find((l) => l.msg === 'shutting_down')).toMatchObject({ reason: 'start_failed' });
    expect(logs.some((l) => l.msg === 'started')).toBe(false);
  });
});
