/** View submissions: the lookup form a shortcut opens when the message lacks a product or number. */
import type { App, ViewSubmitAction } from '@slack/bolt';
import type { BotDeps } from '../../deps.js';
import { MODAL_IDS } from '../../render/index.js';
import { answerModal } from './lookup-modal.js';

export function registerViews(app: App, deps: BotDeps): void {
  app.view<ViewSubmitAction>({ callback_id: MODAL_IDS.callbackId, type: 'view_submission' }, async (args) => answerModal(deps, args));
}
