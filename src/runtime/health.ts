/**
 * What `/healthz` answers: `ok`, or `degraded` when the vendor has failed too often in a row or
 * the shared state's backend is down, with the figures behind it and the package version.
 */
import { readFileSync } from 'node:fs';
import type { CoufunEnv } from '../coufun/types.js';
import { stdoutState } from '../log/stdout.js';
import type { LookupService } from '../lookup/types.js';
import type { StoreHealth } from '../stores/types.js';

/** The package version, from src/ under tsx, build/src/ when compiled, build/bench/src/ in the benchmark. */
export const VERSION: string = readVersion();

function readVersion(): string {
  for (const up of ['../../package.json', '../../../package.json', '../../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'coupon-bot' && pkg.version) return pkg.version;
    } catch {
      // not here; try one level up
    }
  }
  return 'unknown';
}

/** `/healthz`'s body: `ok` or `degraded`, and why. */
export type HealthReport = { readonly status: 'ok' | 'degraded' } & Record<string, unknown>;

export interface HealthSources {
  readonly lookup: Pick<LookupService, 'health'>;
  /** The shared state's backend and its health (`null`: memory, never down). */
  readonly shared: { readonly backend: string; readonly health: StoreHealth | null };
  /** Vendor failures in a row that make the bot `degraded`. */
  readonly degradedAfterFailures: number;
  readonly mode: 'http' | 'socket';
  readonly coufunEnv: CoufunEnv;
  /** Background work in flight. */
  inFlight(): number;
}

/** The report as of now. */
export function healthReport(s: HealthSources): HealthReport {
  const h = s.lookup.health();
  const shared = s.shared.health?.status();
  const degraded = h.consecutiveFailures >= s.degradedAfterFailures || shared === 'down';
  return {
    status: degraded ? 'degraded' : 'ok',
    // Keyed by the backend (`redis: "up"`), as operators' checks already read it.
    ...(shared !== undefined ? { [s.shared.backend]: shared } : {}),
    mode: s.mode,
    coufunEnv: s.coufunEnv,
    version: VERSION,
    vendor: { consecutiveFailures: h.consecutiveFailures, lookups: h.lookups, requests: h.vendorRequests },
    inFlight: s.inFlight(),
    logOutput: stdoutState(),
  };
}
