/** Slash commands: the one lookup command (`COUPON_COMMAND`, default `/coupon`). */
import type { App } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { registerCouponCommand } from './coupon.js';

export function registerCommands(app: App, deps: BotDeps): void {
  registerCouponCommand(app, deps);
}
