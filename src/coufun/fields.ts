/**
 * Typing of the vendor's order fields: code tables, KST dates and timestamps, won amounts, expiry.
 * Each parser takes the raw string (or `undefined` when absent) and returns `null` for anything
 * it cannot read; the raw text stays available to the caller.
 */
import { endOfKstDay, parseVendorDate, parseVendorTimestamp } from '../time/kst.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { CouponStatus, CouponType, Order, OrderField } from './types.js';

/** `BARCODE` → exchange, `AMOUNT` → amount, any other value kept raw as unknown. */
export function parseCouponType(raw: string | undefined): CouponType | null {
  const value = raw?.trim();
  if (!value) return null;
  if (value === 'BARCODE') return { kind: 'exchange', raw: value };
  if (value === 'AMOUNT') return { kind: 'amount', raw: value };
  return { kind: 'unknown', raw: value };
}

/** `000` unused, `001` used, `100` cancelled, any other value kept raw as unknown. */
export function parseStatus(raw: string | undefined): CouponStatus | null {
  const value = raw?.trim();
  if (!value) return null;
  if (value === '000') return { kind: 'unused', raw: value };
  if (value === '001') return { kind: 'used', raw: value };
  if (value === '100') return { kind: 'cancelled', raw: value };
  return { kind: 'unknown', raw: value };
}

/** `YYYYMMDD` → `YYYY-MM-DD` when it is a real calendar date (not `20230231`), else `null`. */
export function parseCalendarDate(raw: string | undefined): CalendarDate | null {
  return parseVendorDate(raw?.trim() ?? '');
}

/** `YYYYMMDDHHMISS` in KST (UTC+9, no daylight saving) → the instant, or `null` when out of range. */
export function parseKstTimestamp(raw: string | undefined): Date | null {
  return parseVendorTimestamp(raw?.trim() ?? '');
}

/** Won amount: digits, optionally grouped by thousands commas, surrounding whitespace allowed. */
export function parseAmount(raw: string | undefined): number | null {
  const value = raw?.trim() ?? '';
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(value)) return null;
  const amount = Number(value.replaceAll(',', ''));
  return Number.isSafeInteger(amount) ? amount : null;
}

/** Unused, with an expiry date, and `nowMs` at or after the start of the next KST day. */
export function isExpired(status: CouponStatus | null, validEndDate: CalendarDate | null, nowMs: number): boolean {
  return status?.kind === 'unused' && validEndDate !== null && nowMs >= endOfKstDay(validEndDate);
}

/** Type one order from its raw fields (already trimmed; absent or empty fields left out). */
export function typeOrder(raw: Readonly<Partial<Record<OrderField, string>>>, nowMs: number): Order {
  const status = parseStatus(raw.STATUS);
  const validEndDate = parseCalendarDate(raw.VALID_END_DATE);
  return {
    couponType: parseCouponType(raw.COUPON_TYPE),
    status,
    barcode: raw.BARCODE_NUM?.trim() || null,
    receiverMobile: raw.RECEIVER_MOBILE?.trim() || null,
    orderDate: parseCalendarDate(raw.ORDER_DATE),
    validEndDate,
    exchangedAt: parseKstTimestamp(raw.EXCHANGE_DATE),
    cancelledAt: parseKstTimestamp(raw.CANCEL_DATE),
    totalAmount: parseAmount(raw.TOTAL_AMOUNT),
    remainAmount: parseAmount(raw.REMAIN_AMOUNT),
    expired: isExpired(status, validEndDate, nowMs),
    raw: Object.freeze({ ...raw }),
  };
}
