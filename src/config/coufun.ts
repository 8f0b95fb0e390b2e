/** The Coufun settings: COUFUN_ENV, COUFUN_POC_ID, COUFUN_URL, COUFUN_TIMEOUT_MS, COUFUN_CACHE_TTL_MS. */
import { COUFUN_URLS, SANDBOX_POC_ID } from '../coufun/environments.js';
import type { CoufunEnv } from '../coufun/types.js';
// The codec's own rule, so the configuration accepts exactly what a request may carry.
import { validateField } from '../coufun/validate.js';
import { type Env, EnvReader } from './env.js';

export interface CoufunConfig {
  readonly env: CoufunEnv;
  readonly pocId: string;
  /** Endpoint URL; `null` in the sandbox environment until the simulator is started. */
  readonly url: string | null;
  readonly timeoutMs: number;
  readonly cacheTtlMs: number;
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
