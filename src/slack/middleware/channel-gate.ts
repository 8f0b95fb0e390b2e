/**
 * The channel allowlist, as one global Bolt middleware in front of every entry point
 * (commands, shortcuts, button actions, view submissions, `app_mention` events). A gate is a
 * middleware that does not call `next()`: a refused request is acknowledged, answered privately
 * with the channel ID an operator must add, and never reaches a listener or the vendor. A
 * mention has no response_url, so its refusal is a `chat.postEphemeral` to the person.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs, RespondFn } from '@slack/bolt';
import { renderNoticeModal } from '../render/index.js';
import type { BotDeps } from '../deps.js';
import { decodeModalMetadata } from '../input/metadata.js';
import { isChannelAllowed } from '../../config/allowlist.js';
import { respondNotice } from '../delivery/reply.js';
import { ephemeralResponder } from '../delivery/ephemeral.js';

interface Origin {
  readonly kind: string;
  readonly channelId: string | undefined;
  readonly userId: string | undefined;
}

/** Where an incoming payload comes from. Events other than `app_mention`, and other kinds, yield `kind` only. */
export function originOf(body: Record<string, unknown>): Origin {
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  if (typeof body.command === 'string') {
    return { kind: 'command', channelId: str(body.channel_id), userId: str(body.user_id) };
  }
  const kind = str(body.type) ?? 'unknown';
  const userId = str(obj(body.user).id);
  switch (kind) {
    case 'block_actions':
      return { kind, userId, channelId: str(obj(body.channel).id) ?? str(obj(body.container).channel_id) };
    case 'message_action':
      return { kind, userId, channelId: str(obj(body.channel).id) };
    case 'view_submission':
      return { kind, userId, channelId: decodeModalMetadata(str(obj(body.view).private_metadata))?.channelId };
    case 'event_callback': {
      const event = obj(body.event);
      // Only mentions are answered, so only they are gated; other events stay ungated.
      if (event.type !== 'app_mention') return { kind, userId: undefined, channelId: undefined };
      return { kind: 'app_mention', userId: str(event.user), channelId: str(event.channel) };
    }
    default:
      return { kind, userId, channelId: undefined };
  }
}

const GATED = new Set(['command', 'block_actions', 'message_action', 'view_submission', 'shortcut', 'app_mention']);

export function channelGate(deps: BotDeps) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const origin = originOf(args.body as unknown as Record<string, unknown>);
    if (!GATED.has(origin.kind) || isChannelAllowed(deps.allowlist, origin.channelId)) {
      await args.next();
      return;
    }
    const channelId = origin.channelId ?? '?';
    deps.logger.event('info', 'channel_refused', { entry: origin.kind, channel: channelId, user: origin.userId });
    const ack = 'ack' in args ? (args.ack as (r?: unknown) => Promise<void>) : undefined;
    if (origin.kind === 'view_submission') {
      const locale = (origin.userId && deps.locales.peek(origin.userId)) || 'ko';
      // Unreadable metadata (a form from an older version of the bot) is an expired form, not a
      // channel an operator could permit.
      const notice =
        origin.channelId === undefined ? ({ kind: 'expired_action' } as const) : ({ kind: 'channel_refused', channelId } as const);
      await ack?.({ response_action: 'update', view: renderNoticeModal(notice, locale) });
      return;
    }
    await ack?.();
    if (origin.kind === 'app_mention') {
      // Nobody to tell without a person (Bolt acked the event already).
      if (origin.userId === undefined || origin.channelId === undefined) return;
      const send = ephemeralResponder(args.client, {
        channelId: origin.channelId,
        userId: origin.userId,
        threadTs: mentionThread(args.body),
      });
      const locale = await deps.locales.localeOf(origin.userId);
      await respondNotice(send, { kind: 'channel_refused', channelId }, locale, deps.logger, { entry: 'mention', channel: channelId });
      return;
    }
    const respond = 'respond' in args ? (args.respond as RespondFn | undefined) : undefined;
    if (!respond) return;
    const locale = origin.userId ? await deps.locales.localeOf(origin.userId) : 'ko';
    await respondNotice(
      respond,
      { kind: 'channel_refused', channelId },
      locale,
      deps.logger,
      { entry: origin.kind, channel: channelId },
      { replace_original: false },
    );
  };
}

/** A mention's thread (its `thread_ts`, else its own `ts`): where its private notice shows. */
function mentionThread(body: unknown): string | undefined {
  const event = (body as { event?: { thread_ts?: unknown; ts?: unknown } } | undefined)?.event;
  const ts = event?.thread_ts ?? event?.ts;
  return typeof ts === 'string' && ts !== '' ? ts : undefined;
}
