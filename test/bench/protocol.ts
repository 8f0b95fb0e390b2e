/** Messages between the benchmark (parent) and a bot process (bot-child.ts), over Node IPC. */

/** `ours` in memory mode, `redis` the same app with REDIS_URL, `naive` the minimal Bolt bot. */
export type BotKind = 'ours' | 'naive' | 'redis';
/** A bot, or (with `--vendor-process`) a lone sandbox both bots share. */
export type ChildKind = BotKind | 'sandbox';

/** argv[2] of the child, as JSON. */
export interface ChildConfig {
  readonly kind: ChildKind;
  readonly slackApiUrl: string;
  readonly signingSecret: string;
  readonly botToken: string;
  /** The sandbox's fixed vendor delay. */
  readonly delayMs: number;
  /** An external vendor URL (a sandbox process); unset = a sandbox inside the bot's process. */
  readonly vendorUrl?: string;
  /** Kind `redis`: the shared Redis (each replica of one deployment gets the same). */
  readonly redisUrl?: string;
}

export type ParentMessage =
  | { readonly type: 'stats'; readonly id: number; readonly barcode?: string }
  | { readonly type: 'stop'; readonly id: number };

/** Cumulative counters since the child started; the parent takes differences. */
export interface ChildStats {
  /** process.resourceUsage().maxRSS, in bytes. */
  readonly maxRssBytes: number;
  readonly rssBytes: number;
  /** V8 heap committed / used, bytes (process.memoryUsage). */
  readonly heapTotalBytes: number;
  readonly heapUsedBytes: number;
  /** User + system CPU, µs. */
  readonly cpuMicros: number;
  /** Event-loop time busy / idle, ms (performance.eventLoopUtilization). */
  readonly loopActiveMs: number;
  readonly loopIdleMs: number;
  /** Requests this process's sandbox received (all, and for `barcode` when asked); null without one. */
  readonly vendorRequests: number | null;
  readonly vendorRequestsForBarcode: number | null;
  /** Log lines at warn or above, and the first few of their event names. */
  readonly warnings: number;
  readonly warningSamples: readonly string[];
}

export type ChildMessage =
  | { readonly type: 'ready'; readonly eventsUrl: string; readonly vendorUrl: string }
  | { readonly type: 'stats'; readonly id: number; readonly stats: ChildStats }
  | { readonly type: 'stopped'; readonly id: number };
