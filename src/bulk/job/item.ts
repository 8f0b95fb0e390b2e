/**
 * The processor: one attempt at one item, a plain async function of the item's data. The
 * in-process runner and the BullMQ worker both call it, so an item is looked up the same way
 * whichever queue holds it: through the one lookup service (validation, cache, in-flight
 * sharing, the shared store), with no retry of its own — the queue puts a failed item back,
 * paced like every other request.
 */
import { HttpStatusError, NetworkError, TimeoutError, VendorError, type CoufunError, BadResponseError } from '../../coufun/errors.js';
import type { LookupService } from '../../lookup/types.js';
import type { BulkItem } from '../plan.js';
import { storeOutcome, type ItemResult } from '../results/stored.js';

/** Tries per item, the first included: the rest only after failures that say "slow down". */
export const MAX_ATTEMPTS = 4;

/** What one attempt tells the queue. */
export interface ItemAttempt {
  /** The item's result if this attempt is its last. */
  readonly result: ItemResult;
  /** The failure says "too fast" or "not now" (codes 09, 23, 50, HTTP 5xx, timeouts, resets): slow down and try it again. */
  readonly slowDown: boolean;
  /** Coufun answered (a success or a final code): the job is making progress. */
  readonly answered: boolean;
  /** Served from the cache: no vendor request. */
  readonly cacheHit: boolean;
}

const SLOW_DOWN_CODES = new Set(['09', '23', '50']);

/** Whether a failure means the vendor is overwhelmed or away for a while, rather than a final answer. */
export function isSlowDown(error: CoufunError): boolean {
  if (error instanceof VendorError) return SLOW_DOWN_CODES.has(error.vendorCode);
  if (error instanceof HttpStatusError) return error.status >= 500;
  if (error instanceof NetworkError) return error.retryable;
  return error instanceof TimeoutError || error instanceof BadResponseError;
}

/** Look `item` up once (`attempt` counts from 1). Never rejects. */
export async function lookupItem(item: BulkItem, lookup: Pick<LookupService, 'lookup'>, attempt: number): Promise<ItemAttempt> {
  const outcome = await lookup.lookup(item.goodsId, item.barcode, { once: true });
  const result = storeOutcome(outcome, attempt);
  if (outcome.ok) return { result, slowDown: false, answered: true, cacheHit: outcome.meta.cacheHit };
  const slowDown = isSlowDown(outcome.error);
  return { result, slowDown, answered: !slowDown && outcome.error instanceof VendorError, cacheHit: false };
}
