/** Message shortcuts: `coupon_lookup` (쿠폰 조회). */
import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { answerShortcut, SHORTCUT_CALLBACK_ID } from './coupon-lookup.js';

export function registerShortcuts(app: App, deps: BotDeps): void {
  app.shortcut(SHORTCUT_CALLBACK_ID, async (args) => answerShortcut(deps, args as Parameters<typeof answerShortcut>[1]));
}
