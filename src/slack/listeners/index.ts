/**
 * Every listener the bot has, by kind. A new kind is one folder with an `index.ts` exporting its
 * `register…(app, deps)`, plus one line here.
 */
import type { App } from '@slack/bolt';
import type { BotDeps } from '../deps.js';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import { registerEvents } from './events/index.js';
import { registerShortcuts } from './shortcuts/index.js';
import { registerViews } from './views/index.js';

export function registerListeners(app: App, deps: BotDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerShortcuts(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
}
