/**
 * Reading what the bot posted in threads, for the shortcut and modal end-to-end tests: the
 * posts, what a person reads on a card, the request behind its refresh button, and waiting
 * for background work to finish.
 */
import { expect } from 'vitest';
import { allText, type Harness } from './bot-harness.js';
import type { ApiCall } from './fake-slack.js';

export function postsInThread(h: Harness, threadTs: string): ApiCall[] {
  return h.slack.callsTo('chat.postMessage').filter((c) => c.params.thread_ts === threadTs);
}

/** The `n`th (1-based) chat.postMessage in the thread, once it has arrived. */
export async function threadPost(h: Harness, threadTs: string, n = 1): Promise<ApiCall> {
  await h.slack.waitFor(() => postsInThread(h, threadTs).length >= n, 10_000, `chat.postMessage #${n} in thread ${threadTs}`);
  return postsInThread(h, threadTs)[n - 1]!;
}

export function blocksOf(message: Record<string, unknown>): Record<string, unknown>[] {
  return (message.blocks as Record<string, unknown>[] | undefined) ?? [];
}

/** What a person reads: the fallback text and every block except the buttons (whose values carry the request). */
export function readable(message: Record<string, unknown>): string {
  return allText({ text: message.text, blocks: blocksOf(message).filter((b) => b.type !== 'actions') });
}

/** The request behind a thread card's refresh button (which carries only a reference): exactly what was looked up. */
export async function refreshRequest(h: Harness, message: Record<string, unknown>): Promise<{ g: string; b: string[] }> {
  const actions = blocksOf(message).find((b) => b.type === 'actions');
  const buttons = (actions?.elements as { action_id: string; value: string }[] | undefined) ?? [];
  const refresh = buttons.find((b) => b.action_id === 'coupon_refresh');
  if (!refresh) throw new Error('card has no refresh button');
  const { r } = JSON.parse(refresh.value) as { r?: string };
  const value = r === undefined ? null : await h.bot.buttonRefs.get(r);
  if (!value) throw new Error(`refresh button carries no known reference: ${refresh.value}`);
  return { g: value.goodsId, b: [...value.barcodes] };
}

/** Requests the harness's sandbox has answered: what reached "Coufun". */
export function vendorRequests(h: Harness): number {
  return h.bot.lookup.sandbox!.requestCount();
}

export function lookups(h: Harness): number {
  return h.bot.lookup.service.health().lookups;
}

/** Wait until every lookup and reply started after an ack has finished. */
export async function settled(h: Harness): Promise<void> {
  expect(await h.bot.work.drain(15_000)).toBe(true);
}
