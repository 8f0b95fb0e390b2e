/**
 * The channel allowlist, as one global Bolt middleware in front of every entry point. What each
 * entry point asks (its gate rule) and how it answers privately (its reply route) come from the
 * registry (src/slack/entry-points/registry.ts). A gate is a middleware that does not call
 * `next()`: a refused request is acknowledged, answered privately (with the channel ID an operator
 * must add, or, with no channel at all, where to ask instead) and never reaches a listener or
 * the vendor. Payloads no row describes are gated like the rest when they are of a kind that
 * can carry a request.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { isChannelAllowed } from '../../config/allowlist.js';
import type { BotDeps } from '../deps/bot-deps.js';
import { sendNotice } from '../delivery/notice-route.js';
import type { Responder } from '../delivery/reply.js';
import { entryFor, type ArrivalKey, type GateRule, type ReplyRoute } from '../entry-points/registry.js';
import { decodeModalMetadata } from '../input/metadata.js';
import type { Notice } from '../render/index.js';

/** Where an incoming payload comes from, as far as the gate needs to know. */
export interface Origin {
  /** How it arrived (for the registry); undefined for payloads that carry no request (other events, view closes, …). */
  readonly arrival: ArrivalKey | { readonly kind: 'global_shortcut' } | undefined;
  readonly channelId: string | undefined;
  readonly userId: string | undefined;
  /** For a notice modal when there is no response_url (interactions only; 3 s to use). */
  readonly triggerId: string | undefined;
  /** A mention's thread (its `thread_ts`, else its own `ts`): where its private notice shows. */
  readonly threadTs: string | undefined;
}

type Rec = Record<string, unknown>;
const obj = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Read a payload without trusting its shape: never throws, unknown fields are undefined. */
export function originOf(body: Rec): Origin {
  const none = { channelId: undefined, userId: undefined, triggerId: undefined, threadTs: undefined };
  if (typeof body.command === 'string') {
    return {
      ...none,
      arrival: { kind: 'command' },
      channelId: str(body.channel_id),
      userId: str(body.user_id),
      triggerId: str(body.trigger_id),
    };
  }
  const interaction = { ...none, userId: str(obj(body.user).id), triggerId: str(body.trigger_id) };
  switch (body.type) {
    case 'block_actions': {
      const [action] = Array.isArray(body.actions) ? body.actions : [];
      return {
        ...interaction,
        arrival: { kind: 'action', id: str(obj(action).action_id) },
        channelId: str(obj(body.channel).id) ?? str(obj(body.container).channel_id),
      };
    }
    case 'message_action':
      return { ...interaction, arrival: { kind: 'message_shortcut', id: str(body.callback_id) }, channelId: str(obj(body.channel).id) };
    case 'view_submission': {
      const view = obj(body.view);
      return {
        ...interaction,
        arrival: { kind: 'view_submission', id: str(view.callback_id) },
        channelId: decodeModalMetadata(str(view.private_metadata))?.channelId,
      };
    }
    case 'shortcut':
      return { ...interaction, arrival: { kind: 'global_shortcut' } };
    case 'event_callback': {
      const event = obj(body.event);
      // Only events an entry point answers carry a request; other events stay ungated.
      const arrival = { kind: 'event', type: str(event.type) } as const;
      if (entryFor(arrival) === undefined) return { ...none, arrival: undefined };
      return {
        ...none,
        arrival,
        channelId: str(event.channel),
        userId: str(event.user),
        threadTs: str(event.thread_ts) ?? str(event.ts),
      };
    }
    default:
      return { ...interaction, arrival: undefined };
  }
}

/** How a payload no registry row describes answers privately, by its kind. */
function defaultRoute(kind: string): ReplyRoute {
  if (kind === 'view_submission') return 'view';
  if (kind === 'event') return 'ephemeral';
  return 'response_url';
}

/** The gate, as a global Bolt middleware (src/slack/app.ts puts it after the event gates). */
export function channelGate(deps: Pick<BotDeps, 'allowlist' | 'locales' | 'logger' | 'command'>) {
  return async (args: AnyMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const origin = originOf(args.body as unknown as Rec);
    const { arrival, channelId, userId } = origin;
    const entry = arrival && arrival.kind !== 'global_shortcut' ? entryFor(arrival) : undefined;
    const rule: GateRule = entry?.gate ?? (arrival ? 'channel' : 'none');
    if (arrival === undefined || rule === 'none' || isChannelAllowed(deps.allowlist, channelId)) {
      await args.next();
      return;
    }
    const context = { entry: entry?.name ?? arrival.kind, channel: channelId ?? '?', user: userId };
    deps.logger.event('info', 'channel_refused', context);
    const handles = {
      ack: 'ack' in args ? (args.ack as (response?: unknown) => Promise<void>) : undefined,
      respond: 'respond' in args ? (args.respond as Responder | undefined) : undefined,
      client: args.client,
      ...origin,
    };
    await sendNotice(deps, entry?.reply ?? defaultRoute(arrival.kind), handles, refusal(origin, deps.command), context, {
      replace_original: false,
    });
  };
}

/** What to tell the person: the channel to permit, that a form is too old to read, or where to ask instead. */
function refusal(origin: Origin, command: string): Notice {
  if (origin.channelId !== undefined) return { kind: 'channel_refused', channelId: origin.channelId };
  // Unreadable metadata (a form from an older version of the bot) is an expired form, not a
  // channel an operator could permit.
  if (origin.arrival?.kind === 'view_submission') return { kind: 'expired_action' };
  return { kind: 'channel_needed', command };
}
