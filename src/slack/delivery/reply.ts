/**
 * Delivering replies without ever dropping one silently: a failed `respond()` (expired or
 * revoked response_url, Slack 5xx) is logged with its context instead of crashing a listener.
 */
import type { RespondArguments } from '@slack/bolt';
import type { Locale } from '../../display/index.js';
import { errorFields, type Logger } from '../../log/logger.js';
import type { BotDeps } from '../deps.js';
import { renderNotice, type Notice } from '../render/index.js';

/** Bolt's `respond`, or a response_url poster of our own (after a modal). */
type Responder = (message: RespondArguments) => Promise<unknown>;

export async function safeRespond(
  respond: Responder,
  message: RespondArguments,
  logger: Logger,
  context: Record<string, unknown>,
): Promise<boolean> {
  try {
    await respond(message);
    return true;
  } catch (e) {
    logger.event('warn', 'respond_failed', { ...context, ...errorFields(e) });
    return false;
  }
}

/** A notice, privately to the person who asked; `extra` adds e.g. `replace_original: false` for a button. */
export function respondNotice(
  respond: Responder,
  notice: Notice,
  locale: Locale,
  logger: Logger,
  context: Record<string, unknown>,
  extra: Partial<RespondArguments> = {},
): Promise<boolean> {
  return safeRespond(
    respond,
    { response_type: 'ephemeral', ...extra, ...renderNotice(notice, locale) } as RespondArguments,
    logger,
    context,
  );
}

/**
 * For `WorkTracker.run`'s `onFailure`: tell the person, privately and in their language, that
 * their request failed, with the reference the error was logged under.
 */
export function internalErrorNotice(
  deps: Pick<BotDeps, 'locales'>,
  userId: string,
  send: (message: Record<string, unknown>) => Promise<unknown>,
): (ref: string) => Promise<unknown> {
  return async (ref) => {
    const locale = await deps.locales.localeOf(userId);
    return send({ response_type: 'ephemeral', replace_original: false, ...renderNotice({ kind: 'internal_error', ref }, locale) });
  };
}
