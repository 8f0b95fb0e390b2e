/** Message shortcut `coupon_lookup` and the modal it may open. Registered by `buildSlackApp`. */
import type { App, ViewSubmitAction } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { MODAL_IDS } from '../../render/index.js';
import { answerModal } from '../views/lookup-modal.js';
import { answerShortcut, SHORTCUT_CALLBACK_ID } from './coupon-lookup.js';

export function registerListeners(app: App, deps: BotDeps): void {
  app.shortcut(SHORTCUT_CALLBACK_ID, async (args) => answerShortcut(deps, args as Parameters<typeof answerShortcut>[1]));
  app.view<ViewSubmitAction>({ callback_id: MODAL_IDS.callbackId, type: 'view_submission' }, async (args) => answerModal(deps, args));
}
