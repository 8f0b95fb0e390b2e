/** Shared state on Redis: REDIS_URL, REDIS_PREFIX, REDIS_KEY_SECRET, REDIS_TIMEOUT_MS. */
import type { EnvReader } from './env.js';

/** Shared state on Redis (REDIS_URL set); `null` keeps everything in this process. */
export interface RedisConfig {
  /** May carry a password: never log it. */
  readonly url: string;
  /** Prepended to every key. */
  readonly prefix: string;
  /** REDIS_KEY_SECRET as given, or `undefined` (then derived from the bot token). Never log it. */
  readonly keySecret: string | undefined;
  /** Deadline for each Redis command, ms. */
  readonly timeoutMs: number;
}

const DEFAULT_REDIS_PREFIX = 'coupon-bot:';

/** REDIS_URL, REDIS_PREFIX, REDIS_KEY_SECRET, REDIS_TIMEOUT_MS. Problems never quote the URL. */
export function readRedisConfig(r: EnvReader): RedisConfig | null {
  const raw = r.str('REDIS_URL');
  const prefix = r.str('REDIS_PREFIX') ?? DEFAULT_REDIS_PREFIX;
  if (!/^[\x21-\x7e]{1,64}$/.test(prefix))
    r.problems.push('REDIS_PREFIX must be 1–64 visible ASCII characters without spaces (default "coupon-bot:").');
  const keySecret = r.str('REDIS_KEY_SECRET');
  if (keySecret !== undefined && keySecret.length < 16)
    r.problems.push('REDIS_KEY_SECRET must be at least 16 characters (the same on every replica), or be left unset.');
  const timeoutMs = r.int('REDIS_TIMEOUT_MS', 250, 20, 5000);
  if (raw === undefined) return null;
  let ok = false;
  try {
    const u = new URL(raw);
    ok = (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '';
  } catch {
    // reported below
  }
  // The value is not quoted: it may carry a password.
  if (!ok) r.problems.push('REDIS_URL must be a redis:// or rediss:// URL with a host, e.g. redis://redis.internal:6379/0.');
  return Object.freeze({ url: raw, prefix, keySecret, timeoutMs });
}
