/**
 * The default HTTP dispatcher for the Coufun client: a keep-alive connection pool, routed
 * through an outbound proxy when the environment names one (the vendor only answers registered
 * source IPs, so deployments often egress through a fixed-IP proxy).
 *
 * Extra CA certificates (e.g. a TLS-inspecting corporate proxy) need no code: Node reads
 * `NODE_EXTRA_CA_CERTS` at start-up and undici's TLS connections trust them natively.
 */
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

/** Environment variables as a plain record (injected; defaults to `process.env`). */
export type ProxyEnv = Readonly<Record<string, string | undefined>>;

/** The proxy settings found in `env`; lowercase names win, as curl and undici do. */
export interface ProxySettings {
  readonly httpProxy: string;
  readonly httpsProxy: string;
  readonly noProxy: string;
}

/** Proxy settings from `env`, or `null` when neither HTTP(S)_PROXY nor its lowercase form is set. */
export function proxySettings(env: ProxyEnv): ProxySettings | null {
  const pick = (name: string): string => (env[name.toLowerCase()] ?? env[name] ?? '').trim();
  const httpProxy = pick('HTTP_PROXY');
  const httpsProxy = pick('HTTPS_PROXY');
  if (!httpProxy && !httpsProxy) return null;
  return { httpProxy, httpsProxy, noProxy: pick('NO_PROXY') };
}

/**
 * A keep-alive pool (64 connections per origin, idle sockets kept ~10 s, no pipelining), or an
 * `EnvHttpProxyAgent` over the same pool settings when `env` names a proxy. Settings are passed
 * explicitly so undici never falls back to reading `process.env` behind the caller's back.
 */
export function createDefaultDispatcher(env: ProxyEnv, connectTimeoutMs: number): Dispatcher {
  const pool = {
    connections: 64,
    pipelining: 1,
    keepAliveTimeout: 10_000,
    keepAliveMaxTimeout: 10_000,
    connect: { timeout: connectTimeoutMs },
  };
  const proxy = proxySettings(env);
  return proxy ? new EnvHttpProxyAgent({ ...pool, ...proxy }) : new Agent(pool);
}
