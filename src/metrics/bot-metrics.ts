/**
 * The bot's Prometheus metrics: one `Registry` per bot (two bots in one process never share a
 * series), the recorders the Slack layer and the lookup service call, and the scrape. Every
 * label value passes through `labels.ts`, so none can carry a barcode, phone number or user ID.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LookupObserver, LookupOutcome } from '../lookup/types.js';
import { ENTRY_LABELS, entryLabel, OUTCOME_LABELS, outcomeClass, slackErrorLabel, slackMethodLabel, vendorResultLabel } from './labels.js';

/** What `GET /metrics` serves. */
export interface Scrape {
  readonly contentType: string;
  readonly body: string;
}

export interface BotMetricsOptions {
  /**
   * The shared-state backend (`redis`, …) and whether it answers (1), does not (0), or is not
   * known yet (undefined, shown as 0), for `coupon_bot_shared_store_up{backend}`; without it (memory
   * mode) no such series. For `redis` the deprecated `coupon_bot_redis_up` is served as well.
   */
  readonly sharedStore?: { readonly backend: string; readonly up: () => 0 | 1 | undefined };
  /** Background work in flight (the work tracker's size); without it no `coupon_bot_work_in_flight` series. */
  readonly workInFlight?: () => number;
  /** Node's process metrics (`process_*`, `nodejs_*`); default true. */
  readonly processDefaults?: boolean;
}

/** The recorders; each is cheap, synchronous and never throws into its caller's path. */
export interface BotMetrics {
  readonly registry: Registry;
  /** Feeds vendor request durations and results, cache hits/misses and shared lookups. */
  readonly lookupObserver: LookupObserver;
  /** `count` lookups start; call the returned function (once; later calls do nothing) when they have settled. */
  lookupsStarted(count: number): () => void;
  /** One lookup finished, from `entry` (`command`, `shortcut`, …). */
  lookupFinished(entry: string, outcome: LookupOutcome): void;
  /** The rate-limit step refused a request from `entry`. */
  rateLimited(entry: unknown): void;
  /** A Slack Web API call failed: `ok:false` with `error`, an HTTP status, or no answer. Values are bounded here. */
  slackApiError(method: string | undefined, error: string): void;
  /** The Prometheus text exposition of every metric. */
  scrape(): Promise<Scrape>;
}

/** Buckets (seconds) from a fast loopback sandbox to COUFUN_TIMEOUT_MS's 60 s ceiling. */
const VENDOR_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

/** Build a fresh registry with every metric of the bot registered in it. */
export function createBotMetrics(options: BotMetricsOptions = {}): BotMetrics {
  const registry = new Registry();
  const registers = [registry];

  const lookups = new Counter({
    name: 'coupon_bot_lookups_total',
    help: 'Coupon lookups by Slack entry point and outcome class (found, vendor_error, timeout, ...).',
    labelNames: ['entry', 'outcome'] as const,
    registers,
  });
  const vendorDuration = new Histogram({
    name: 'coupon_bot_vendor_request_duration_seconds',
    help: 'Time from sending a request to Coufun until it settled, by result (ok, vendor_NN, timeout, ...).',
    labelNames: ['result'] as const,
    buckets: VENDOR_BUCKETS,
    registers,
  });
  const vendorRequests = new Counter({
    name: 'coupon_bot_vendor_requests_total',
    help: 'Requests sent to Coufun, by result (ok, vendor_NN, timeout, network, ...).',
    labelNames: ['result'] as const,
    registers,
  });
  const cacheHits = new Counter({ name: 'coupon_bot_cache_hits_total', help: 'Lookups answered from the answer cache.', registers });
  const cacheMisses = new Counter({
    name: 'coupon_bot_cache_misses_total',
    help: 'Lookups the answer cache could not answer (a vendor request followed).',
    registers,
  });
  const shared = new Counter({
    name: 'coupon_bot_shared_in_flight_total',
    help: 'Lookups that joined an identical request already in flight instead of sending their own.',
    registers,
  });
  const refusals = new Counter({
    name: 'coupon_bot_rate_limit_refusals_total',
    help: 'Requests refused by the per-user rate limit, by entry point.',
    labelNames: ['entry'] as const,
    registers,
  });
  const slackErrors = new Counter({
    name: 'coupon_bot_slack_api_errors_total',
    help: 'Slack Web API calls that failed, by method and error (ok:false code, http_NNN, network, timeout).',
    labelNames: ['method', 'error'] as const,
    registers,
  });
  let inFlight = 0;
  new Gauge({
    name: 'coupon_bot_lookups_in_flight',
    help: 'Coupon lookups started and not yet settled.',
    registers,
    collect() {
      this.set(inFlight);
    },
  });
  // Every known entry and outcome starts at 0, so `rate()` and `increase()` see the first event too.
  for (const entry of ENTRY_LABELS) {
    refusals.inc({ entry }, 0);
    for (const outcome of OUTCOME_LABELS) lookups.inc({ entry, outcome }, 0);
  }
  const { workInFlight, sharedStore } = options;
  if (workInFlight) {
    new Gauge({
      name: 'coupon_bot_work_in_flight',
      help: 'Work still running after Slack was acknowledged (lookups, replies); what a shutdown waits for.',
      registers,
      collect() {
        this.set(workInFlight());
      },
    });
  }
  if (sharedStore) {
    new Gauge({
      name: 'coupon_bot_shared_store_up',
      help: 'Whether the shared-state backend (label backend: redis, ...) answers (1) or not (0; also while not yet known).',
      labelNames: ['backend'] as const,
      registers,
      collect() {
        this.set({ backend: sharedStore.backend }, sharedStore.up() ?? 0);
      },
    });
    if (sharedStore.backend === 'redis') {
      new Gauge({
        name: 'coupon_bot_redis_up',
        help: 'Deprecated, removed in the next release: use coupon_bot_shared_store_up{backend="redis"}. Whether Redis answers (1) or not (0).',
        registers,
        collect() {
          this.set(sharedStore.up() ?? 0);
        },
      });
    }
  }
  if (options.processDefaults !== false) collectDefaultMetrics({ register: registry });

  const lookupObserver: LookupObserver = {
    vendorRequest(durationMs, result) {
      const label = vendorResultLabel(result);
      vendorDuration.observe({ result: label }, Math.max(0, durationMs) / 1000);
      vendorRequests.inc({ result: label });
    },
    cache(result) {
      (result === 'hit' ? cacheHits : cacheMisses).inc();
    },
    sharedInFlight() {
      shared.inc();
    },
  };

  return {
    registry,
    lookupObserver,
    lookupsStarted(count) {
      const n = Math.max(0, Math.trunc(count));
      inFlight += n;
      let open = true;
      return () => {
        if (!open) return;
        open = false;
        inFlight -= n;
      };
    },
    lookupFinished(entry, outcome) {
      lookups.inc({ entry: entryLabel(entry), outcome: outcomeClass(outcome) });
    },
    rateLimited(entry) {
      refusals.inc({ entry: entryLabel(entry) });
    },
    slackApiError(method, error) {
      slackErrors.inc({ method: slackMethodLabel(method), error: slackErrorLabel(error) });
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
