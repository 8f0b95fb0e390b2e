/**
 * Delivering replies without ever dropping one silently: a failed `respond()` (expired or
 * revoked response_url, Slack 5xx) is logged with its context instead of crashing a listener.
 */
import type { RespondArguments, RespondFn } from '@slack/bolt';
import { errorFields, type Logger } from '../log/logger.js';

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
