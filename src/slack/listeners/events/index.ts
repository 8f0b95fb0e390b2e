/** Events API subscriptions: `app_mention` (`@coupon-bot …` in a channel or thread). */
import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { answerMention } from './app-mention.js';

/** Wire the Events API listeners (the manifest's `bot_events` must match; test/manifest.test.ts checks). */
export function registerEvents(app: App, deps: BotDeps): void {
  app.event('app_mention', async (args) => answerMention(deps, args));
}
