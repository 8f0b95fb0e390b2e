/**
 * Access policy, pure: which channels may use the bot, and how many lookups a user may make.
 * The Slack middleware (`gate.ts`) applies it; nothing here knows Bolt.
 */
import type { Clock } from '../clock.js';

/** `*` permits every channel; an empty set permits none. */
export type ChannelAllowlist = { readonly all: true } | { readonly all: false; readonly ids: ReadonlySet<string> };

const CHANNEL_ID = /^[CGD][A-Z0-9]{2,}$/;

/** A Slack channel ID (public `C…`, private `G…`, DM `D…`). */
export function isChannelId(id: string): boolean {
  return CHANNEL_ID.test(id);
}

/** Parse ALLOWED_CHANNEL_IDS. Problems are returned, not thrown, for the config loader. */
export function parseAllowlist(raw: string | undefined): { allowlist: ChannelAllowlist; problems: string[] } {
  if (raw === undefined) return { allowlist: { all: false, ids: new Set() }, problems: [] };
  const parts = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (parts.length === 1 && parts[0] === '*') return { allowlist: { all: true }, problems: [] };
  const problems = parts
    .filter((id) => !CHANNEL_ID.test(id))
    .map((id) => `ALLOWED_CHANNEL_IDS has "${id}", which is not a channel ID (C…, G… or D…, upper case) or "*" alone.`);
  return { allowlist: { all: false, ids: new Set(parts.filter((id) => CHANNEL_ID.test(id))) }, problems };
}

export function isChannelAllowed(allowlist: ChannelAllowlist, channelId: string | undefined): boolean {
  if (allowlist.all) return true;
  return channelId !== undefined && allowlist.ids.has(channelId);
}

/** Result of asking for `cost` lookups: allowed, or the time (epoch ms) when enough budget frees up. */
export type RateDecision = { readonly ok: true } | { readonly ok: false; readonly retryAtMs: number };

/**
 * Sliding one-minute window per user. Memory is bounded: a user's timestamps are dropped once
 * they fall out of the window, and idle users are forgotten on the next sweep.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;
  static readonly WINDOW_MS = 60_000;

  constructor(
    private readonly perMinute: number,
    private readonly clock: Clock,
  ) {}

  /** Take `cost` units for `userId` if all fit in the window; otherwise take nothing. */
  take(userId: string, cost = 1): RateDecision {
    const decision = this.check(userId, cost);
    if (decision.ok) {
      const list = this.hits.get(userId) ?? [];
      const now = this.clock();
      for (let i = 0; i < cost; i += 1) list.push(now);
      this.hits.set(userId, list);
    }
    return decision;
  }

  /** Would `cost` more units fit now? Records nothing. */
  check(userId: string, cost = 1): RateDecision {
    const now = this.clock();
    this.sweep(now);
    const since = now - RateLimiter.WINDOW_MS;
    const list = (this.hits.get(userId) ?? []).filter((t) => t > since);
    this.hits.set(userId, list);
    if (cost > this.perMinute) return { ok: false, retryAtMs: now + RateLimiter.WINDOW_MS };
    if (list.length + cost <= this.perMinute) return { ok: true };
    // The oldest hits must leave the window before `cost` more fit.
    const pivot = list[list.length + cost - this.perMinute - 1] ?? now;
    return { ok: false, retryAtMs: pivot + RateLimiter.WINDOW_MS };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < RateLimiter.WINDOW_MS) return;
    this.lastSweep = now;
    for (const [user, list] of this.hits) {
      if ((list[list.length - 1] ?? 0) <= now - RateLimiter.WINDOW_MS) this.hits.delete(user);
    }
  }
}
