/**
 * The card's frame: a sandbox banner on top when simulated data answered, and the footer saying
 * which Coufun environment answered, when (KST), whether from the cache, and for whom.
 */
import type { ContextBlock } from '@slack/types';
import type { CoufunEnv } from '../../coufun/types.js';
import { describeMeta, envLabel, formatKst, t, type Locale } from '../../display/index.js';
import type { LookupMeta } from '../../lookup/types.js';
import { context, escapeMrkdwn, mention } from './blocks.js';
import { slackWords } from './strings.js';

const ENV_EMOJI: Readonly<Record<CoufunEnv, string>> = { sandbox: '🧪', test: '🔧', production: '📡' };

/** Who the footer names, by card mode. */
export interface Audience {
  readonly mode: 'private' | 'shared' | 'thread';
  readonly requesterId: string;
  readonly sharedBy?: string;
}

/** `🧪 *샌드박스 (모의 데이터)* — 실제 쿠폰 정보가 아닙니다`, or null when no answer is simulated. */
export function sandboxBanner(metas: readonly LookupMeta[], locale: Locale): ContextBlock | null {
  if (!metas.some((m) => m.env === 'sandbox')) return null;
  const label = escapeMrkdwn(envLabel('sandbox', locale));
  return context([`${ENV_EMOJI.sandbox} *${label}* — ${escapeMrkdwn(slackWords(locale).card.sandboxWarning)}`]);
}

/** One outcome as the footer sees it: its meta, and whether an answer from Coufun arrived. */
export interface FooterSource {
  readonly meta: LookupMeta;
  /** False for a timeout, a refused or broken connection: no response time is claimed then. */
  readonly answered: boolean;
}

/** The footer context: environment(s), answer time, response time or cache note (only for answers that arrived), and who asked/shared. */
export function footerBlock(sources: readonly FooterSource[], audience: Audience, locale: Locale): ContextBlock {
  const metas = sources.map((s) => s.meta);
  const envs = [...new Set(metas.map((m) => m.env))];
  const elements = envs.map((env) => `${ENV_EMOJI[env]} *${escapeMrkdwn(envLabel(env, locale))}*`);
  const when = answeredText(metas, locale);
  if (when) elements.push(escapeMrkdwn(when));
  const source = sourceText(sources, locale);
  if (source) elements.push(escapeMrkdwn(source));
  elements.push(whoText(audience, locale));
  return context(elements);
}

/** `2024-05-01 12:30 KST 기준`; a range when cached answers are older than fresh ones. */
function answeredText(metas: readonly LookupMeta[], locale: Locale): string | null {
  if (metas.length === 0) return null;
  const times = metas.map((m) => m.answeredAt);
  const oldest = formatKst(Math.min(...times));
  const newest = formatKst(Math.max(...times));
  if (oldest === newest) return t(locale).meta.answeredAt(oldest);
  // Same day: `2024-05-01 12:29–12:30`.
  const range = oldest.slice(0, 10) === newest.slice(0, 10) ? `${oldest}–${newest.slice(11)}` : `${oldest}–${newest}`;
  return t(locale).meta.answeredAt(range);
}

/**
 * One answer: the display module's source phrase; several: the cache count, else the slowest
 * latency. Only answers that arrived count: a timeout has no response time to tell.
 */
function sourceText(sources: readonly FooterSource[], locale: Locale): string | null {
  const first = sources[0];
  if (!first) return null;
  if (sources.length === 1) return describeMeta(first.meta, locale, first.answered).source;
  const metas = sources.filter((s) => s.answered).map((s) => s.meta);
  if (metas.length === 0) return null;
  const cached = metas.filter((m) => m.cacheHit).length;
  if (cached === metas.length) return t(locale).meta.cacheHit;
  if (cached > 0) return slackWords(locale).card.cachedCount(cached, metas.length);
  const slowest = metas.reduce((a, b) => (b.latencyMs > a.latencyMs ? b : a));
  return describeMeta(slowest, locale).source;
}

function whoText(audience: Audience, locale: Locale): string {
  const words = slackWords(locale).card;
  switch (audience.mode) {
    case 'private':
      return words.requestedBy(mention(audience.requesterId));
    case 'shared':
      return words.sharedBy(mention(audience.sharedBy ?? audience.requesterId));
    case 'thread':
      return words.checkedBy(mention(audience.requesterId));
  }
}
