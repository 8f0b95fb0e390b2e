/**
 * The rate limiter on Redis: one sorted set per user (score = time of a hit) and one Lua script
 * that trims the window, decides and records atomically, so every replica spends from the same
 * budget. Same semantics as the in-memory limiter; time comes from the injected clock (replicas
 * keep their clocks in sync), the set's own TTL is one window. The user ID enters the key only
 * as a keyed hash.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Clock } from '../../time/clock.js';
import type { KeyHasher } from '../keys.js';
import { withDeadline } from '../../time/deadline.js';
import { RATE_WINDOW_MS, type RateDecision, type RateLimiter } from '../types.js';

// KEYS[1] set; ARGV now, window, limit, cost, record (1/0), member prefix.
// Returns {1} when it fits, else {0, retryAtMs}.
const SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if cost > limit then return {0, now + window} end
local n = redis.call('ZCARD', KEYS[1])
if n + cost <= limit then
  if ARGV[5] == '1' then
    for i = 1, cost do redis.call('ZADD', KEYS[1], now, ARGV[6] .. i) end
    redis.call('PEXPIRE', KEYS[1], window)
  end
  return {1}
end
local pivot = redis.call('ZRANGE', KEYS[1], n + cost - limit - 1, n + cost - limit - 1, 'WITHSCORES')
return {0, tonumber(pivot[2] or now) + window}
`;

type WindowRedis = Redis & { couponRateWindow(key: string, ...args: (string | number)[]): Promise<[number, number?]> };

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: WindowRedis;

  constructor(
    redis: Redis,
    private readonly options: {
      readonly prefix: string;
      readonly perMinute: number;
      readonly clock: Clock;
      readonly hashKey: KeyHasher /** Per operation, ms. */;
      readonly timeoutMs?: number;
    },
  ) {
    // EVALSHA with a fallback to EVAL: the script is loaded once per server, not sent each time.
    if (!('couponRateWindow' in redis)) redis.defineCommand('couponRateWindow', { numberOfKeys: 1, lua: SCRIPT });
    this.redis = redis as WindowRedis;
  }

  take(userId: string, cost = 1): Promise<RateDecision> {
    return this.run(userId, cost, true);
  }

  check(userId: string, cost = 1): Promise<RateDecision> {
    return this.run(userId, cost, false);
  }

  private async run(userId: string, cost: number, record: boolean): Promise<RateDecision> {
    const key = `${this.options.prefix}rate:${this.options.hashKey('rate', userId)}`;
    // Members must be unique per hit; several hits in one millisecond are several members.
    const member = `${randomBytes(6).toString('base64url')}:`;
    const run = this.redis.couponRateWindow(
      key,
      this.options.clock(),
      RATE_WINDOW_MS,
      this.options.perMinute,
      cost,
      record ? '1' : '0',
      member,
    );
    const [ok, retryAtMs] = await withDeadline(run, this.options.timeoutMs, 'Redis');
    return ok === 1 ? { ok: true } : { ok: false, retryAtMs: Number(retryAtMs) };
  }
}
