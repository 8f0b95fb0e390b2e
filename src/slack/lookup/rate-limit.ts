/**
 * The one rate-limit step every entry point takes before the vendor: take (or only check) the
 * user's budget; when it is spent, log it and tell the person privately when they may try again.
 */
import type { Locale } from '../../display/index.js';
import type { BotDeps } from '../deps/bot-deps.js';
import { respondNotice, type ReplyMessage, type Responder } from '../delivery/reply.js';
import type { RateDecision } from '../../stores/types.js';

export interface RateStep {
  readonly userId: string;
  /** Barcodes about to be looked up. */
  readonly cost: number;
  /** Only check (a form that will be charged on submit); default: take. */
  readonly checkOnly?: boolean;
  readonly context: Record<string, unknown>;
  /** The locale, when the caller already started fetching it. */
  readonly locale?: Promise<Locale>;
  /** Extra fields for the notice (e.g. `replace_original: false` under a button). */
  readonly extra?: Omit<ReplyMessage, 'text' | 'blocks'>;
}

/** The decision alone, with the refusal logged (for a caller that answers in its own way, e.g. a form). */
export async function decideRate(
  deps: Pick<BotDeps, 'limiter' | 'logger' | 'metrics'>,
  step: Pick<RateStep, 'userId' | 'cost' | 'checkOnly' | 'context'>,
): Promise<RateDecision> {
  const rate = step.checkOnly ? await deps.limiter.check(step.userId, step.cost) : await deps.limiter.take(step.userId, step.cost);
  if (!rate.ok) {
    deps.logger.event('info', 'rate_limited', step.context);
    deps.metrics?.rateLimited(step.context.entry);
  }
  return rate;
}

/** True when the request may go on; otherwise the person has been told (privately). */
export async function admit(deps: BotDeps, respond: Responder, step: RateStep): Promise<boolean> {
  const rate = await decideRate(deps, step);
  if (rate.ok) return true;
  const locale = await (step.locale ?? deps.locales.localeOf(step.userId));
  await respondNotice(
    respond,
    { kind: 'rate_limited', retryAtMs: rate.retryAtMs, nowMs: deps.clock() },
    locale,
    deps.logger,
    step.context,
    step.extra ?? {},
  );
  return false;
}
