/**
 * Small readers for the end-to-end Slack tests: the sandbox's request counters (proof that a
 * refused or invalid request never reached the vendor) and the parts of a posted card.
 */
import { allText, type Harness } from './bot-harness.js';

type Block = Record<string, unknown>;

/** Requests the built-in sandbox received, in total or for one barcode. */
export function vendorCount(h: Harness, barcode?: string): number {
  const sandbox = h.bot.lookup.sandbox;
  if (!sandbox) throw new Error('these tests need the built-in sandbox (COUFUN_ENV unset)');
  return sandbox.requestCount(barcode);
}

export function blocksOf(message: Record<string, unknown>): Block[] {
  return Array.isArray(message.blocks) ? (message.blocks as Block[]) : [];
}

/** The buttons of a card (empty when it has none). */
export function buttonsOf(message: Record<string, unknown>): Block[] {
  return blocksOf(message)
    .filter((b) => b.type === 'actions')
    .flatMap((b) => (Array.isArray(b.elements) ? (b.elements as Block[]) : []));
}

/** The `value` of the card button with `actionId`; throws when the card has no such button. */
export function buttonValue(message: Record<string, unknown>, actionId: string): string {
  const button = buttonsOf(message).find((b) => b.action_id === actionId);
  if (!button || typeof button.value !== 'string') throw new Error(`card has no ${actionId} button`);
  return button.value;
}

/** The card without its buttons: what a person reads (button values carry full barcodes by design). */
export function visibleBlocks(message: Record<string, unknown>): Block[] {
  return blocksOf(message).filter((b) => b.type !== 'actions');
}

/** A user ID unique within a test file, so the per-user rate limit never couples tests. */
export function userIds(prefix: string): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `U0${prefix}${String(n).padStart(3, '0')}`;
  };
}

/** All text of a message as a person reads it: mrkdwn's `&lt;` `&gt;` `&amp;` decoded. */
export function readable(message: unknown): string {
  return allText(message).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
