/**
 * Pure Block Kit renderers: the lookup card, private notices and the shortcut's modal.
 * Listeners import from here only; every output passes `checkBlockKit` (test/support) in tests.
 */
export { ACTION_IDS, decodeButtonValue, encodeActionValue, type ButtonValue, type CardAction, type CardActionValue } from './actions.js';
export type { SlackMessage } from './blocks.js';
export { renderLookupMessage, type CardContext } from './card.js';
export { LIMITS } from './limits.js';
export { MODAL_IDS, renderLookupModal, type LookupModalInput } from './modal.js';
export { noticePlainText, renderNotice, renderNoticeModal, type Notice } from './notices.js';
