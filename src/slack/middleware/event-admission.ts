/**
 * Two gates for Events API deliveries (`event_callback`, over HTTP or Socket Mode), in front of
 * the channel gate: events written by a bot (this one included) are dropped, so two bots cannot
 * answer each other; and each `event_id` is handled once, however often Slack delivers it
 * (`X-Slack-Retry-Num`) and whichever replica a retry reaches. The claim lives in the shared
 * store; when the store fails the event is handled rather than dropped.
 * Bolt has already acknowledged an event before any middleware runs.
 */
import type { AllMiddlewareArgs, AnyMiddlewareArgs } from '@slack/bolt';
import { errorFields } from '../../log/logger.js';
import type { BotDeps } from '../deps/bot-deps.js';

/** Slack retries for about five minutes; a claim outlives that comfortably. */
export const EVENT_CLAIM_TTL_MS = 60 * 60 * 1000;

type Rec = Record<string, unknown>;
type Args = AnyMiddlewareArgs & AllMiddlewareArgs;

function rec(v: unknown): Rec {
  return v && typeof v === 'object' ? (v as Rec) : {};
}

/** The Events API body, or undefined for commands, interactions and the like. */
function eventCallback(body: unknown): { eventId: string | undefined; event: Rec } | undefined {
  const b = rec(body);
  if (b.type !== 'event_callback') return undefined;
  return { eventId: typeof b.event_id === 'string' && b.event_id !== '' ? b.event_id : undefined, event: rec(b.event) };
}

/** True for an event a bot wrote: it carries `bot_id`, is a `bot_message`, or comes from our own bot user. */
export function isBotAuthored(event: Rec, botUserId: string | undefined): boolean {
  if (typeof event.bot_id === 'string' && event.bot_id !== '') return true;
  if (event.subtype === 'bot_message') return true;
  return botUserId !== undefined && event.user === botUserId;
}

/** Drops events written by bots, before anything answers them. */
export function ignoreBotEvents(deps: Pick<BotDeps, 'logger'>) {
  return async (args: Args): Promise<void> => {
    const delivery = eventCallback(args.body);
    if (delivery && isBotAuthored(delivery.event, args.context.botUserId)) {
      deps.logger.event('debug', 'bot_event_ignored', { type: delivery.event.type, eventId: delivery.eventId });
      return;
    }
    await args.next();
  };
}

/** Lets the first delivery of each `event_id` through; later ones are logged and dropped. */
export function eventOnce(deps: Pick<BotDeps, 'logger' | 'store'>) {
  return async (args: Args): Promise<void> => {
    const delivery = eventCallback(args.body);
    if (delivery?.eventId === undefined) {
      await args.next();
      return;
    }
    const { eventId } = delivery;
    const retry = { retryNum: args.context.retryNum, retryReason: args.context.retryReason };
    let first = true;
    try {
      first = await deps.store.add(`event:${eventId}`, 1, EVENT_CLAIM_TTL_MS);
    } catch (e) {
      // A second answer is better than none: the person asked and is waiting.
      deps.logger.event('warn', 'event_dedupe_failed', { eventId, ...retry, ...errorFields(e) });
    }
    if (!first) {
      deps.logger.event('info', 'duplicate_event', { eventId, type: delivery.event.type, ...retry });
      return;
    }
    await args.next();
  };
}
