/**
 * Composition root of the Slack bot: config → shared state (memory or Redis) → lookup service
 * (sandbox or vendor) → Bolt app → HTTP front or Socket Mode. `createBot` builds it all and
 * hands back every part (what tests and hosts look at); `startBot` is `createBot` and `start`,
 * what `npm start` runs.
 */
import { randomBytes } from 'node:crypto';
import { openBulkQueue } from './bulk/queue/open.js';
import type { BulkQueue } from './bulk/queue/types.js';
import { loadAppConfig, type AppConfig } from './config/app.js';
import type { Env } from './config/env.js';
import type { SandboxOptions } from './coufun/sandbox/server.js';
import { createLogger, errorFields, type Logger } from './log/logger.js';
import { openLookup, type OpenedLookup } from './lookup/bootstrap.js';
import { createBotMetrics, type BotMetrics } from './metrics/bot-metrics.js';
import { instrumentSlackFetch } from './metrics/slack-fetch.js';
import { healthReport, VERSION, type HealthReport } from './runtime/health.js';
import { startHttpFront, type HttpFront } from './runtime/http-front.js';
import { createLeanFetch } from './runtime/lean-fetch.js';
import { WorkTracker } from './runtime/work.js';
import { buildSlackApp, type BuiltApp } from './slack/app.js';
import type { BotDeps } from './slack/deps/bot-deps.js';
import { createLocaleResolver } from './slack/locale/resolver.js';
import { fetchUserLocale } from './slack/locale/users-info.js';
import { ButtonRefs } from './stores/button-refs.js';
import { openSharedState, type SharedState } from './stores/shared-state.js';
import { systemClock, type Clock } from './time/clock.js';

/** What a host may decide for the bot it runs; everything else comes from the environment. */
export interface BotOptions {
  readonly clock?: Clock;
  /** Where JSON log lines go (default stdout). */
  readonly logSink?: (line: string) => void;
  /** Interface to listen on (default: all). */
  readonly host?: string;
  readonly sandbox?: SandboxOptions;
}

/** Every part of one bot, as built: what a host or a test may look at. */
export interface Bot {
  readonly config: AppConfig;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Stores, limiter and their health, in memory or on Redis. */
  readonly state: SharedState;
  readonly lookup: OpenedLookup;
  /** Bulk checks: in this process, or on Redis (BullMQ) with REDIS_URL, where this replica works items too. */
  readonly bulk: BulkQueue;
  /** Background work after acks (lookups, replies): what a shutdown waits for. */
  readonly work: WorkTracker;
  readonly metrics: BotMetrics;
  /** Requests behind thread cards' buttons, on the bot's own store. */
  readonly buttonRefs: ButtonRefs;
  /** What every Slack listener is handed. */
  readonly deps: BotDeps;
  readonly slack: BuiltApp;
  /** The HTTP port (HTTP mode, or Socket Mode with PORT set), once started. */
  readonly port: number | undefined;
  /** What `/healthz` answers. */
  health(): HealthReport;
  /** Take requests: the HTTP front (when there is a port) and the Socket Mode connection. Once. */
  start(): Promise<void>;
  /** Stop taking requests, finish in-flight lookups within the grace period, close everything. Never rejects. */
  stop(reason?: string): Promise<{ drained: boolean }>;
}

/** A started bot. */
export type RunningBot = Bot;

/** Build the whole bot from `env`, nothing listening yet. Throws ConfigError listing every problem. */
export async function createBot(env: Env, options: BotOptions = {}): Promise<Bot> {
  const config = loadAppConfig(env);
  const clock = options.clock ?? systemClock;
  const logger = createLogger({ level: config.logLevel, clock, ...(options.logSink ? { sink: options.logSink } : {}) });
  const work = new WorkTracker(logger);
  // Shared state first: the lookup cache, the limiter and the references all live there.
  const state = await openSharedState(config, { clock, logger });
  const { health: stateHealth } = state;
  const metrics = createBotMetrics({
    workInFlight: () => work.size,
    ...(stateHealth ? { sharedStore: { backend: state.backend, up: () => (stateHealth.status() === 'up' ? 1 : 0) } } : {}),
  });
  let lookup: OpenedLookup;
  try {
    lookup = await openLookup(config.coufun, {
      clock,
      observer: metrics.lookupObserver,
      store: state.cache,
      hashKey: state.hashKey,
      ...(options.sandbox ? { sandbox: options.sandbox } : {}),
      ...(state.acrossReplicas ? { acrossReplicas: { replicaId: randomBytes(6).toString('base64url') } } : {}),
    });
  } catch (e) {
    await state.close();
    throw e;
  }
  let bulk: BulkQueue;
  try {
    bulk = await openBulkQueue(config, state, { lookup: lookup.service, logger });
  } catch (e) {
    await closeAll(logger, [() => lookup.close({ force: true }), () => state.close()]);
    throw e;
  }
  const lean = createLeanFetch();
  // Every Slack call (Web API, users.info, response_url) goes through here; failed Web API calls are counted.
  const http = { fetch: instrumentSlackFetch(lean.fetch, metrics.slackApiError), close: () => lean.close() };
  const buttonRefs = new ButtonRefs(state.refs);
  const deps: BotDeps = {
    lookup: lookup.service,
    catalog: config.catalog,
    allowlist: config.slack.allowlist,
    limiter: state.limiter,
    locales: createLocaleResolver(
      (user) => fetchUserLocale(http.fetch, { apiUrl: config.slack.apiUrl, token: config.slack.botToken, user }),
      { clock, onError: (e) => logger.event('warn', 'locale_lookup_failed', errorFields(e)) },
    ),
    logger,
    clock,
    coufunEnv: config.coufun.env,
    work,
    command: config.slack.command,
    store: state.seen,
    buttonRefs,
    http,
    metrics,
  };
  let slack: BuiltApp;
  try {
    slack = buildSlackApp(config.slack, deps, logger);
  } catch (e) {
    await closeAll(logger, [() => bulk.close(), () => lookup.close({ force: true }), () => http.close(), () => state.close()]);
    throw e;
  }
  let front: HttpFront | undefined;
  let started: Promise<void> | undefined;
  let stopping: Promise<{ drained: boolean }> | undefined;

  const health = (): HealthReport =>
    healthReport({
      lookup: lookup.service,
      shared: state,
      degradedAfterFailures: config.slack.degradedAfterFailures,
      mode: config.slack.mode,
      coufunEnv: config.coufun.env,
      inFlight: () => work.size,
    });

  const listen = async (): Promise<void> => {
    await slack.app.init(); // auth.test: a wrong token stops the start with a clear error
    if (config.slack.port !== undefined) {
      front = await startHttpFront({
        slack:
          slack.receiver.kind === 'http'
            ? { receiver: slack.receiver.receiver, signingSecret: config.slack.signingSecret ?? '', store: state.seen }
            : null,
        port: config.slack.port,
        ...(options.host ? { host: options.host } : {}),
        health,
        logger,
        metrics: () => metrics.scrape(),
      });
    }
    if (slack.receiver.kind === 'socket') await slack.app.start();
    logger.event('info', 'started', {
      mode: config.slack.mode,
      port: front?.port,
      coufunEnv: config.coufun.env,
      coufunUrl: config.coufun.env === 'sandbox' ? lookup.url : undefined,
      allowedChannels: config.slack.allowlist.all ? '*' : config.slack.allowlist.ids.size,
      // Never the URL: it may carry a password.
      state: { store: state.backend, ...(stateHealth ? { [state.backend]: stateHealth.status(), prefix: config.redis?.prefix } : {}) },
      version: VERSION,
      pid: process.pid,
    });
  };

  const shutDown = async (reason: string): Promise<{ drained: boolean }> => {
    logger.event('info', 'shutting_down', { reason, inFlight: work.size, graceMs: config.slack.shutdownGraceMs });
    front?.beginDrain();
    if (started && slack.receiver.kind === 'socket')
      await slack.receiver.receiver.stop().catch((e: unknown) => logger.event('warn', 'socket_stop_failed', errorFields(e)));
    const drained = await work.drain(config.slack.shutdownGraceMs);
    if (!drained) logger.event('warn', 'shutdown_grace_expired', { abandoned: work.size });
    // Past the grace period, lookups still waiting on Coufun are aborted rather than awaited.
    // The shared state last: cards delivered during the drain still write their references.
    // The bulk queue first: its items stop at a safe point and no longer take lookups.
    await closeAll(logger, [
      () => bulk.close(),
      () => lookup.close({ force: !drained }),
      () => front?.close(),
      () => http.close(),
      () => state.close(),
    ]);
    logger.event('info', 'stopped', { drained });
    return { drained };
  };

  return {
    config,
    clock,
    logger,
    state,
    lookup,
    bulk,
    work,
    metrics,
    buttonRefs,
    deps,
    slack,
    get port() {
      return front?.port;
    },
    health,
    start() {
      started ??= listen();
      return started;
    },
    stop(reason = 'stop') {
      stopping ??= shutDown(reason);
      return stopping;
    },
  };
}

/** `createBot`, then `start`; a start that fails closes what was built before rejecting. What `npm start` runs. */
export async function startBot(env: Env, options: BotOptions = {}): Promise<RunningBot> {
  const bot = await createBot(env, options);
  try {
    await bot.start();
  } catch (e) {
    await bot.stop('start_failed');
    throw e;
  }
  return bot;
}

/** Run every close in order; one failing is logged and does not skip the rest. */
async function closeAll(logger: Logger, closes: ReadonlyArray<() => Promise<void> | undefined>): Promise<void> {
  for (const close of closes) {
    try {
      await close();
    } catch (e) {
      logger.event('warn', 'close_failed', errorFields(e));
    }
  }
}
