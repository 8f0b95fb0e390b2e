/**
 * Delivering replies without ever dropping one silently: a failed reply (expired or revoked
 * response_url, Slack 5xx, a refused `chat.postEphemeral`) is logged with its context instead of
 * crashing a listener. `Responder` is the one shape of every private or in-place reply.
 */
import type { KnownBlock } from '@slack/types';
import type { Locale } from '../../display/index.js';
import { errorFields, type Logger } from '../../log/logger.js';
import type { LocaleResolver } from '../locale/resolver.js';
import { renderNotice, type Notice, type SlackMessage } from '../render/index.js';

/** A message as a reply: the rendered text and blocks, and where `respond()` puts it. */
export interface ReplyMessage {
  readonly text: string;
  readonly blocks?: KnownBlock[];
  /** `ephemeral` (only the person sees it) or `in_channel` (response_url replies only). */
  readonly response_type?: 'in_channel' | 'ephemeral';
  /** Replace the message the button was on, or add a new one (`false`). */
  readonly replace_original?: boolean;
}

/**
 * Sends one reply to the person who asked, and rejects when Slack refuses it. Bolt's `respond`
 * is one, as are `responseUrlResponder` (after a form) and `ephemeralResponder` (a mention).
 */
export type Responder = (message: ReplyMessage) => Promise<unknown>;

/** Send `message`; a failure is logged with `context` and reported as `false`, never thrown. */
export async function safeRespond(
  respond: Responder,
  message: ReplyMessage,
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
  extra: Omit<ReplyMessage, 'text' | 'blocks'> = {},
): Promise<boolean> {
  return safeRespond(respond, { response_type: 'ephemeral', ...extra, ...renderNotice(notice, locale) }, logger, context);
}

/**
 * Each message privately, in order, as new messages (never replacing the one a button was on);
 * stops at the first that fails (logged). With no way to reply at all, that is logged as an error.
 */
export async function sendPrivately(
  respond: Responder | undefined,
  messages: readonly SlackMessage[],
  logger: Logger,
  context: Record<string, unknown>,
): Promise<void> {
  if (!respond) {
    logger.event('error', 'private_reply_impossible', context);
    return;
  }
  for (const message of messages) {
    const sent = await safeRespond(respond, { response_type: 'ephemeral', replace_original: false, ...message }, logger, context);
    if (!sent) return;
  }
}

/**
 * For `WorkTracker.run`'s `onFailure`: tell the person, privately and in their language, that
 * their request failed, with the reference the error was logged under.
 */
export function internalErrorNotice(
  deps: { readonly locales: LocaleResolver },
  userId: string,
  send: Responder,
): (ref: string) => Promise<unknown> {
  return async (ref) => {
    const locale = await deps.locales.localeOf(userId);
    return send({ response_type: 'ephemeral', replace_original: false, ...renderNotice({ kind: 'internal_error', ref }, locale) });
  };
}
