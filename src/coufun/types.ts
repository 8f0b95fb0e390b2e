/**
 * The typed vocabulary of the Coufun coupon status / balance inquiry
 * (vendor manual "COUFUN B2C 연동 매뉴얼 – 쿠폰상태조회(잔액조회)" v1.3).
 * Pure data: no I/O, no Slack, no display strings.
 */
import type { CalendarDate } from '../time/calendar-date.js';

/** What a caller asks the vendor. Field values are validated by `validateRequest` before any I/O. */
export interface CoufunRequest {
  /** POC_ID: client company ID issued by the vendor (≤ 10 bytes). */
  readonly pocId: string;
  /** GOODS_ID: sold product ID (≤ 10 bytes). */
  readonly goodsId: string;
  /** BARCODE_NUM: coupon number (≤ 30 bytes). A bearer value: never log it whole. */
  readonly barcode: string;
}

/** COUPON_TYPE: `BARCODE` exchange voucher (교환권), `AMOUNT` stored value (금액권), else unknown. */
export type CouponType =
  | { readonly kind: 'exchange'; readonly raw: 'BARCODE' }
  | { readonly kind: 'amount'; readonly raw: 'AMOUNT' }
  | { readonly kind: 'unknown'; readonly raw: string };

/** STATUS: `000` unused (미사용), `001` used (사용), `100` cancelled (취소), else unknown. */
export type CouponStatus =
  | { readonly kind: 'unused'; readonly raw: '000' }
  | { readonly kind: 'used'; readonly raw: '001' }
  | { readonly kind: 'cancelled'; readonly raw: '100' }
  | { readonly kind: 'unknown'; readonly raw: string };

/** Names of the order fields the vendor sends (manual §5). */
export const ORDER_FIELDS = [
  'COUPON_TYPE',
  'ORDER_DATE',
  'STATUS',
  'RECEIVER_MOBILE',
  'BARCODE_NUM',
  'VALID_END_DATE',
  'EXCHANGE_DATE',
  'CANCEL_DATE',
  'TOTAL_AMOUNT',
  'REMAIN_AMOUNT',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/**
 * One order (one coupon) as the vendor described it, typed.
 * A typed field is `null` when the vendor sent no value *or* a value that does not parse;
 * `raw` keeps every received field verbatim (trimmed; absent/empty fields are absent) so a
 * display can fall back to the raw text instead of hiding it.
 */
export interface Order {
  readonly couponType: CouponType | null;
  readonly status: CouponStatus | null;
  /** BARCODE_NUM as sent, leading zeros kept. Bearer value. */
  readonly barcode: string | null;
  /** RECEIVER_MOBILE as sent (digits, leading zero kept). Personal data: mask before display. */
  readonly receiverMobile: string | null;
  readonly orderDate: CalendarDate | null;
  /** Valid through the end of this KST day. */
  readonly validEndDate: CalendarDate | null;
  /** EXCHANGE_DATE as an instant (the vendor's wall time is KST). */
  readonly exchangedAt: Date | null;
  /** CANCEL_DATE as an instant (the vendor's wall time is KST). */
  readonly cancelledAt: Date | null;
  /** TOTAL_AMOUNT in won (AMOUNT coupons). */
  readonly totalAmount: number | null;
  /** REMAIN_AMOUNT in won (AMOUNT coupons). */
  readonly remainAmount: number | null;
  /** Unused and past the end of `validEndDate` in KST, judged by the injected clock. */
  readonly expired: boolean;
  readonly raw: Readonly<Partial<Record<OrderField, string>>>;
}

/** The vendor's answer, parsed: success with 1–10 orders, or a vendor failure code and message. */
export type CoufunResult =
  | { readonly ok: true; readonly code: '00'; readonly message: string; readonly orders: readonly Order[] }
  | { readonly ok: false; readonly code: string; readonly message: string };

/** Which endpoint answers. `sandbox` is the built-in simulator. */
export type CoufunEnv = 'sandbox' | 'test' | 'production';

/** Who can fix a vendor failure. */
export type ResultAudience = 'operator' | 'user' | 'transient' | 'unknown';

/** What we know about a vendor result code. */
export interface ResultCodeInfo {
  readonly code: string;
  readonly known: boolean;
  readonly audience: ResultAudience;
  /** Worth one retry after a pause (code 50). */
  readonly retryable: boolean;
}
