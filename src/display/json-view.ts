/**
 * `LookupOutcome` → a plain JSON-safe value for machine-readable output (`lookup --json`):
 * the typed outcome, with instants as ISO 8601 in KST (`+09:00`) and the receiver's phone number
 * masked in the typed field and in `raw` alike. Customer data stays masked everywhere it is shown.
 */
import type { CoufunError } from '../coufun/errors.js';
import type { Order } from '../coufun/types.js';
import type { LookupMeta, LookupOutcome } from '../lookup/types.js';
import { kstIso } from './format.js';
import { maskPhone } from '../text/masks.js';
import { verdictCategory, verdictState } from './verdict.js';

/** A JSON value. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** An order with instants as KST ISO strings and the phone masked. */
export function orderToJson(order: Order): Json {
  const raw: Record<string, string> = { ...order.raw };
  if (raw.RECEIVER_MOBILE !== undefined) raw.RECEIVER_MOBILE = maskPhone(raw.RECEIVER_MOBILE);
  const { category, partlyUsed } = verdictCategory(order);
  return {
    // The card's first line, as data: can the customer use it now, and why (not).
    verdict: { state: verdictState(category), category, partlyUsed },
    couponType: order.couponType && { ...order.couponType },
    status: order.status && { ...order.status },
    barcode: order.barcode,
    receiverMobile: order.receiverMobile === null ? null : maskPhone(order.receiverMobile),
    orderDate: order.orderDate,
    validEndDate: order.validEndDate,
    exchangedAt: order.exchangedAt && kstIso(order.exchangedAt),
    cancelledAt: order.cancelledAt && kstIso(order.cancelledAt),
    totalAmount: order.totalAmount,
    remainAmount: order.remainAmount,
    expired: order.expired,
    raw,
  };
}

/** The error's class name, code, log-safe message and its own typed fields (never its `cause`). */
export function errorToJson(error: CoufunError): Json {
  const own: Record<string, Json> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key !== 'cause') own[key] = toJsonValue(value);
  }
  return { ...own, name: error.name, code: error.code, message: error.message, retryable: error.retryable };
}

function metaToJson(meta: LookupMeta): Json {
  return { env: meta.env, latencyMs: meta.latencyMs, cacheHit: meta.cacheHit, answeredAt: kstIso(meta.answeredAt) };
}

/** One lookup's outcome as JSON. */
export function outcomeToJson(outcome: LookupOutcome): Json {
  const common = { goodsId: outcome.goodsId, barcode: outcome.barcode };
  return outcome.ok
    ? { ok: true, ...common, vendorMessage: outcome.vendorMessage, orders: outcome.orders.map(orderToJson), meta: metaToJson(outcome.meta) }
    : { ok: false, ...common, error: errorToJson(outcome.error), meta: metaToJson(outcome.meta) };
}

// Error fields are strings, numbers, booleans or small frozen records of them (ResultCodeInfo,
// ValidationError.detail); anything else is dropped rather than guessed at.
function toJsonValue(value: unknown): Json {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return kstIso(value);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonValue(v);
    return out;
  }
  return null;
}
