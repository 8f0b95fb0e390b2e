/** The shape every listener has: what Bolt hands it depends on how its entry point arrives. */
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import type { BotDeps } from '../deps/bot-deps.js';
import type { Arrival, EntryName } from '../entry-points/registry.js';

/** Bolt's arguments for each kind of arrival (src/slack/entry-points/registry.ts); an event's depend on its type. */
export interface ListenerArgs {
  readonly command: SlackCommandMiddlewareArgs & AllMiddlewareArgs;
  readonly action: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
  readonly message_shortcut: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
  readonly view_submission: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
  readonly event: SlackEventMiddlewareArgs & AllMiddlewareArgs;
}

/** A listener for entry points that arrive as `K`; `entry` names the one that fired (for logs and metrics). */
export type Listener<K extends Exclude<Arrival['kind'], 'event'>> = (
  deps: BotDeps,
  args: ListenerArgs[K],
  entry: EntryName,
) => Promise<void>;

/** A listener for the Events API event `T` (`app_mention`, …). */
export type EventListener<T extends string> = (
  deps: BotDeps,
  args: SlackEventMiddlewareArgs<T> & AllMiddlewareArgs,
  entry: EntryName,
) => Promise<void>;

/** The listener an entry point that arrives as `A` needs. */
export type ListenerOf<A extends Arrival> = A extends { readonly kind: 'event'; readonly type: infer T extends string }
  ? EventListener<T>
  : Listener<Exclude<A['kind'], 'event'>>;
