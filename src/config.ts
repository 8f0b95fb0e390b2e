/**
 * Environment → frozen, typed configuration. Every problem is collected and reported at once
 * (`ConfigError.problems`), so an operator fixes a deployment in one pass. An empty variable
 * counts as unset.
 */
import { SANDBOX_POC_ID } from './coufun/sandbox/goods.js';
import type { CoufunEnv } from './coufun/types.js';
// The codec's own rule, so the configuration accepts exactly what a request may carry.
import { validateField } from './coufun/validate.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** Vendor endpoints from the manual (§2). Port 446 is the vendor's, not a typo. */
export const COUFUN_URLS: Readonly<Record<Exclude<CoufunEnv, 'sandbox'>, string>> = {
  test: 'https://tcorp.coufun.kr:446/b2c_api/coufunPartAmountStatus.do',
  production: 'https://corp.coufun.kr:446/b2c_api/coufunPartAmountStatus.do',
};

/** POC_ID the built-in sandbox accepts when none is configured (the sandbox owns it: coufun imports nothing above it). */
export { SANDBOX_POC_ID };

export interface CoufunConfig {
  readonly env: CoufunEnv;
  readonly pocId: string;
  /** Endpoint URL; `null` in the sandbox environment until the simulator is started. */
  readonly url: string | null;
  readonly timeoutMs: number;
  readonly cacheTtlMs: number;
}

/** Thrown by the loaders; `problems` lists every issue found, one sentence each. */
export class ConfigError extends Error {
  readonly code = 'CONFIG';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee README.md, "Configuration".`);
    this.name = 'ConfigError';
  }
}

/** Reads variables, collecting problems instead of throwing at the first. */
export class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  /** Trimmed value, or undefined when unset or empty. */
  str(name: string): string | undefined {
    const v = this.env[name]?.trim();
    return v ? v : undefined;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const v = this.str(name);
    if (v === undefined) return fallback;
    if ((allowed as readonly string[]).includes(v)) return v as T;
    this.problems.push(`${name}="${v}" is not one of: ${allowed.join(', ')}.`);
    return fallback;
  }

  int(name: string, fallback: number, min: number, max: number): number {
    const v = this.str(name);
    if (v === undefined) return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      this.problems.push(`${name}="${v}" must be a whole number from ${min} to ${max}.`);
      return fallback;
    }
    return Number(v);
  }

  url(name: string): string | undefined {
    const v = this.str(name);
    if (v === undefined) return undefined;
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
    } catch {
      // reported below
    }
    this.problems.push(`${name}="${v}" must be an http:// or https:// URL.`);
    return undefined;
  }

  /** Throw one ConfigError if anything was reported. */
  check(): void {
    if (this.problems.length > 0) throw new ConfigError(this.problems);
  }
}

/** Coufun settings: COUFUN_ENV, COUFUN_POC_ID, COUFUN_URL, COUFUN_TIMEOUT_MS, COUFUN_CACHE_TTL_MS. */
export function readCoufunConfig(r: EnvReader): CoufunConfig {
  const env = r.oneOf<CoufunEnv>('COUFUN_ENV', ['sandbox', 'test', 'production'], 'sandbox');
  const explicitPoc = r.str('COUFUN_POC_ID');
  if (explicitPoc !== undefined && validateField('POC_ID', explicitPoc) !== null) {
    r.problems.push('COUFUN_POC_ID must be 1–10 ASCII letters, digits, "-" or "_" (the ID the vendor issued).');
  }
  if (env !== 'sandbox' && explicitPoc === undefined) {
    r.problems.push(`COUFUN_POC_ID is required when COUFUN_ENV=${env} (the client company ID the vendor issued).`);
  }
  const override = r.url('COUFUN_URL');
  const url = override ?? (env === 'sandbox' ? null : COUFUN_URLS[env]);
  return Object.freeze({
    env,
    pocId: explicitPoc ?? SANDBOX_POC_ID,
    url,
    timeoutMs: r.int('COUFUN_TIMEOUT_MS', 5000, 100, 60_000),
    cacheTtlMs: r.int('COUFUN_CACHE_TTL_MS', 15_000, 0, 3_600_000),
  });
}

/** Load only the Coufun settings (CLI). Throws ConfigError listing every problem. */
export function loadCoufunConfig(env: Env): CoufunConfig {
  const r = new EnvReader(env);
  const config = readCoufunConfig(r);
  r.check();
  return config;
}

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
