/**
 * Several bot replicas in one test process, as an operator would run them behind a load
 * balancer: each its own `startBot` on its own loopback port, all on one Redis, one fake Slack
 * and one Coufun sandbox (a server of its own, so its request counter counts every replica's
 * vendor requests).
 */
import { request } from 'undici';
import { startBot, type RunningBot } from '../../src/bot.js';
import type { Env } from '../../src/config/env.js';
import type { WorkTracker } from '../../src/runtime/work.js';
import { SECRET } from '../support/bot-harness.js';
import { ALLOWED, interactiveBody, slashCommandBody } from '../support/payloads.js';
import type { FakeSlack } from '../support/fake-slack.js';
import { signedHeaders } from '../support/signing.js';

export interface Replica {
  readonly bot: RunningBot;
  readonly logs: Record<string, unknown>[];
  /** The replica's background work after acks (lookups, replies): `drain()` waits for it. */
  readonly work: WorkTracker;
  /** POST a signed /coupon; the card (or notice) arrives at the returned response_url. */
  command(opts: { text: string; user: string; channel?: string }): Promise<{ status: number; responseUrl: string }>;
  /** POST a signed interactive payload. */
  interact(payload: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** POST exactly these bytes with exactly these headers (a delivery signed by the caller, or a replay). */
  raw(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }>;
  healthz(): Promise<Record<string, unknown>>;
  stop(): Promise<void>;
}

export interface ReplicaSetup {
  readonly slack: FakeSlack;
  readonly redisUrl: string;
  /** The shared sandbox's endpoint URL. */
  readonly coufunUrl: string;
  readonly env?: Env;
}

/** The env every replica of one deployment shares. */
export function replicaEnv(setup: ReplicaSetup): Env {
  return {
    SLACK_BOT_TOKEN: 'xoxb-test-token',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: setup.slack.apiUrl,
    PORT: '0',
    ALLOWED_CHANNEL_IDS: ALLOWED,
    LOG_LEVEL: 'info',
    COUFUN_ENV: 'sandbox',
    COUFUN_URL: setup.coufunUrl,
    REDIS_URL: setup.redisUrl,
    ...setup.env,
  };
}

export async function startReplica(setup: ReplicaSetup): Promise<Replica> {
  const logs: Record<string, unknown>[] = [];
  const env = replicaEnv(setup);
  const bot = await startBot(env, { host: '127.0.0.1', logSink: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const base = `http://127.0.0.1:${bot.port}`;
  const raw = async (body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> => {
    const res = await request(`${base}/slack/events`, { method: 'POST', body, headers });
    return { status: res.statusCode, body: await res.body.text() };
  };
  const post = (body: string): Promise<{ status: number; body: string }> =>
    raw(body, signedHeaders(SECRET, body, 'application/x-www-form-urlencoded'));
  return {
    bot,
    logs,
    work: bot.work,
    async command({ text, user, channel = ALLOWED }) {
      const responseUrl = setup.slack.responseUrl();
      const body = slashCommandBody({ text, user, channel, responseUrl, triggerId: `trigger-${user}` });
      const { status } = await post(body);
      return { status, responseUrl };
    },
    interact(payload) {
      return post(interactiveBody(payload));
    },
    raw,
    async healthz() {
      const res = await request(`${base}/healthz`);
      return (await res.body.json()) as Record<string, unknown>;
    },
    async stop() {
      await bot.stop('test');
    },
  };
}

export async function startReplicas(n: number, setup: ReplicaSetup): Promise<Replica[]> {
  return Promise.all(Array.from({ length: n }, () => startReplica(setup)));
}
