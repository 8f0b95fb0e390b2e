/**
 * Keeping a card inside Slack's message limits (block count and total size): measuring blocks,
 * and choosing which order lines to keep when a compact card is still too large.
 */
import type { KnownBlock } from '@slack/types';
import { LIMITS } from './limits.js';

/** JSON length of one block, as it adds to the message's `blocks` array. */
export function blockSize(block: KnownBlock): number {
  return JSON.stringify(block).length;
}

/** Whether these blocks fit one message: ≤ 50 blocks and ≤ the conservative JSON size. */
export function fitsMessage(blocks: readonly KnownBlock[]): boolean {
  return blocks.length <= LIMITS.messageBlocks && JSON.stringify(blocks).length <= LIMITS.blocksJson;
}

/** A card body item: an order line may be dropped, anything else is always kept. */
export type BodyItem = { readonly kind: 'order'; readonly block: KnownBlock } | { readonly kind: 'keep'; readonly block: KnownBlock };

/**
 * Keep every `keep` item and the first order lines that fit beside `reserved` (the blocks that
 * frame the body, including room for the "not shown" line). Order lines are kept in request
 * order and stop at the first one that does not fit, so the card never shows a gap.
 */
export function fitBody(items: readonly BodyItem[], reserved: readonly KnownBlock[]): { blocks: KnownBlock[]; dropped: number } {
  // `[` + `]` + commas between blocks.
  let size = 2 + reserved.reduce((n, b) => n + blockSize(b) + 1, 0);
  let count = reserved.length;
  for (const item of items) {
    if (item.kind === 'keep') {
      size += blockSize(item.block) + 1;
      count += 1;
    }
  }
  const blocks: KnownBlock[] = [];
  let dropped = 0;
  for (const item of items) {
    if (item.kind === 'keep') {
      blocks.push(item.block);
      continue;
    }
    const cost = blockSize(item.block) + 1;
    if (dropped === 0 && count + 1 <= LIMITS.messageBlocks && size + cost <= LIMITS.blocksJson) {
      blocks.push(item.block);
      size += cost;
      count += 1;
    } else {
      dropped += 1;
    }
  }
  return { blocks, dropped };
}
