/**
 * Delivering replies without ever dropping one silently: a failed `respond()` (expired or
 * revoked response_url, Slack 5xx) is logged with its context instead of crashing a listener.
 */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import { errorFields, type Logger } from '../log/logger.js';
import type { BotDeps } from './deps.js';
import { renderNotice } from './render/index.js';

export async function safeRespond(
  respond: RespondFn,
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
