/**
 * The Slack app's whole configuration: Coufun settings, Slack credentials and mode, the goods
 * catalog, channel allowlist and limits. Every problem is listed at once (ConfigError).
 */
import { LOG_LEVELS, type Level } from '../log/logger.js';
import { type BulkConfig, readBulkConfig } from './bulk.js';
import { type Catalog, readCatalog } from './catalog.js';
import { type CoufunConfig, readCoufunConfig } from './coufun.js';
import { type Env, EnvReader } from './env.js';
import { type RedisConfig, readRedisConfig } from './redis.js';
import { type SlackConfig, readSlackConfig } from './slack.js';

export interface AppConfig {
  readonly coufun: CoufunConfig;
  readonly slack: SlackConfig;
  readonly catalog: Catalog;
  readonly logLevel: Level;
  /** Shared state on Redis, or `null` for this process only. */
  readonly redis: RedisConfig | null;
  /** Bulk checks: limits, pacing, how long results are kept. */
  readonly bulk: BulkConfig;
}

/** Read and validate everything; throws ConfigError listing every problem. */
export function loadAppConfig(env: Env): AppConfig {
  const r = new EnvReader(env);
  const coufun = readCoufunConfig(r);
  const slack = readSlackConfig(r);
  const catalog = readCatalog(r, coufun.env);
  const logLevel = r.oneOf<Level>('LOG_LEVEL', LOG_LEVELS, 'info');
  const redis = readRedisConfig(r);
  const bulk = readBulkConfig(r);
  r.check();
  return Object.freeze({ coufun, slack, catalog, logLevel, redis, bulk });
}
