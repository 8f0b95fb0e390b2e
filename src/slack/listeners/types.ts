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

/** Bolt's arguments for each kind of arrival (src/slack/entry-points/registry.ts). */
export interface ListenerArgs {
  readonly command: SlackCommandMiddlewareArgs & AllMiddlewareArgs;
  readonly action: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
  readonly message_shortcut: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs;
  readonly view_submission: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;
  readonly event: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs;
}

/** A listener for entry points that arrive as `K`; `entry` names the one that fired (for logs and metrics). */
export type Listener<K extends Arrival['kind']> = (deps: BotDeps, args: ListenerArgs[K], entry: EntryName) => Promise<void>;
