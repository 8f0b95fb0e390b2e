import { describe, expect, it } from 'vitest';
import type { Order } from '../../src/coufun/types.js';
import { describeOrder, type OrderViewContext } from '../../src/display/order-view.js';

/** 2024-02-29 15:30 UTC = 2024-03-01 00:30 KST: "today" in KST is March 1st. */
const NOW = Date.UTC(2024, 1, 29, 15, 30, 0);
const GOODS = '0000999999';
const PHONE = '01012345678';

/** KST wall time → instant, as the codec types EXCHANGE_DATE / CANCEL_DATE. */
function kst(y: number, mo: number, d: number, h: number, mi: number): Date {
  return new Date(Date.UTC(y, mo - 1, d, h - 9, mi));
}

/** An unused AMOUNT coupon, typed and raw alike (the codec keeps both); override either. */
function amountOrder(overrides: Partial<Order> = {}): Order {
  return {
    couponType: { kind: 'amount', raw: 'AMOUNT' },
    status: { kind: 'unused', raw: '000' },
    barcode: 'ABC1234567890',
    receiverMobile: PHONE,
    orderDate: '2024-02-01',
    validEndDate: '2024-03-31',
    exchangedAt: null,
    cancelledAt: null,
    totalAmount: 10_000,
    remainAmount: 10_000,
    expired: false,
    raw: {
      COUPON_TYPE: 'AMOUNT',
      ORDER_DATE: '20240201',
      STATUS: '000',
      RECEIVER_MOBILE: PHONE,
      BARCODE_NUM: 'ABC1234567890',
      VALID_END_DATE: '20240331',
      TOTAL_AMOUNT: '10000',
      REMAIN_AMOUNT: '10000',
    },
    ...overrides,
  };
}

/** An unused BARCODE (exchange) coupon without amounts; override either. */
function exchangeOrder(overrides: Partial<Order> = {}): Order {
  return {
    couponType: { kind: 'exchange', raw: 'BARCODE' },
    status: { kind: 'unused', raw: '000' },
    barcode: '001133518001',
    receiverMobile: PHONE,
    orderDate: '2024-02-20',
    validEndDate: '2024-04-30',
    exchangedAt: null,
    cancelledAt: null,
    totalAmount: null,
    remainAmount: null,
    expired: false,
    raw: {
      COUPON_TYPE: 'BARCODE',
      ORDER_DATE: '20240220',
      STATUS: '000',
      RECEIVER_MOBILE: PHONE,
      BARCODE_NUM: '001133518001',
      VALID_END_DATE: '20240430',
    },
    ...overrides,
  };
}

const ko: OrderViewContext = { nowMs: NOW, locale: 'ko', goodsId: GOODS };
const en: OrderViewContext = { nowMs: NOW, locale: 'en', goodsId: GOODS };

describe('describeOrder: amount vouchers', () => {
  it('unused: full balance, nothing used, every row in the fixed order (ko)', () => {
    const view = describeOrder(amountOrder(), { ...ko, goodsName: '배민 상품권 1만원' });
    expect(view.title).toBe('배민 상품권 1만원');
    expect(view.goodsId).toBe(GOODS);
    expect(view.typeLabel).toBe('금액권');
    expect(view.status).toEqual({ label: '미사용', tone: 'available' });
    // Masked by default, like everywhere: a coupon number is a bearer value.
    expect(view.barcode).toBe('••••7890');
    expect(view.expiry).toEqual({ date: '2024-03-31', phrase: '30일 남음' });
    expect(view.balance).toEqual({ remain: '10,000원', total: '10,000원', used: '0원' });
    expect(view.orderDate).toBe('2024-02-01');
    expect(view.exchangedAt).toBeNull();
    expect(view.cancelledAt).toBeNull();
    expect(view.receiver).toBe('010-****-5678');
    expect(view.verdict.line).toBe('사용 가능 · 잔액 10,000원 · 유효기간 2024-03-31 (30일 남음)');
    expect(view.rows).toEqual([
      { label: '상태', value: '미사용' },
      { label: '쿠폰번호', value: '••••7890' },
      { label: '유효기간', value: '2024-03-31 (30일 남음)' },
      { label: '잔액', value: '10,000원 (총 금액 10,000원 · 사용 금액 0원)' },
      { label: '주문일', value: '2024-02-01' },
      { label: '수신번호', value: '010-****-5678' },
    ]);
  });

  it('partly used: remain, total and the difference, with the exchange time in KST (ko and en)', () => {
    const order = amountOrder({
      remainAmount: 2_500,
      exchangedAt: kst(2024, 2, 27, 12, 30),
      raw: { ...amountOrder().raw, REMAIN_AMOUNT: '2500', EXCHANGE_DATE: '20240227123000' },
    });
    const k = describeOrder(order, ko);
    // Partly used in words; the vendor's own code (000, unused) stays visible in the status row.
    expect(k.status).toEqual({ label: '부분 사용', tone: 'partial' });
    expect(k.statusDetail).toBe('부분 사용 (쿠펀 상태 000 미사용)');
    expect(k.verdict.line).toBe('사용 가능 · 부분 사용 · 잔액 2,500원 / 10,000원 · 유효기간 2024-03-31 (30일 남음)');
    expect(k.balance).toEqual({ remain: '2,500원', total: '10,000원', used: '7,500원' });
    expect(k.exchangedAt).toBe('2024-02-27 12:30');
    expect(k.rows.map((r) => r.label)).toEqual(['상태', '쿠폰번호', '유효기간', '잔액', '주문일', '교환일시', '수신번호']);

    const e = describeOrder(order, en);
    expect(e.typeLabel).toBe('Stored-value voucher');
    expect(e.status).toEqual({ label: 'Partly used', tone: 'partial' });
    expect(e.statusDetail).toBe('Partly used (Coufun status 000: Unused)');
    expect(e.verdict.line).toBe('Usable · partly used · balance ₩2,500 of ₩10,000 · valid until 2024-03-31 (30 days left)');
    expect(e.balance).toEqual({ remain: '₩2,500', total: '₩10,000', used: '₩7,500' });
    expect(e.expiry).toEqual({ date: '2024-03-31', phrase: '30 days left' });
    expect(e.rows).toContainEqual({ label: 'Exchanged', value: '2024-02-27 12:30' });
    expect(e.rows).toContainEqual({ label: 'Recipient', value: '010-****-5678' });
  });

  it('fully used: balance 0, status used, everything used', () => {
    const order = amountOrder({
      status: { kind: 'used', raw: '001' },
      remainAmount: 0,
      raw: { ...amountOrder().raw, STATUS: '001', REMAIN_AMOUNT: '0' },
    });
    const k = describeOrder(order, ko);
    expect(k.status).toEqual({ label: '사용', tone: 'used' });
    expect(k.balance).toEqual({ remain: '0원', total: '10,000원', used: '10,000원' });
    // A zero balance is a fact worth showing, not an absent field.
    expect(k.rows).toContainEqual({ label: '잔액', value: '0원 (총 금액 10,000원 · 사용 금액 10,000원)' });
    expect(k.verdict.line).toBe('사용 불가 · 사용됨');
    expect(describeOrder(order, en).status).toEqual({ label: 'Used', tone: 'used' });
  });

  it('does not invent a used amount when the remainder exceeds the total', () => {
    const view = describeOrder(amountOrder({ totalAmount: 1_000, remainAmount: 5_000 }), ko);
    expect(view.balance).toEqual({ remain: '5,000원', total: '1,000원', used: null });
    expect(view.rows.find((r) => r.label === '잔액')?.value).toBe('5,000원 (총 금액 1,000원)');
  });
});

describe('describeOrder: exchange vouchers', () => {
  it('unused: no balance rows at all', () => {
    const view = describeOrder(exchangeOrder(), ko);
    expect(view.typeLabel).toBe('교환권');
    expect(view.status).toEqual({ label: '미사용', tone: 'available' });
    expect(view.balance).toBeNull();
    expect(view.expiry).toEqual({ date: '2024-04-30', phrase: '60일 남음' });
    expect(view.rows.map((r) => r.label)).toEqual(['상태', '쿠폰번호', '유효기간', '주문일', '수신번호']);
    expect(describeOrder(exchangeOrder(), en).typeLabel).toBe('Exchange voucher');
  });

  it('used: the exchange time in KST, across UTC midnight', () => {
    // 2024-02-29 00:15 KST is still 2024-02-28 in UTC.
    const order = exchangeOrder({
      status: { kind: 'used', raw: '001' },
      exchangedAt: kst(2024, 2, 29, 0, 15),
      raw: { ...exchangeOrder().raw, STATUS: '001', EXCHANGE_DATE: '20240229001500' },
    });
    const view = describeOrder(order, ko);
    expect(view.status).toEqual({ label: '사용', tone: 'used' });
    expect(view.exchangedAt).toBe('2024-02-29 00:15');
    expect(view.rows).toContainEqual({ label: '교환일시', value: '2024-02-29 00:15' });
  });

  it('cancelled: the cancel time, and the tone renderers colour (ko and en)', () => {
    const order = exchangeOrder({
      status: { kind: 'cancelled', raw: '100' },
      cancelledAt: kst(2024, 2, 20, 18, 2),
      raw: { ...exchangeOrder().raw, STATUS: '100', CANCEL_DATE: '20240220180200' },
    });
    const k = describeOrder(order, ko);
    expect(k.status).toEqual({ label: '취소', tone: 'cancelled' });
    expect(k.cancelledAt).toBe('2024-02-20 18:02');
    expect(k.rows.at(-2)).toEqual({ label: '취소일시', value: '2024-02-20 18:02' });
    const e = describeOrder(order, en);
    expect(e.status).toEqual({ label: 'Cancelled', tone: 'cancelled' });
    expect(e.rows).toContainEqual({ label: 'Cancelled', value: '2024-02-20 18:02' });
  });
});

describe('describeOrder: expiry', () => {
  it('unused (000) but expired: shown as expired, counted in KST days', () => {
    // Valid through Feb 29 KST; it is already March 1st in KST (though Feb 29 in UTC).
    const order = exchangeOrder({ validEndDate: '2024-02-29', expired: true, raw: { ...exchangeOrder().raw, VALID_END_DATE: '20240229' } });
    const k = describeOrder(order, ko);
    expect(k.status).toEqual({ label: '기간만료', tone: 'expired' });
    expect(k.expiry).toEqual({ date: '2024-02-29', phrase: '1일 전 만료' });
    const e = describeOrder(order, en);
    expect(e.status).toEqual({ label: 'Expired', tone: 'expired' });
    expect(e.expiry).toEqual({ date: '2024-02-29', phrase: 'expired 1 day ago' });
  });

  it('says "today" on the last valid KST day and uses the injected time, not the clock', () => {
    const order = exchangeOrder({ validEndDate: '2024-03-01' });
    expect(describeOrder(order, ko).expiry).toEqual({ date: '2024-03-01', phrase: '오늘까지' });
    expect(describeOrder(order, en).expiry).toEqual({ date: '2024-03-01', phrase: 'expires today' });
    // The same order one KST day earlier: one day left, singular in English.
    const dayBefore = { nowMs: NOW - 24 * 60 * 60 * 1000 };
    expect(describeOrder(order, { ...ko, ...dayBefore }).expiry?.phrase).toBe('1일 남음');
    expect(describeOrder(order, { ...en, ...dayBefore }).expiry?.phrase).toBe('1 day left');
    expect(describeOrder(exchangeOrder({ validEndDate: '2024-02-27' }), en).expiry?.phrase).toBe('expired 3 days ago');
  });

  it('shows an unparsed validity date raw, without a phrase', () => {
    const order = exchangeOrder({ validEndDate: null, raw: { ...exchangeOrder().raw, VALID_END_DATE: '2024.04.30' } });
    const view = describeOrder(order, ko);
    expect(view.expiry).toEqual({ date: '2024.04.30', phrase: null });
    expect(view.rows).toContainEqual({ label: '유효기간', value: '2024.04.30' });
  });
});

describe('describeOrder: unknown codes and missing fields', () => {
  it('shows an unknown status and type raw and flags them (ko and en)', () => {
    const order = amountOrder({
      couponType: { kind: 'unknown', raw: 'POINT' },
      status: { kind: 'unknown', raw: '200' },
      raw: { ...amountOrder().raw, COUPON_TYPE: 'POINT', STATUS: '200' },
    });
    const k = describeOrder(order, ko);
    expect(k.typeLabel).toBe('알 수 없는 유형(POINT)');
    expect(k.status).toEqual({ label: '알 수 없는 상태(200)', tone: 'unknown' });
    const e = describeOrder(order, en);
    expect(e.typeLabel).toBe('Unknown type (POINT)');
    expect(e.status).toEqual({ label: 'Unknown status (200)', tone: 'unknown' });
  });

  it('falls back to the raw text when a typed field did not parse', () => {
    const order = amountOrder({
      status: null,
      couponType: null,
      totalAmount: null,
      remainAmount: null,
      orderDate: null,
      exchangedAt: null,
      receiverMobile: null,
      raw: {
        STATUS: '0 0 0',
        COUPON_TYPE: 'amount?',
        TOTAL_AMOUNT: '10,000',
        REMAIN_AMOUNT: 'n/a',
        ORDER_DATE: '2024.02.01',
        EXCHANGE_DATE: 'yesterday',
        RECEIVER_MOBILE: '010-9876-5432',
      },
    });
    const view = describeOrder(order, ko);
    expect(view.status).toEqual({ label: '알 수 없는 상태(0 0 0)', tone: 'unknown' });
    expect(view.typeLabel).toBe('알 수 없는 유형(amount?)');
    expect(view.balance).toEqual({ remain: 'n/a', total: '10,000', used: null });
    expect(view.orderDate).toBe('2024.02.01');
    expect(view.exchangedAt).toBe('yesterday');
    // Raw personal data is masked too.
    expect(view.receiver).toBe('010-****-5432');
    expect(JSON.stringify(view)).not.toContain('9876');
  });

  it('with only a status: no rows invented, the asked barcode and goods ID stand in', () => {
    const bare: Order = {
      couponType: null,
      status: { kind: 'unused', raw: '000' },
      barcode: null,
      receiverMobile: null,
      orderDate: null,
      validEndDate: null,
      exchangedAt: null,
      cancelledAt: null,
      totalAmount: null,
      remainAmount: null,
      expired: false,
      raw: { STATUS: '000' },
    };
    const withAsked = describeOrder(bare, { ...ko, barcode: '012345678901' });
    expect(withAsked.title).toBe(GOODS);
    expect(withAsked.typeLabel).toBe('유형 정보 없음');
    expect(withAsked.barcode).toBe('••••8901');
    expect(withAsked.expiry).toBeNull();
    expect(withAsked.balance).toBeNull();
    expect(withAsked.orderDate).toBeNull();
    expect(withAsked.receiver).toBeNull();
    expect(withAsked.rows).toEqual([
      { label: '상태', value: '미사용' },
      { label: '쿠폰번호', value: '••••8901' },
    ]);
    expect(withAsked.verdict.line).toBe('사용 가능 · 유효기간 정보 없음');

    const none = describeOrder({ ...bare, status: null, raw: {} }, en);
    expect(none.barcode).toBeNull();
    expect(none.rows).toEqual([{ label: 'Status', value: 'No status given' }]);
    expect(none.verdict.line).toBe('Check needed · No status given');
    expect(none.typeLabel).toBe('No type given');
    expect(none.status).toEqual({ label: 'No status given', tone: 'unknown' });
  });

  it('prefers the vendor barcode over the one asked, keeping leading zeros', () => {
    const order = amountOrder({ barcode: '0001234567' });
    expect(describeOrder(order, { ...ko, barcode: '1234567', revealBarcode: true }).barcode).toBe('0001234567');
    expect(describeOrder(order, { ...ko, barcode: '1234567' }).barcode).toBe('••••4567');
  });

  it('an unparsed raw value is shown as sent, without invisible characters, never masked away', () => {
    const view = describeOrder(
      exchangeOrder({ exchangedAt: null, raw: { ...exchangeOrder().raw, EXCHANGE_DATE: '20240231\u202E120000' } }),
      ko,
    );
    expect(view.exchangedAt).toBe('20240231120000');
  });

  it('is pure: the same order, time and locale give the same view', () => {
    const order = amountOrder({ exchangedAt: kst(2024, 2, 27, 12, 30) });
    expect(describeOrder(order, ko)).toEqual(describeOrder(order, ko));
  });
});
