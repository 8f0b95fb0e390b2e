/**
 * Opens a ready lookup service from configuration: starts the built-in sandbox when the
 * sandbox environment has no explicit URL, builds the client and the service, and closes them
 * in order.
 */
import type { Dispatcher } from 'undici';
import type { Clock } from '../time/clock.js';
import type { CoufunConfig } from '../config/coufun.js';
import { createCoufunClient } from '../coufun/client.js';
import type { SandboxHandle, SandboxOptions } from '../coufun/sandbox/server.js';
import type { KeyHasher } from '../stores/keys.js';
import type { KeyValueStore } from '../stores/types.js';
import { createLookupService, type AcrossReplicas } from './service.js';
import type { LookupObserver, LookupService } from './types.js';

export interface OpenedLookup {
  readonly service: LookupService;
  readonly config: CoufunConfig;
  /** The endpoint actually used (the started sandbox's URL, or `config.url`). */
  readonly url: string;
  /** The sandbox started for this service, if any. */
  readonly sandbox: SandboxHandle | null;
  /** Closes the service (and its client), then the sandbox; `force` aborts lookups still in flight. */
  close(options?: { readonly force?: boolean }): Promise<void>;
}

export interface OpenLookupDeps {
  readonly clock?: Clock;
  /** Options for a started sandbox (host and port default to 127.0.0.1:0). */
  readonly sandbox?: SandboxOptions;
  /** HTTP dispatcher for the client; default: the client's own keep-alive pool. */
  readonly dispatcher?: Dispatcher;
  /** Proxy environment for the client's default dispatcher; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Where answers (and cross-replica claims) live; default a store of this process. */
  readonly store?: KeyValueStore;
  /** Store keys for (goods, barcode); must be the same on every replica sharing `store`. */
  readonly hashKey?: KeyHasher;
  /** Share identical in-flight lookups with other replicas on `store` (Redis mode). */
  readonly acrossReplicas?: Omit<AcrossReplicas, 'claimTtlMs'>;
  /** Told about vendor requests and cache use (metrics). */
  readonly observer?: LookupObserver;
}

/** Open the lookup service `config` describes. Rejects only when the sandbox cannot start. */
export async function openLookup(config: CoufunConfig, deps: OpenLookupDeps = {}): Promise<OpenedLookup> {
  let sandbox: SandboxHandle | null = null;
  let url = config.url;
  if (url === null) {
    if (config.env !== 'sandbox') throw new Error(`No Coufun URL configured for COUFUN_ENV=${config.env}`);
    // Loaded on demand: production never imports the simulator.
    const { startSandbox } = await import('../coufun/sandbox/server.js');
    sandbox = await startSandbox({ host: '127.0.0.1', port: 0, pocId: config.pocId, clock: deps.clock, ...deps.sandbox });
    url = sandbox.url;
  }
  const client = createCoufunClient({
    url,
    timeoutMs: config.timeoutMs,
    dispatcher: deps.dispatcher,
    clock: deps.clock,
    // The started sandbox is on loopback: never route it through an outbound proxy.
    env: sandbox ? {} : deps.env,
  });
  const service = createLookupService({
    client,
    env: config.env,
    pocId: config.pocId,
    cacheTtlMs: config.cacheTtlMs,
    clock: deps.clock,
    ...(deps.store ? { store: deps.store } : {}),
    ...(deps.hashKey ? { hashKey: deps.hashKey } : {}),
    ...(deps.observer ? { observer: deps.observer } : {}),
    // A claim outlives the vendor's whole deadline (retries included) by a margin.
    ...(deps.acrossReplicas ? { acrossReplicas: { ...deps.acrossReplicas, claimTtlMs: config.timeoutMs + 1000 } } : {}),
  });
  const started = sandbox;
  return {
    service,
    config,
    url,
    sandbox: started,
    async close(options) {
      try {
        await service.close(options);
      } finally {
        await started?.close();
      }
    },
  };
}
