/**
 * A private notice by an entry point's reply route (src/slack/entry-points/registry.ts), for
 * answers that must reach the person whatever the payload is (the channel gate's refusals). The
 * declared route is tried first; where the payload lacks what it needs (a Home tab button has no
 * response_url), the notice goes by what it does offer, in this order: response_url, a modal on
 * the payload's `trigger_id`, `chat.postEphemeral`. A payload that offers none is logged, never
 * dropped silently.
 */
import type { webApi } from '@slack/bolt';
import type { Locale } from '../../display/index.js';
import { errorFields, type Logger } from '../../log/logger.js';
import { withDeadline } from '../../time/deadline.js';
import type { ReplyRoute } from '../entry-points/registry.js';
import type { LocaleResolver } from '../locale/resolver.js';
import { renderNoticeModal, type Notice } from '../render/index.js';
import { ephemeralResponder } from './ephemeral.js';
import { respondNotice, type ReplyMessage, type Responder } from './reply.js';

/** How long a modal may wait for the person's locale: the `trigger_id` lives 3 s. */
const MODAL_LOCALE_WAIT_MS = 400;

/** What one payload offers for answering it. */
export interface NoticeHandles {
  /** The payload's acknowledgement, still to be sent (absent for events, which Bolt acked). */
  readonly ack?: ((response?: unknown) => Promise<void>) | undefined;
  /** The response_url's `respond`. */
  readonly respond?: Responder | undefined;
  readonly client: Pick<webApi.WebClient, 'chat' | 'views'>;
  readonly triggerId?: string | undefined;
  readonly channelId?: string | undefined;
  readonly userId?: string | undefined;
  /** Where an ephemeral notice shows (a mention's thread). */
  readonly threadTs?: string | undefined;
}

export interface NoticeDeps {
  readonly locales: LocaleResolver;
  readonly logger: Logger;
}

/** The routes to try for `route`, the declared one first. */
function routesFor(route: ReplyRoute): readonly ReplyRoute[] {
  const fallbacks: readonly ReplyRoute[] = ['response_url', 'modal', 'ephemeral'];
  return [route, ...fallbacks.filter((r) => r !== route)];
}

/** Sends a notice in the person's locale; true when it went out. */
type Send = (notice: Notice, locale: Locale) => Promise<boolean>;

/** How `route` sends on this payload, or undefined when the payload lacks what it needs. */
function senderFor(
  route: Exclude<ReplyRoute, 'view'>,
  h: NoticeHandles,
  deps: NoticeDeps,
  context: Record<string, unknown>,
  extra: Omit<ReplyMessage, 'text' | 'blocks'>,
): Send | undefined {
  const { respond, triggerId, channelId, userId } = h;
  switch (route) {
    case 'response_url':
      return respond && ((notice, locale) => respondNotice(respond, notice, locale, deps.logger, context, extra));
    case 'ephemeral': {
      if (channelId === undefined || userId === undefined) return undefined;
      const send = ephemeralResponder(h.client, { channelId, userId, threadTs: h.threadTs });
      return (notice, locale) => respondNotice(send, notice, locale, deps.logger, context);
    }
    case 'modal':
      if (triggerId === undefined) return undefined;
      return async (notice, locale) => {
        try {
          await h.client.views.open({ trigger_id: triggerId, view: renderNoticeModal(notice, locale) });
          return true;
        } catch (e) {
          deps.logger.event('warn', 'notice_modal_failed', { ...context, notice: notice.kind, ...errorFields(e) });
          return false;
        }
      };
  }
}

/**
 * Acknowledge the payload and tell the person `notice`, by `route` or the first fallback the
 * payload allows. `extra` applies to response_url messages (e.g. `replace_original: false`
 * under a button). True when the notice went out.
 */
export async function sendNotice(
  deps: NoticeDeps,
  route: ReplyRoute,
  handles: NoticeHandles,
  notice: Notice,
  context: Record<string, unknown>,
  extra: Omit<ReplyMessage, 'text' | 'blocks'> = {},
): Promise<boolean> {
  const peeked = handles.userId === undefined ? undefined : deps.locales.peek(handles.userId);
  if (route === 'view' && handles.ack) {
    // The form turns into the notice; no time for a users.info before the ack.
    await handles.ack({ response_action: 'update', view: renderNoticeModal(notice, peeked ?? 'ko') });
    return true;
  }
  await handles.ack?.();
  for (const r of routesFor(route)) {
    if (r === 'view') continue;
    const send = senderFor(r, handles, deps, context, extra);
    if (send === undefined) continue;
    return send(notice, await localeFor(deps, handles.userId, peeked, r === 'modal' ? MODAL_LOCALE_WAIT_MS : undefined));
  }
  deps.logger.event('warn', 'notice_undeliverable', { ...context, notice: notice.kind });
  return false;
}

async function localeFor(
  deps: NoticeDeps,
  userId: string | undefined,
  peeked: Locale | undefined,
  waitMs: number | undefined,
): Promise<Locale> {
  if (peeked !== undefined) return peeked;
  if (userId === undefined) return 'ko';
  return withDeadline(deps.locales.localeOf(userId), waitMs).catch(() => 'ko' as const);
}
