/**
 * One item's result as it is kept (a journal line, a sealed Redis value): plain JSON, with no
 * coupon number and no phone number in it. The vendor's BARCODE_NUM is dropped (the result shows
 * the number as the list gave it), a receiver number keeps only the digits its mask shows, and
 * the vendor's message is masked. Read back into the typed outcome the display describes. Pure.
 */
import {
  BadResponseError,
  type CoufunError,
  HttpStatusError,
  InternalError,
  NetworkError,
  OversizeError,
  TimeoutError,
  ValidationError,
  VendorError,
  type BadResponseReason,
  type RequestField,
  type ValidationRule,
} from '../../coufun/errors.js';
import { resultCodeInfo } from '../../coufun/codes.js';
import { typeOrder } from '../../coufun/fields.js';
import type { Order, OrderField } from '../../coufun/types.js';
import type { LookupOutcome } from '../../lookup/types.js';
import { maskTextAbout } from '../../text/masks.js';

export type StoredOrder = Readonly<Partial<Record<OrderField, string>>>;

export type StoredError =
  | { readonly type: 'vendor'; readonly code: string; readonly message: string }
  | { readonly type: 'timeout'; readonly ms: number }
  | { readonly type: 'network'; readonly reason: string; readonly retryable: boolean }
  | { readonly type: 'http'; readonly status: number }
  | { readonly type: 'bad_response'; readonly reason: BadResponseReason }
  | { readonly type: 'oversize'; readonly limit: number }
  | { readonly type: 'invalid'; readonly field: RequestField; readonly rule: ValidationRule; readonly detail: ValidationError['detail'] }
  | { readonly type: 'internal'; readonly ref: string };

/** How one distinct item ended. */
export type ItemResult =
  | {
      readonly kind: 'answered';
      readonly orders: readonly StoredOrder[];
      readonly message: string;
      readonly answeredAt: number;
      readonly cacheHit: boolean;
    }
  | { readonly kind: 'failed'; readonly error: StoredError; readonly at: number; readonly attempts: number };

/** A receiver number reduced to what its mask shows (`maskPhone` gives the same text for both). */
export function redactPhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (/^01\d{9}$/.test(digits)) return `${digits.slice(0, 3)}0000${digits.slice(7)}`;
  if (/^01\d{8}$/.test(digits)) return `${digits.slice(0, 3)}000${digits.slice(6)}`;
  return digits.length > 4 ? `${'0'.repeat(digits.length - 4)}${digits.slice(-4)}` : '0'.repeat(digits.length);
}

function storeOrder(order: Order): StoredOrder {
  const { BARCODE_NUM: _dropped, RECEIVER_MOBILE: phone, ...rest } = order.raw;
  return phone === undefined ? rest : { ...rest, RECEIVER_MOBILE: redactPhone(phone) };
}

export function storeError(error: CoufunError, barcode: string): StoredError {
  if (error instanceof VendorError) return { type: 'vendor', code: error.vendorCode, message: maskTextAbout(error.vendorMessage, barcode) };
  if (error instanceof TimeoutError) return { type: 'timeout', ms: error.timeoutMs };
  if (error instanceof NetworkError) return { type: 'network', reason: error.reason, retryable: error.retryable };
  if (error instanceof HttpStatusError) return { type: 'http', status: error.status };
  if (error instanceof BadResponseError) return { type: 'bad_response', reason: error.reason };
  if (error instanceof OversizeError) return { type: 'oversize', limit: error.limitBytes };
  if (error instanceof ValidationError) return { type: 'invalid', field: error.field, rule: error.rule, detail: error.detail };
  return { type: 'internal', ref: error instanceof InternalError ? error.ref : 'unknown' };
}

/** A lookup's outcome as kept. */
export function storeOutcome(outcome: LookupOutcome, attempts: number): ItemResult {
  if (outcome.ok) {
    return {
      kind: 'answered',
      orders: outcome.orders.map(storeOrder),
      message: maskTextAbout(outcome.vendorMessage, outcome.barcode),
      answeredAt: outcome.meta.answeredAt,
      cacheHit: outcome.meta.cacheHit,
    };
  }
  return { kind: 'failed', error: storeError(outcome.error, outcome.barcode), at: outcome.meta.answeredAt, attempts };
}

/** The orders of a kept answer, typed again with expiry judged at `nowMs`. */
export function ordersOf(result: Extract<ItemResult, { kind: 'answered' }>, nowMs: number): Order[] {
  return result.orders.map((raw) => typeOrder(raw, nowMs));
}

/** The typed error of a kept failure, for the display's `describeError`. */
export function errorOf(error: StoredError): CoufunError {
  switch (error.type) {
    case 'vendor':
      return new VendorError(error.code, error.message, resultCodeInfo(error.code));
    case 'timeout':
      return new TimeoutError(error.ms);
    case 'network':
      return new NetworkError(error.reason, { retryable: error.retryable });
    case 'http':
      return new HttpStatusError(error.status);
    case 'bad_response':
      return new BadResponseError(error.reason);
    case 'oversize':
      return new OversizeError(error.limit);
    case 'invalid':
      return new ValidationError(error.field, error.rule, error.detail);
    case 'internal':
      return new InternalError(error.ref);
  }
}

/** A value read back from a journal or Redis that has the shape of an item result. */
export function isItemResult(value: unknown): value is ItemResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { kind?: unknown; orders?: unknown; error?: unknown };
  return (v.kind === 'answered' && Array.isArray(v.orders)) || (v.kind === 'failed' && typeof v.error === 'object' && v.error !== null);
}
