/** `LookupMeta` → the footer every card carries: which environment answered, when, how fast. */
import type { LookupMeta } from '../lookup/types.js';
import { formatDuration, formatKst } from './format.js';
import { envLabel, t } from './labels.js';
import type { Locale } from './i18n.js';

/** A lookup's provenance, ready to render. */
export interface MetaView {
  /** `샌드박스 (모의 데이터)` / `테스트 서버` / `운영`. */
  readonly envLabel: string;
  /** True for simulated data: renderers must make it unmistakable (banner, colour). */
  readonly sandbox: boolean;
  /** `YYYY-MM-DD HH:mm` KST of the answer (a cache hit keeps the original time). */
  readonly answeredAt: string;
  /** `쿠펀 응답 42ms` or `캐시된 응답`; null when no answer arrived (timeout, refused, reset): no time to tell. */
  readonly source: string | null;
  /** All of the above on one line, joined by ` · `. */
  readonly line: string;
}

/**
 * Describe where and when a lookup was answered. `answered` is false when no answer arrived
 * (`ErrorView.answered`): then no response time is claimed.
 */
export function describeMeta(meta: LookupMeta, locale: Locale, answered = true): MetaView {
  const words = t(locale).meta;
  const env = envLabel(meta.env, locale);
  const answeredAt = formatKst(meta.answeredAt);
  const source = meta.cacheHit ? words.cacheHit : answered ? words.latency(formatDuration(meta.latencyMs, locale)) : null;
  return {
    envLabel: env,
    sandbox: meta.env === 'sandbox',
    answeredAt,
    source,
    line: [env, words.answeredAt(answeredAt), ...(source ? [source] : [])].join(' · '),
  };
}
