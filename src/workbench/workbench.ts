/**
 * The workbench as one object: the Slack stand-in and page server on 127.0.0.1, the sample
 * channel, and the real bot (`startBot`, HTTP mode) configured to talk only to the stand-in:
 * a fresh signing secret, a placeholder bot token, `SLACK_API_URL` at the stand-in, and the
 * permitted channel plus the DM in `ALLOWED_CHANNEL_IDS`. Coufun settings pass through.
 */
import { randomBytes } from 'node:crypto';
import { startBot, type BotOptions, type RunningBot } from '../bot.js';
import { EnvReader, type Env } from '../config/env.js';
import { readCoufunConfig } from '../config/coufun.js';
import { BotLink } from './deliver.js';
import { Interactions } from './interactions.js';
import { seedSamples, type SampleKey } from './samples.js';
import { startServer, type WorkbenchServer } from './server.js';
import { generateSigningSecret } from './signer.js';
import { SlackStandIn, type Trace } from './stand-in.js';
import { CHANNELS, World } from './world.js';

/**
 * Variables the operator may set for the bot; everything Slack-side is the workbench's own,
 * `COUPON_COMMAND` included: the page's Slack declares `/coupon`, as the shipped manifest does.
 */
export const PASSTHROUGH =
  /^(COUFUN_|COUPON_(?!COMMAND$))|^(LOG_LEVEL|HTTPS_PROXY|HTTP_PROXY|NO_PROXY|https_proxy|http_proxy|no_proxy|SHUTDOWN_GRACE_MS|HEALTH_DEGRADED_AFTER)$/;

/** A placeholder bot token, fresh per run: only this run's bot can call this run's stand-in. */
export function placeholderToken(): string {
  return `xoxb-workbench-placeholder-${randomBytes(12).toString('hex')}`;
}

export interface WorkbenchOptions {
  /** The operator's environment; only PASSTHROUGH variables reach the bot. */
  readonly env?: Env;
  /** 0 picks a free port. */
  readonly port?: number;
  /** The bot's JSON log lines (default: dropped). */
  readonly botLog?: (line: string) => void;
  /** The stand-in's one-line trace of Slack-side traffic (default: dropped). */
  readonly trace?: Trace;
  readonly botOptions?: Omit<BotOptions, 'host' | 'logSink'>;
}

export interface Workbench {
  readonly url: string;
  readonly port: number;
  readonly bot: RunningBot;
  /** Which Coufun environment the bot talks to (from the operator's settings). */
  readonly coufunEnv: string;
  readonly world: World;
  readonly samples: ReadonlyMap<SampleKey, string>;
  /** What the page's controls do, callable directly (tests, scripts). */
  readonly interactions: Interactions;
  /** The bot's signed entry point. */
  readonly link: BotLink;
  stop(): Promise<void>;
}

export function botEnv(env: Env, apiUrl: string, secret: string, token: string): Env {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) if (PASSTHROUGH.test(k)) out[k] = v;
  return {
    ...out,
    SLACK_BOT_TOKEN: token,
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: apiUrl,
    ALLOWED_CHANNEL_IDS: [CHANNELS.triage.id, CHANNELS.dm.id].join(','),
    PORT: '0',
  };
}

export async function startWorkbench(opts: WorkbenchOptions = {}): Promise<Workbench> {
  const host = '127.0.0.1';
  const world = new World();
  const samples = seedSamples(world);
  const trace = opts.trace ?? (() => {});
  const secret = generateSigningSecret();
  const token = placeholderToken();
  const standIn = new SlackStandIn(world, token, trace);
  let interactions: Interactions | undefined;
  const server: WorkbenchServer = await startServer({
    world,
    host,
    port: opts.port ?? 0,
    standIn: () => standIn,
    interactions: () => {
      if (!interactions) throw new Error('the bot is still starting');
      return interactions;
    },
    onError: (e) => trace(`workbench error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  });
  const base = `http://${host}:${server.port}`;
  const env = botEnv(opts.env ?? {}, `${base}/api/`, secret, token);
  let bot: RunningBot;
  try {
    bot = await startBot(env, { ...opts.botOptions, host, logSink: opts.botLog ?? (() => {}) });
  } catch (e) {
    await server.close();
    throw e;
  }
  const link = new BotLink(`http://${host}:${bot.port}/slack/events`, secret);
  const ready = new Interactions(world, () => link, `${base}/response/`, trace);
  interactions = ready;
  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    bot,
    // startBot has validated these settings; only the environment's name is read again.
    coufunEnv: readCoufunConfig(new EnvReader(env)).env,
    world,
    samples,
    interactions: ready,
    link,
    stop() {
      stopping ??= (async () => {
        try {
          await bot.stop('workbench');
        } finally {
          await server.close();
        }
      })();
      return stopping;
    },
  };
}
