/**
 * The seam for everything the bot shares across replicas, whatever keeps it: the stores, the
 * rate limiter, their health and how to close them, behind one interface; one factory picks the
 * backend from configuration (memory for one process, Redis for replicas). A backend is one
 * folder under src/stores/ with an `open…State` returning a `SharedState`, plus its case below.
 * What sits on the same backend in a room above (the bulk-check job queue, src/bulk/queue/open.ts)
 * follows the same choice and takes its sealing from here.
 */
import type { AppConfig } from '../config/app.js';
import type { Logger } from '../log/logger.js';
import type { Clock } from '../time/clock.js';
import { randomBytes } from 'node:crypto';
import { createKeyHasher, deriveSharedSecret, type KeyHasher } from './keys.js';
import { openMemoryState } from './memory/shared-state.js';
import type { KeyValueStore, RateLimiter, StoreHealth } from './types.js';
import { createValueCodec, type ValueCodec } from './value-codec.js';

export interface SharedState {
  /** Which backend keeps it (`memory`, `redis`): for logs, `/healthz` and the metrics' label. */
  readonly backend: string;
  /** Whether other replicas see the same state (then in-flight lookups are shared with them too). */
  readonly acrossReplicas: boolean;
  /** Replayed requests and redelivered events already handled (claims with a TTL). */
  readonly seen: KeyValueStore;
  /** What thread cards' buttons refer to. */
  readonly refs: KeyValueStore;
  /** The lookup cache and its in-flight claims (its own bounded local copy, so answers cannot push references out). */
  readonly cache: KeyValueStore;
  readonly limiter: RateLimiter;
  /** Hashes bearer values into keys; the same on every replica sharing this state. */
  readonly hashKey: KeyHasher;
  /** Seals values that hold coupon data before they leave the process; the same on every replica. */
  readonly codec: ValueCodec;
  /** Up or down, for a backend that can be down; `null` for memory, which cannot. */
  readonly health: StoreHealth | null;
  /** Release the backend (bounded, never rejects). */
  close(): Promise<void>;
}

/**
 * What the factory reads from the app's configuration: each backend's settings (`redis`, or
 * `null` for this process alone), the bot token (every replica of one app shares it: the
 * fallback source of the shared secret) and the rate limit. A new backend's settings join here.
 */
export type SharedStateConfig = Pick<AppConfig, 'redis'> & { readonly slack: Pick<AppConfig['slack'], 'botToken' | 'rateLimitPerMinute'> };

export interface SharedStateDeps {
  readonly clock: Clock;
  readonly logger: Logger;
}

/** Open the backend `config` names. Never rejects for an absent Redis: the state then answers locally until it appears. */
export async function openSharedState(config: SharedStateConfig, deps: SharedStateDeps): Promise<SharedState> {
  if (config.redis === null) {
    // A secret of this process alone: nothing it hashes or seals is read by another.
    const secret = randomBytes(32);
    return openMemoryState({
      perMinute: config.slack.rateLimitPerMinute,
      clock: deps.clock,
      hashKey: createKeyHasher(secret),
      codec: createValueCodec(secret),
    });
  }
  const secret = deriveSharedSecret({ keySecret: config.redis.keySecret, botToken: config.slack.botToken });
  // Loaded on demand: memory mode never loads the Redis client.
  const { openRedisState } = await import('./redis/shared-state.js');
  return openRedisState({
    url: config.redis.url,
    prefix: config.redis.prefix,
    hashKey: createKeyHasher(secret),
    codec: createValueCodec(secret),
    commandTimeoutMs: config.redis.timeoutMs,
    perMinute: config.slack.rateLimitPerMinute,
    clock: deps.clock,
    logger: deps.logger,
  });
}
