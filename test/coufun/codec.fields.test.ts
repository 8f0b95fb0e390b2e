import { describe, expect, it } from 'vitest';
import {
  isExpired,
  parseAmount,
  parseCalendarDate,
  parseCouponType,
  parseKstTimestamp,
  parseStatus,
  typeOrder,
} from '../../src/coufun/fields.js';
import { endOfKstDay } from '../../src/time/kst.js';

describe('parseCouponType / parseStatus', () => {
  it('maps the manual codes', () => {
    expect(parseCouponType('BARCODE')).toEqual({ kind: 'exchange', raw: 'BARCODE' });
    expect(parseCouponType('AMOUNT')).toEqual({ kind: 'amount', raw: 'AMOUNT' });
    expect(parseStatus('000')?.kind).toBe('unused');
    expect(parseStatus('001')?.kind).toBe('used');
    expect(parseStatus('100')?.kind).toBe('cancelled');
  });

  it('keeps other values raw and reads absence as null', () => {
    expect(parseCouponType('GIFT')).toEqual({ kind: 'unknown', raw: 'GIFT' });
    expect(parseCouponType('amount')).toEqual({ kind: 'unknown', raw: 'amount' });
    expect(parseStatus('200')).toEqual({ kind: 'unknown', raw: '200' });
    expect(parseStatus('0')).toEqual({ kind: 'unknown', raw: '0' });
    expect(parseStatus(undefined)).toBeNull();
    expect(parseCouponType('  ')).toBeNull();
  });
});

describe('parseCalendarDate', () => {
  it.each([
    ['20230915', '2023-09-15'],
    ['20240229', '2024-02-29'],
    ['20000229', '2000-02-29'],
    [' 20231231\n', '2023-12-31'],
    ['99991231', '9999-12-31'],
  ])('%j → %s', (raw, date) => {
    expect(parseCalendarDate(raw)).toBe(date);
  });

  it.each(['20230231', '20230229', '19000229', '20231301', '20230001', '20230900', '00000000', '2023091', '2023-09-15', '2023091a', ''])(
    'rejects %j',
    (raw) => {
      expect(parseCalendarDate(raw)).toBeNull();
    },
  );
});

describe('parseKstTimestamp', () => {
  it('reads KST wall time as the right instant', () => {
    expect(parseKstTimestamp('20230915123000')?.toISOString()).toBe('2023-09-15T03:30:00.000Z');
    // Before 09:00 KST it is still the previous day in UTC.
    expect(parseKstTimestamp('20240101000000')?.toISOString()).toBe('2023-12-31T15:00:00.000Z');
    expect(parseKstTimestamp('20240229235959')?.toISOString()).toBe('2024-02-29T14:59:59.000Z');
  });

  it.each(['20230915240000', '20230915126000', '20230915123060', '20230231120000', '202309151230', '2023091512300a', ''])(
    'rejects %j',
    (raw) => {
      expect(parseKstTimestamp(raw)).toBeNull();
    },
  );
});

describe('parseAmount', () => {
  it.each([
    ['10000', 10000],
    ['0', 0],
    ['0002500', 2500],
    [' 2500 ', 2500],
    ['1,000,000', 1000000],
  ])('%j → %d', (raw, amount) => {
    expect(parseAmount(raw)).toBe(amount);
  });

  it.each(['-5', '2500.00', '1,00', '1,0000', ',100', '1e5', '0x10', '1만', '99999999999999999999', ''])('rejects %j', (raw) => {
    expect(parseAmount(raw)).toBeNull();
  });
});

describe('expiry', () => {
  it('ends a date at 00:00 KST of the next day, across month and year ends', () => {
    expect(new Date(endOfKstDay('2023-12-31')).toISOString()).toBe('2023-12-31T15:00:00.000Z');
    expect(new Date(endOfKstDay('2024-02-28')).toISOString()).toBe('2024-02-28T15:00:00.000Z');
  });

  it('applies only to unused coupons with a date', () => {
    const unused = parseStatus('000');
    const after = endOfKstDay('2023-12-31');
    expect(isExpired(unused, '2023-12-31', after)).toBe(true);
    expect(isExpired(unused, '2023-12-31', after - 1)).toBe(false);
    expect(isExpired(parseStatus('001'), '2023-12-31', after)).toBe(false);
    expect(isExpired(parseStatus('999'), '2023-12-31', after)).toBe(false);
    expect(isExpired(unused, null, after)).toBe(false);
    expect(isExpired(null, '2023-12-31', after)).toBe(false);
  });
});

describe('typeOrder', () => {
  it('types every field and keeps raw', () => {
    const raw = { COUPON_TYPE: 'BARCODE', STATUS: '100', BARCODE_NUM: '0099', CANCEL_DATE: '20231001090000', TOTAL_AMOUNT: 'x' };
    const order = typeOrder(raw, 0);
    expect(order.couponType?.kind).toBe('exchange');
    expect(order.status?.kind).toBe('cancelled');
    expect(order.barcode).toBe('0099');
    expect(order.cancelledAt?.toISOString()).toBe('2023-10-01T00:00:00.000Z');
    expect(order.totalAmount).toBeNull();
    expect(order.receiverMobile).toBeNull();
    expect(order.raw).toEqual(raw);
    expect(order.raw).not.toBe(raw);
  });
});
