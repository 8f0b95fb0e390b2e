import { describe, expect, it } from 'vitest';
import { parseResponse } from '../../src/coufun/codec.js';
import type { CoufunResult, Order } from '../../src/coufun/types.js';
import { MANUAL_FAILURE_XML, MANUAL_SUCCESS_XML, eucKr, failureXml, flatXml, ordersXml, sampleOrder } from './fixtures.js';

const NOW = Date.parse('2023-10-01T00:00:00Z');
const CT = 'text/xml; charset=EUC-KR';

function ordersOf(result: CoufunResult): readonly Order[] {
  if (!result.ok) throw new Error(`expected success, got code ${result.code}`);
  return result.orders;
}

function parseOne(xml: string): Order {
  const orders = ordersOf(parseResponse(eucKr(xml), CT, NOW));
  expect(orders).toHaveLength(1);
  return orders[0]!;
}

describe('parseResponse: the manual examples', () => {
  it('reads the success example into one typed order', () => {
    const result = parseResponse(eucKr(MANUAL_SUCCESS_XML), CT, NOW);
    expect(result.ok).toBe(true);
    expect(result.code).toBe('00');
    expect(result.message).toBe('SUCCESS');
    const [order] = ordersOf(result);
    expect(order?.couponType).toEqual({ kind: 'amount', raw: 'AMOUNT' });
    expect(order?.status).toEqual({ kind: 'unused', raw: '000' });
    expect(order?.barcode).toBe('ABC1234567890');
    expect(order?.receiverMobile).toBe('01012345678');
    expect(order?.orderDate).toBe('2023-09-15');
    expect(order?.validEndDate).toBe('2023-12-31');
    expect(order?.exchangedAt?.toISOString()).toBe('2023-09-15T03:30:00.000Z');
    expect(order?.cancelledAt).toBeNull();
    expect(order?.totalAmount).toBe(10000);
    expect(order?.remainAmount).toBe(2500);
    expect(order?.expired).toBe(false);
    expect(order?.raw.CANCEL_DATE).toBeUndefined();
    expect(order?.raw.STATUS).toBe('000');
  });

  it('reads the failure example as a vendor failure', () => {
    const result = parseResponse(eucKr(MANUAL_FAILURE_XML), CT, NOW);
    expect(result).toEqual({ ok: false, code: '99', message: 'ERROR MESSAGE' });
  });
});

describe('parseResponse: the three shapes', () => {
  it('reads exactly one <ORDER_INFO> block', () => {
    const order = parseOne(ordersXml([sampleOrder({ BARCODE_NUM: 'ONE1' })]));
    expect(order.barcode).toBe('ONE1');
  });

  it('reads several <ORDER_INFO> blocks in vendor order', () => {
    const xml = ordersXml([
      sampleOrder({ BARCODE_NUM: 'FIRST', STATUS: '001' }),
      sampleOrder({ BARCODE_NUM: 'SECOND', STATUS: '100', COUPON_TYPE: 'BARCODE' }),
    ]);
    const orders = ordersOf(parseResponse(eucKr(xml), CT, NOW));
    expect(orders.map((o) => o.barcode)).toEqual(['FIRST', 'SECOND']);
    expect(orders[0]?.status?.kind).toBe('used');
    expect(orders[1]?.status?.kind).toBe('cancelled');
    expect(orders[1]?.couponType?.kind).toBe('exchange');
  });

  it('accepts 10 orders', () => {
    const ten = Array.from({ length: 10 }, (_, i) => sampleOrder({ BARCODE_NUM: `B${i}` }));
    const orders = ordersOf(parseResponse(eucKr(ordersXml(ten)), CT, NOW));
    expect(orders).toHaveLength(10);
    expect(orders[9]?.barcode).toBe('B9');
  });

  it('uses the blocks, not a root-level echo, when both are present', () => {
    const xml = ordersXml([sampleOrder({ BARCODE_NUM: 'INBLOCK' })], { rootFields: { BARCODE_NUM: 'ECHO' } });
    expect(parseOne(xml).barcode).toBe('INBLOCK');
  });

  it('skips an empty <ORDER_INFO/> block among real ones', () => {
    const xml = ordersXml([sampleOrder({ BARCODE_NUM: 'REAL' })]).replace('<ORDER_INFO>', '<ORDER_INFO/>\n  <ORDER_INFO>');
    expect(parseOne(xml).barcode).toBe('REAL');
  });

  it('reads the flat order fields when every <ORDER_INFO> block beside them is empty', () => {
    const flat = flatXml(sampleOrder({ BARCODE_NUM: 'FLAT' }));
    const after = flat.replace('</COUFUNSEARCH>', '  <ORDER_INFO/>\n</COUFUNSEARCH>');
    const before = flat.replace('<RESULT_CODE>', '<ORDER_INFO></ORDER_INFO>\n  <ORDER_INFO/>\n  <RESULT_CODE>');
    expect(parseOne(after)).toMatchObject({ barcode: 'FLAT', status: { kind: 'unused' } });
    expect(parseOne(before).barcode).toBe('FLAT');
  });

  it('ignores order fields of a failure answer', () => {
    const result = parseResponse(eucKr(flatXml(sampleOrder(), { code: '17', message: 'USED' })), CT, NOW);
    expect(result).toEqual({ ok: false, code: '17', message: 'USED' });
  });
});

describe('parseResponse: values stay strings', () => {
  it('keeps leading zeros in STATUS, barcode and phone', () => {
    const order = parseOne(flatXml(sampleOrder({ BARCODE_NUM: '012345678901', RECEIVER_MOBILE: '01012345678', STATUS: '001' })));
    expect(order.barcode).toBe('012345678901');
    expect(order.raw.BARCODE_NUM).toBe('012345678901');
    expect(order.receiverMobile).toBe('01012345678');
    expect(order.raw.STATUS).toBe('001');
    expect(order.status?.raw).toBe('001');
  });

  it('reads an empty RESULT_MSG as an empty message', () => {
    expect(parseResponse(eucKr(failureXml('16', '')), CT, NOW)).toEqual({ ok: false, code: '16', message: '' });
  });

  it('keeps a numeric-looking RESULT_CODE and message as text', () => {
    const result = parseResponse(eucKr(failureXml('04', '0012')), CT, NOW);
    expect(result).toEqual({ ok: false, code: '04', message: '0012' });
  });

  it('does not read a barcode in exponent form as a number', () => {
    expect(parseOne(flatXml(sampleOrder({ BARCODE_NUM: '1E5' }))).barcode).toBe('1E5');
  });

  it('trims whitespace and newline padding', () => {
    const xml = flatXml(sampleOrder({ STATUS: { xml: '\n    000\n  ' }, BARCODE_NUM: { xml: '  \tB123 \r\n' } }), {
      message: { xml: '\n   SUCCESS   \n' },
    });
    const result = parseResponse(eucKr(xml), CT, NOW);
    expect(result.message).toBe('SUCCESS');
    const [order] = ordersOf(result);
    expect(order?.status?.kind).toBe('unused');
    expect(order?.barcode).toBe('B123');
    expect(order?.raw.BARCODE_NUM).toBe('B123');
  });

  it.each([
    ['self-closing', null],
    ['open and close', ''],
    ['whitespace only', { xml: '  \n ' }],
  ] as const)('treats an empty CANCEL_DATE (%s) as no value', (_name, value) => {
    const order = parseOne(flatXml(sampleOrder({ CANCEL_DATE: value })));
    expect(order.cancelledAt).toBeNull();
    expect('CANCEL_DATE' in order.raw).toBe(false);
  });

  it('reads a CDATA message and decodes builtin entities', () => {
    const cdata = flatXml(sampleOrder(), { message: { cdata: 'OK <done> & "fine"' } });
    expect(parseResponse(eucKr(cdata), CT, NOW).message).toBe('OK <done> & "fine"');
    const escaped = flatXml(sampleOrder(), { message: 'A & B <c>' });
    expect(parseResponse(eucKr(escaped), CT, NOW).message).toBe('A & B <c>');
  });

  it('decodes character references but leaves DOCTYPE-declared entities unexpanded', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE COUFUNSEARCH [<!ENTITY boom "EXPANDED">]>
<COUFUNSEARCH><RESULT_CODE>99</RESULT_CODE><RESULT_MSG>&#44608; &#x6B;&boom;</RESULT_MSG></COUFUNSEARCH>`;
    const result = parseResponse(eucKr(xml), CT, NOW);
    expect(result.message).toBe('김 k&boom;');
    expect(result.message).not.toContain('EXPANDED');
  });

  it('keeps unknown STATUS and COUPON_TYPE raw', () => {
    const order = parseOne(flatXml(sampleOrder({ STATUS: '200', COUPON_TYPE: 'GIFT' })));
    expect(order.status).toEqual({ kind: 'unknown', raw: '200' });
    expect(order.couponType).toEqual({ kind: 'unknown', raw: 'GIFT' });
    expect(order.expired).toBe(false);
  });

  it('types invalid dates and amounts as null but keeps them raw', () => {
    const order = parseOne(
      flatXml(sampleOrder({ VALID_END_DATE: '20230231', EXCHANGE_DATE: '20230915246000', TOTAL_AMOUNT: '1만원', REMAIN_AMOUNT: '-5' })),
    );
    expect(order.validEndDate).toBeNull();
    expect(order.raw.VALID_END_DATE).toBe('20230231');
    expect(order.exchangedAt).toBeNull();
    expect(order.raw.EXCHANGE_DATE).toBe('20230915246000');
    expect(order.totalAmount).toBeNull();
    expect(order.raw.TOTAL_AMOUNT).toBe('1만원');
    expect(order.remainAmount).toBeNull();
    expect(order.raw.REMAIN_AMOUNT).toBe('-5');
  });

  it('leaves absent fields null and out of raw', () => {
    const order = parseOne(flatXml({ STATUS: '000', BARCODE_NUM: 'X1' }));
    expect(order.couponType).toBeNull();
    expect(order.validEndDate).toBeNull();
    expect(order.totalAmount).toBeNull();
    expect(order.expired).toBe(false);
    expect(Object.keys(order.raw).sort()).toEqual(['BARCODE_NUM', 'STATUS']);
  });
});

describe('parseResponse: expiry judged by the injected clock', () => {
  const xml = flatXml(sampleOrder({ STATUS: '000', VALID_END_DATE: '20231231' }));
  // 2024-01-01 00:00 KST is 2023-12-31 15:00 UTC.
  const boundary = Date.parse('2023-12-31T15:00:00Z');

  it('is expired from 00:00 KST of the next day', () => {
    expect(ordersOf(parseResponse(eucKr(xml), CT, boundary))[0]?.expired).toBe(true);
  });

  it('is not expired one millisecond before', () => {
    expect(ordersOf(parseResponse(eucKr(xml), CT, boundary - 1))[0]?.expired).toBe(false);
  });

  it('never marks a used or cancelled coupon expired', () => {
    for (const status of ['001', '100']) {
      const order = ordersOf(parseResponse(eucKr(flatXml(sampleOrder({ STATUS: status }))), CT, boundary + 86_400_000))[0];
      expect(order?.expired).toBe(false);
    }
  });
});
