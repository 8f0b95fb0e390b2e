import { describe, expect, it } from 'vitest';
import {
  MAX_ORDER_FIELDS,
  ORDER_FIELD_TABLE,
  orderFieldRows,
  type OrderFacts,
  type OrderFieldSpec,
  type WithinCeiling,
} from '../../src/display/order-fields.js';
import { t } from '../../src/display/labels.js';
import { LIMITS } from '../../src/slack/render/limits.js';
import { amountOrder } from '../support/factories.js';

const facts: OrderFacts = {
  order: amountOrder(),
  locale: 'ko',
  typeLabel: '금액권',
  statusDetail: '미사용',
  barcode: '••••8902',
  expiryText: '2024-03-04 (3일 남음)',
  balance: { remain: '2,500원', total: '10,000원', used: '7,500원' },
  orderDate: '2024-02-01',
  exchangedAt: '2024-02-27 12:30',
  cancelledAt: '2024-02-28 09:00',
  receiver: '010-****-5678',
};

describe('the order field table', () => {
  it('fits one Block Kit section: at most ten fields, the limit the card renders into', () => {
    expect(MAX_ORDER_FIELDS).toBe(LIMITS.sectionFields);
    expect(ORDER_FIELD_TABLE.length).toBeLessThanOrEqual(MAX_ORDER_FIELDS);
  });

  it('an eleventh field is a compile error, not a run-time failure', () => {
    const spec: OrderFieldSpec = { key: 'x', label: 'type', value: () => 'x' };
    const eleven = [spec, spec, spec, spec, spec, spec, spec, spec, spec, spec, spec] as const;
    // @ts-expect-error eleven entries exceed the ceiling
    const tooMany: WithinCeiling<typeof eleven> = eleven;
    const ten = [spec, spec, spec, spec, spec, spec, spec, spec, spec, spec] as const;
    const fits: WithinCeiling<typeof ten> = ten;
    expect([eleven.length, fits.length, tooMany === eleven]).toEqual([11, 10, true]);
  });

  it('declares each field once, in display order: status first, the type not first', () => {
    const keys = ORDER_FIELD_TABLE.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toBe('status');
    // Today's fields, in this order; a new entry may go anywhere between them (docs/architecture.md, "Where a change goes":
    // a card field is one entry in the table plus its words) without editing this test.
    const today = ['status', 'type', 'barcode', 'expiry', 'balance', 'orderDate', 'exchangedAt', 'cancelledAt', 'receiver'];
    expect(keys.filter((k) => today.includes(k))).toEqual(today);
  });

  it('leaves out empty fields and says where each shows', () => {
    const rows = orderFieldRows({ ...facts, cancelledAt: null, balance: null }, t('ko').field);
    expect(rows.map((r) => r.key)).not.toContain('cancelledAt');
    expect(rows.map((r) => r.key)).not.toContain('balance');
    expect(rows.find((r) => r.key === 'type')?.on).toEqual(['card']);
    expect(rows.find((r) => r.key === 'receiver')).toMatchObject({ masked: true, on: ['card', 'terminal'], label: '수신번호' });
  });

  it('strips invisible and bidi characters from every value, whatever an entry returns', () => {
    const rows = orderFieldRows({ ...facts, statusDetail: 'A\u202Eb\u200Bc', orderDate: '\u2066\u2069' }, t('ko').field);
    expect(rows.find((r) => r.key === 'status')?.value).toBe('Abc');
    expect(rows.map((r) => r.key)).not.toContain('orderDate'); // nothing left to show
  });

  it('balance, face value and amount used read as one row', () => {
    const rows = orderFieldRows(facts, t('en').field);
    expect(rows.find((r) => r.key === 'balance')?.value).toBe('2,500원 (Face value 10,000원 · Used 7,500원)');
  });
});
