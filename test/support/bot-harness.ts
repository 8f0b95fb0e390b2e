/**
 * The whole bot in-process for end-to-end tests: the real Bolt HTTP receiver on a loopback
 * port, a fake Slack Web API (SLACK_API_URL), loopback response_urls, and the built-in sandbox.
 * Requests are signed with a real HMAC exactly as Slack signs them.
 */
import { request } from 'undici';
import { startBot, type BotOptions, type RunningBot } from '../../src/bot.js';
import type { Env } from '../../src/config/env.js';
import { FakeSlack } from './fake-slack.js';
import { ALLOWED, interactiveBody, slashCommandBody } from './payloads.js';
import { signedHeaders } from './signing.js';

export const SECRET = 'test-signing-secret';

/** The running bot exactly as production builds it (`startBot`), with its parts to look inside. */
export type HarnessBot = RunningBot;

export interface Harness {
  readonly bot: HarnessBot;
  readonly slack: FakeSlack;
  /** Parsed JSON log lines. */
  readonly logs: Record<string, unknown>[];
  readonly eventsUrl: string;
  /** POST a signed slash command; returns the HTTP answer and the command's response_url. */
  command(opts: { text: string; user?: string; channel?: string; command?: string }): Promise<SlackHttpAnswer & { responseUrl: string }>;
  /** POST a signed interactive payload (`payload=` JSON), e.g. block_actions, message_action, view_submission. */
  interact(payload: Record<string, unknown>): Promise<SlackHttpAnswer>;
  /** POST raw bytes with the given headers (forged/stale signatures). */
  raw(body: string, headers: Record<string, string>): Promise<SlackHttpAnswer>;
  close(): Promise<void>;
}

export interface SlackHttpAnswer {
  readonly status: number;
  readonly body: string;
}

export async function startHarness(env: Env = {}, options: BotOptions = {}): Promise<Harness> {
  const slack = await FakeSlack.start();
  const logs: Record<string, unknown>[] = [];
  let bot: HarnessBot;
  const botEnv: Env = {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: slack.apiUrl,
    PORT: '0',
    ALLOWED_CHANNEL_IDS: ALLOWED,
    LOG_LEVEL: 'info',
    ...env,
  };
  try {
    bot = await startBot(botEnv, {
      host: '127.0.0.1',
      logSink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>),
      ...options,
    });
  } catch (e) {
    await slack.close();
    throw e;
  }
  const eventsUrl = `http://127.0.0.1:${bot.port}/slack/events`;

  const post = async (body: string, headers: Record<string, string>): Promise<SlackHttpAnswer> => {
    const res = await request(eventsUrl, { method: 'POST', body, headers });
    return { status: res.statusCode, body: await res.body.text() };
  };

  return {
    bot,
    slack,
    logs,
    eventsUrl,
    async command(opts) {
      const responseUrl = slack.responseUrl();
      const body = slashCommandBody({ ...opts, responseUrl });
      const answer = await post(body, signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'));
      return { ...answer, responseUrl };
    },
    interact(payload) {
      const body = interactiveBody(payload);
      return post(body, signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'));
    },
    raw: post,
    async close() {
      await bot.stop('test');
      await slack.close();
    },
  };
}

/** All text in a Slack message or view (blocks, fields, elements), for asserting facts. */
export function allText(message: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(message);
  return out.join('\n');
}
