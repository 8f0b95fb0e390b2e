/**
 * Coupon numbers are bearer values: whoever reads one can spend it. The terminal shows them the
 * way the Slack card and the logs do (`••••8902`, `maskBarcode` of src/text/masks.ts) unless `--reveal`
 * asks for them in full. Pure.
 */
import { VendorError } from '../coufun/errors.js';
import type { Order } from '../coufun/types.js';
import type { LookupOutcome } from '../lookup/types.js';
import { maskBarcode, maskTextAbout } from '../text/masks.js';

/**
 * The outcome with every copy of the coupon number masked: the one asked about, each order's,
 * `raw`'s, and wherever the vendor's own message echoes it (phones there are masked too).
 */
export function maskOutcome(outcome: LookupOutcome): LookupOutcome {
  const barcode = maskBarcode(outcome.barcode);
  const text = (message: string): string => maskTextAbout(message, outcome.barcode);
  if (outcome.ok) return { ...outcome, barcode, orders: outcome.orders.map(maskOrder), vendorMessage: text(outcome.vendorMessage) };
  const { error } = outcome;
  const masked = error instanceof VendorError ? new VendorError(error.vendorCode, text(error.vendorMessage), error.info) : error;
  return { ...outcome, barcode, error: masked };
}

function maskOrder(order: Order): Order {
  const raw = order.raw.BARCODE_NUM === undefined ? order.raw : { ...order.raw, BARCODE_NUM: maskBarcode(order.raw.BARCODE_NUM) };
  return { ...order, barcode: order.barcode === null ? null : maskBarcode(order.barcode), raw };
}

/** What the terminal may show: the outcomes as they are with `reveal`, else masked. */
export function shownOutcomes(outcomes: readonly LookupOutcome[], reveal: boolean): readonly LookupOutcome[] {
  return reveal ? outcomes : outcomes.map(maskOutcome);
}
