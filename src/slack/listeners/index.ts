/**
 * Every listener the bot has, wired from the entry-point registry
 * (src/slack/entry-points/registry.ts): each row is registered the way it arrives (command,
 * button, shortcut, form, event) with the listener named for it below. A new entry point is a
 * registry row, its listener file, and its line here, which the compiler asks for.
 */
import type { App, BlockAction, ButtonAction, MessageShortcut, ViewSubmitAction } from '@slack/bolt';
import type { BotDeps } from '../deps/bot-deps.js';
import { ENTRY_POINTS, type Arrival, type EntryPoint } from '../entry-points/registry.js';
import { answerCardButton } from './actions/card-buttons.js';
import { answerCommand } from './commands/coupon.js';
import { answerMention } from './events/app-mention.js';
import { answerShortcut } from './shortcuts/coupon-lookup.js';
import type { ListenerArgs, ListenerOf } from './types.js';
import { answerModal } from './views/lookup-modal.js';

/** The listener of each entry point, by name; one per registry row. */
const LISTENERS: { readonly [E in EntryPoint as E['name']]: ListenerOf<E['arrives']> } = {
  command: answerCommand,
  shortcut: answerShortcut,
  modal: answerModal,
  refresh: answerCardButton,
  retry: answerCardButton,
  share: answerCardButton,
  mention: answerMention,
};

/** Register every row of the registry with its listener. */
export function registerListeners(app: App, deps: BotDeps): void {
  for (const entry of ENTRY_POINTS) register(app, deps, entry);
}

function register(app: App, deps: BotDeps, entry: EntryPoint): void {
  const arrives: Arrival = entry.arrives;
  // The table's type ties each name to its kind's listener; a loop over rows cannot see that.
  const listener = LISTENERS[entry.name] as (deps: BotDeps, args: ListenerArgs[Arrival['kind']], name: typeof entry.name) => Promise<void>;
  const run = (args: ListenerArgs[Arrival['kind']]): Promise<void> => listener(deps, args, entry.name);
  switch (arrives.kind) {
    case 'command':
      app.command(deps.command, run);
      return;
    case 'action':
      app.action<BlockAction<ButtonAction>>(arrives.actionId, run);
      return;
    case 'message_shortcut':
      app.shortcut<MessageShortcut>(arrives.callbackId, run);
      return;
    case 'view_submission':
      app.view<ViewSubmitAction>({ callback_id: arrives.callbackId, type: 'view_submission' }, run);
      return;
    case 'event':
      app.event(arrives.type, run);
      return;
  }
}
