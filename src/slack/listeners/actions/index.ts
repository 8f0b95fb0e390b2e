/** Block actions: the card's buttons (채널에 공유, 새로고침, 다시 시도). */
import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { registerCardButtons } from './card-buttons.js';

export function registerActions(app: App, deps: BotDeps): void {
  registerCardButtons(app, deps);
}
