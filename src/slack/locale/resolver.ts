/**
 * Which language to answer a user in: English for an English Slack locale, Korean otherwise.
 * Read once per user with `users.info` + `include_locale` and cached; any failure (missing
 * `users:read` scope, Slack down) degrades to Korean and is cached briefly so a missing scope
 * does not cost a Web API call per lookup.
 */
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../time/clock.js';
import type { Locale } from '../../display/index.js';

export type UserInfoFn = (userId: string) => Promise<{ locale?: string | undefined }>;

export interface LocaleResolver {
  /** Never rejects. */
  localeOf(userId: string): Promise<Locale>;
  /** The cached locale, without I/O (for replies that must be sent before any network call). */
  peek(userId: string): Locale | undefined;
}

export function localeFromSlack(slackLocale: string | undefined): Locale {
  return slackLocale?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}

export function createLocaleResolver(
  userInfo: UserInfoFn,
  options: { clock: Clock; ttlMs?: number; failureTtlMs?: number; maxEntries?: number; onError?: (e: unknown) => void },
): LocaleResolver {
  const ttl = options.ttlMs ?? 6 * 60 * 60_000;
  const failureTtl = options.failureTtlMs ?? 10 * 60_000;
  const max = options.maxEntries ?? 5000;
  // Bounded like the memory store (src/stores/memory/key-value.ts): the entry's own deadline
  // decides, lru-cache's TTL (one tick longer) only lets it drop dead entries before the least
  // recently used ones; time is the injected clock. A refreshed user replaces their own entry.
  const cache = new LRUCache<string, { locale: Locale; until: number }>({
    max,
    ttlAutopurge: false,
    perf: { now: options.clock },
    ttlResolution: 0,
  });
  const pending = new Map<string, Promise<Locale>>();

  const remember = (userId: string, locale: Locale, forMs: number): Locale => {
    cache.set(userId, { locale, until: options.clock() + forMs }, { ttl: forMs + 1 });
    return locale;
  };
  const fresh = (userId: string): Locale | undefined => {
    const hit = cache.get(userId);
    return hit && hit.until > options.clock() ? hit.locale : undefined;
  };

  return {
    peek: fresh,
    localeOf(userId) {
      const hit = fresh(userId);
      if (hit !== undefined) return Promise.resolve(hit);
      const inFlight = pending.get(userId);
      if (inFlight) return inFlight;
      // Through a promise, so even a userInfo that throws synchronously cannot make this reject.
      const p = Promise.resolve(userId)
        .then(userInfo)
        .then((u) => remember(userId, localeFromSlack(u.locale), ttl))
        .catch((e: unknown) => {
          try {
            options.onError?.(e);
          } catch {
            // A failing error reporter must not turn a locale guess into a rejected reply.
          }
          return remember(userId, 'ko', failureTtl);
        })
        .finally(() => pending.delete(userId));
      pending.set(userId, p);
      return p;
    },
  };
}
