/** Order builders for the seed tables: a plausible coupon, with fields overridden per seed. */
import type { KstCalendar } from './dates.js';
import type { OrderSpec } from './xml.js';

/** An unused exchange voucher (교환권) ordered 30 days ago, valid for 60 more days. */
export function exchangeOrder(cal: KstCalendar, barcode: string, over: OrderSpec = {}): OrderSpec {
  return {
    COUPON_TYPE: 'BARCODE',
    ORDER_DATE: cal.day(-30),
    STATUS: '000',
    RECEIVER_MOBILE: '01012345678',
    BARCODE_NUM: barcode,
    VALID_END_DATE: cal.day(60),
    EXCHANGE_DATE: '',
    CANCEL_DATE: '',
    ...over,
  };
}

/** An amount voucher (금액권) with its face value and remaining balance in won. */
export function amountOrder(cal: KstCalendar, barcode: string, total: number, remain: number, over: OrderSpec = {}): OrderSpec {
  return exchangeOrder(cal, barcode, {
    COUPON_TYPE: 'AMOUNT',
    TOTAL_AMOUNT: String(total),
    REMAIN_AMOUNT: String(remain),
    ...over,
  });
}
