/**
 * The whole bot in-process for end-to-end tests: the real Bolt HTTP receiver on a loopback
 * port, a fake Slack Web API (SLACK_API_URL), loopback response_urls, and the built-in sandbox.
 * Requests are signed with a real HMAC exactly as Slack signs them.
 */
import { request } from 'undici';
import { startBot, type BotOptions, type RunningBot } from '../../src/bot.js';
import type { Env } from '../../src/config/env.js';
import { FakeSlack } from './fake-slack.js';
import { signedHeaders } from './signing.js';

export const SECRET = 'test-signing-secret';
export const ALLOWED = 'C0ALLOWED';
export const DENIED = 'C0DENIED';

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
    async command({ text, user = 'U0ALICE', channel = ALLOWED, command = '/coupon' }) {
      const responseUrl = slack.responseUrl();
      const body = new URLSearchParams({
        token: 'legacy-verification-token',
        team_id: 'T1',
        team_domain: 'ops',
        channel_id: channel,
        channel_name: 'cs-triage',
        user_id: user,
        user_name: user.toLowerCase(),
        command,
        text,
        api_app_id: 'A1',
        response_url: responseUrl,
        trigger_id: `trigger-${Date.now()}`,
      }).toString();
      const answer = await post(body, signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'));
      return { ...answer, responseUrl };
    },
    interact(payload) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return post(body, signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'));
    },
    raw: post,
    async close() {
      await bot.stop('test');
      await slack.close();
    },
  };
}

/** A block_actions payload for a button on a card. */
export function buttonPayload(opts: {
  actionId: string;
  value: string;
  responseUrl: string;
  user?: string;
  channel?: string;
  ephemeral?: boolean;
}): Record<string, unknown> {
  const channel = opts.channel ?? ALLOWED;
  const user = opts.user ?? 'U0ALICE';
  return {
    type: 'block_actions',
    team: { id: 'T1', domain: 'ops' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: channel, is_ephemeral: opts.ephemeral ?? true },
    trigger_id: `trigger-${Date.now()}`,
    channel: { id: channel, name: 'cs-triage' },
    response_url: opts.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: opts.actionId,
        block_id: 'card_actions',
        value: opts.value,
        text: { type: 'plain_text', text: 'x' },
        action_ts: '1700000001.000200',
      },
    ],
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
