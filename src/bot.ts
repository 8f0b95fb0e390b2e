/**
 * Composition root of the Slack bot: config → lookup service (sandbox or vendor) → Bolt app →
 * HTTP front or Socket Mode. `startBot` is what `npm start` runs and what end-to-end tests call.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadAppConfig } from './config/app.js';
import { systemClock, type Clock } from './time/clock.js';
import type { Env } from './config/env.js';
import type { RedisConfig } from './config/redis.js';
import { createLogger, errorFields, type Logger } from './log/logger.js';
import { stdoutState } from './log/stdout.js';
import { openLookup, type OpenedLookup } from './lookup/bootstrap.js';
import type { SandboxOptions } from './coufun/sandbox/server.js';
import { buildSlackApp, type BuiltApp } from './slack/app.js';
import type { BotDeps } from './slack/deps/bot-deps.js';
import { startHttpFront, type HttpFront } from './runtime/http-front.js';
import { ButtonRefs } from './stores/button-refs.js';
import { createKeyHasher, deriveSharedSecret, type KeyHasher } from './stores/keys.js';
import type { RedisState } from './stores/redis/shared-state.js';
import type { StoreHealth } from './stores/types.js';
import type { KeyValueStore } from './stores/types.js';
import { createMemoryStore } from './stores/memory/key-value.js';
import { MemoryRateLimiter } from './stores/memory/rate-limiter.js';
import { createLeanFetch } from './runtime/lean-fetch.js';
import { createLocaleResolver } from './slack/locale/resolver.js';
import { fetchUserLocale } from './slack/locale/users-info.js';
import { WorkTracker } from './runtime/work.js';
import { createBotMetrics, type BotMetrics } from './metrics/bot-metrics.js';
import { instrumentSlackFetch } from './metrics/slack-fetch.js';

/** The package version, from src/ under tsx or from build/src/ when compiled. */
export const VERSION: string = readVersion();

function readVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'coupon-bot' && pkg.version) return pkg.version;
    } catch {
      // not here; try one level up
    }
  }
  return 'unknown';
}

export interface BotOptions {
  readonly clock?: Clock;
  /** Where JSON log lines go (default stdout). */
  readonly logSink?: (line: string) => void;
  /** Interface to listen on (default: all). */
  readonly host?: string;
  readonly sandbox?: SandboxOptions;
  /**
   * Parts the caller built itself (a host sharing them, a test harness keeping references):
   * `startBot` uses them instead of building its own, and closes the lookup on stop.
   */
  readonly logger?: Logger;
  readonly lookup?: OpenedLookup;
  readonly store?: KeyValueStore;
  readonly work?: WorkTracker;
  /** Redis health for `coupon_bot_redis_up` (1 up, 0 down, undefined not known yet). */
  readonly redisUp?: () => 0 | 1 | undefined;
  /** A metrics registry the caller built (its `lookupObserver` must be the injected lookup's observer). */
  readonly metrics?: BotMetrics;
}

/** What a running bot offers its host: where it listens, its logger, and how to stop it. */
export interface RunningBot {
  readonly logger: Logger;
  /** Redis's `up`/`down` and its changes (REDIS_URL set); `null` in memory mode. */
  readonly redis: StoreHealth | null;
  /** The HTTP port (HTTP mode, or Socket Mode with PORT set). */
  readonly port: number | undefined;
  /** Stop taking requests, finish in-flight lookups within the grace period, close everything. */
  stop(reason?: string): Promise<{ drained: boolean }>;
}

export async function startBot(env: Env, options: BotOptions = {}): Promise<RunningBot> {
  const config = loadAppConfig(env);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger({ level: config.logLevel, clock, ...(options.logSink ? { sink: options.logSink } : {}) });
  const work = options.work ?? new WorkTracker(logger);
  // Shared state first: the lookup cache, the limiter and the refs all live there.
  const secret = config.redis ? deriveSharedSecret({ keySecret: config.redis.keySecret, botToken: config.slack.botToken }) : null;
  const hashKey = secret ? createKeyHasher(secret) : null;
  const shared: RedisState | null =
    config.redis && secret && hashKey
      ? await openShared(config.redis, secret, hashKey, config.slack.rateLimitPerMinute, clock, logger)
      : null;
  const redisUp = options.redisUp ?? (shared ? () => (shared.health.status() === 'up' ? 1 : 0) : undefined);
  const metrics = options.metrics ?? createBotMetrics({ workInFlight: () => work.size, ...(redisUp ? { redisUp } : {}) });
  let lookup: OpenedLookup;
  try {
    lookup =
      options.lookup ??
      (await openLookup(config.coufun, {
        clock,
        observer: metrics.lookupObserver,
        ...(options.sandbox ? { sandbox: options.sandbox } : {}),
        // In memory mode the lookup keeps its own bounded cache and a random key secret.
        ...(shared && hashKey ? { store: shared.cache, hashKey, acrossReplicas: { replicaId: randomBytes(6).toString('base64url') } } : {}),
      }));
  } catch (e) {
    await shared?.close();
    throw e;
  }

  // In memory mode the de-duplication keys (replayed requests, redelivered events) get a store of
  // their own, so a burst of requests cannot push thread-card references out of a shared LRU.
  const refsStore = options.store ?? shared?.store ?? createMemoryStore({ clock });
  const store = options.store ?? shared?.store ?? createMemoryStore({ clock, maxEntries: 100_000 });
  const lean = createLeanFetch();
  // Every Slack call (Web API, users.info, response_url) goes through here; failed Web API calls are counted.
  const http = { fetch: instrumentSlackFetch(lean.fetch, metrics.slackApiError), close: () => lean.close() };
  const deps: BotDeps = {
    lookup: lookup.service,
    catalog: config.catalog,
    allowlist: config.slack.allowlist,
    limiter: shared?.limiter ?? new MemoryRateLimiter(config.slack.rateLimitPerMinute, clock),
    locales: createLocaleResolver(
      (user) => fetchUserLocale(http.fetch, { apiUrl: config.slack.apiUrl, token: config.slack.botToken, user }),
      { clock, onError: (e) => logger.event('warn', 'locale_lookup_failed', errorFields(e)) },
    ),
    logger,
    clock,
    coufunEnv: config.coufun.env,
    work,
    command: config.slack.command,
    store,
    buttonRefs: new ButtonRefs(refsStore),
    http,
    metrics,
  };
  let built: BuiltApp | undefined;
  let front: HttpFront | undefined;
  try {
    built = buildSlackApp(config.slack, deps, logger);
    await built.app.init(); // auth.test: a wrong token stops the start with a clear error
    const health = () => {
      const h = lookup.service.health();
      const redis = shared?.health.status();
      const degraded = h.consecutiveFailures >= config.slack.degradedAfterFailures || redis === 'down';
      return {
        status: degraded ? 'degraded' : 'ok',
        ...(redis !== undefined ? { redis } : {}),
        mode: config.slack.mode,
        coufunEnv: config.coufun.env,
        version: VERSION,
        vendor: { consecutiveFailures: h.consecutiveFailures, lookups: h.lookups, requests: h.vendorRequests },
        inFlight: work.size,
        logOutput: stdoutState(),
      };
    };
    if (config.slack.port !== undefined) {
      front = await startHttpFront({
        slack:
          built.receiver.kind === 'http'
            ? { receiver: built.receiver.receiver, signingSecret: config.slack.signingSecret ?? '', store }
            : null,
        port: config.slack.port,
        ...(options.host ? { host: options.host } : {}),
        health,
        logger,
        metrics: () => metrics.scrape(),
      });
    }
    if (built.receiver.kind === 'socket') {
      watchSocket(built.receiver.receiver, logger);
      await built.app.start();
    }
  } catch (e) {
    await closeAll(logger, [() => front?.close(), () => lookup.close({ force: true }), () => http.close(), () => shared?.close()]);
    throw e;
  }
  logger.event('info', 'started', {
    mode: config.slack.mode,
    port: front?.port,
    coufunEnv: config.coufun.env,
    coufunUrl: config.coufun.env === 'sandbox' ? lookup.url : undefined,
    allowedChannels: config.slack.allowlist.all ? '*' : config.slack.allowlist.ids.size,
    // Never the URL: it may carry a password.
    state: shared ? { store: 'redis', redis: shared.health.status(), prefix: config.redis?.prefix } : { store: 'memory' },
    version: VERSION,
    pid: process.pid,
  });

  let stopping: Promise<{ drained: boolean }> | undefined;
  const app = built;
  return {
    logger,
    redis: shared?.health ?? null,
    port: front?.port,
    stop(reason = 'stop') {
      stopping ??= (async () => {
        logger.event('info', 'shutting_down', { reason, inFlight: work.size, graceMs: config.slack.shutdownGraceMs });
        front?.beginDrain();
        if (app.receiver.kind === 'socket')
          await app.receiver.receiver.stop().catch((e: unknown) => logger.event('warn', 'socket_stop_failed', errorFields(e)));
        const drained = await work.drain(config.slack.shutdownGraceMs);
        if (!drained) logger.event('warn', 'shutdown_grace_expired', { abandoned: work.size });
        // Past the grace period, lookups still waiting on Coufun are aborted rather than awaited.
        // Redis last: cards delivered during the drain still write their references.
        await closeAll(logger, [() => lookup.close({ force: !drained }), () => front?.close(), () => http.close(), () => shared?.close()]);
        logger.event('info', 'stopped', { drained });
        return { drained };
      })();
      return stopping;
    },
  };
}

/** The shared state on Redis; never rejects (a Redis absent at start means local state for now). */
async function openShared(
  redis: RedisConfig,
  secret: Buffer,
  hashKey: KeyHasher,
  perMinute: number,
  clock: Clock,
  logger: Logger,
): Promise<RedisState> {
  // Loaded on demand: memory mode never loads the Redis client.
  const { openRedisState } = await import('./stores/redis/shared-state.js');
  return openRedisState({
    url: redis.url,
    prefix: redis.prefix,
    secret,
    hashKey,
    commandTimeoutMs: redis.timeoutMs,
    perMinute,
    clock,
    logger,
  });
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

function watchSocket(receiver: { client: { on(event: string, fn: (...a: unknown[]) => void): unknown } }, logger: Logger): void {
  for (const state of ['connecting', 'connected', 'reconnecting', 'disconnecting', 'disconnected']) {
    receiver.client.on(state, () => logger.event(state === 'connected' ? 'info' : 'warn', 'socket_mode', { state }));
  }
}
