import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { answer, type AnswerContext } from '../../../src/coufun/sandbox/answer.js';
import type { Reply } from '../../../src/coufun/sandbox/scenario.js';
import { SANDBOX_GOODS } from '../../../src/coufun/environments.js';
import { SANDBOX_SEEDS } from '../../../src/coufun/sandbox/seeds.js';
import { count, FIXED_NOW, resultCode, tag } from './http.js';

function ctx(overrides: Partial<AnswerContext> = {}): AnswerContext {
  const hits = new Set<string>();
  return {
    pocId: 'SANDBOX',
    nowMs: FIXED_NOW,
    firstHit: (b) => (hits.has(b) ? false : (hits.add(b), true)),
    ...overrides,
  };
}

function ask(goodsId: string, barcode: string, c: AnswerContext = ctx(), pocId = 'SANDBOX'): Reply {
  return answer(new URLSearchParams({ POC_ID: pocId, GOODS_ID: goodsId, BARCODE_NUM: barcode }), c);
}

describe('SANDBOX_SEEDS', () => {
  it('has unique barcodes of at most 30 letters, digits, "-" or "_"', () => {
    const barcodes = SANDBOX_SEEDS.map((s) => s.barcode);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    for (const b of barcodes) expect(b).toMatch(/^[A-Za-z0-9_-]{1,30}$/);
  });

  it('includes several realistic numeric barcodes with leading zeros', () => {
    const zeros = SANDBOX_SEEDS.filter((s) => /^0\d{11,}$/.test(s.barcode));
    expect(zeros.length).toBeGreaterThanOrEqual(5);
  });

  it('gives every seed a sandbox product, a Korean label and one English sentence', () => {
    const goods = new Set(SANDBOX_GOODS.map((g) => g.id));
    for (const s of SANDBOX_SEEDS) {
      expect(goods.has(s.goodsId), s.barcode).toBe(true);
      expect(s.label, s.barcode).toMatch(/[가-힣]/);
      expect(s.demonstrates, s.barcode).toMatch(/^[A-Z].*\.$/);
    }
    for (const g of SANDBOX_GOODS) expect(g.id).toMatch(/^\d{10}$/);
  });

  it('covers all three groups, every required vendor code and every fault', () => {
    const codes = SANDBOX_SEEDS.filter((s) => s.group === 'vendor-error').map((s) => resultCode(ask(s.goodsId, s.barcode).xml));
    expect(codes).toEqual(expect.arrayContaining(['01', '98', '09', '17', '99', '77', '50']));
    const faults = SANDBOX_SEEDS.filter((s) => s.group === 'fault').map((s) => ask(s.goodsId, s.barcode));
    const kinds = faults.flatMap((r) => (r.kind === 'fault' ? [r.fault] : []));
    expect(new Set(kinds)).toEqual(new Set(['slow', 'hang', 'http500', 'html200', 'truncated', 'oversize', 'redirect', 'reset']));
    expect(SANDBOX_SEEDS.filter((s) => s.group === 'coupon').length).toBeGreaterThanOrEqual(14);
  });

  it('writes every seed answer in characters EUC-KR/CP949 can carry (nothing turns into "?")', () => {
    for (const s of SANDBOX_SEEDS) {
      const xml = ask(s.goodsId, s.barcode).xml;
      expect(iconv.decode(iconv.encode(xml, 'euc-kr'), 'euc-kr'), s.barcode).toBe(xml);
    }
  });
});

describe('answer (protocol core)', () => {
  it('answers 99 naming the first missing or empty field', () => {
    const c = ctx();
    const none = answer(new URLSearchParams(), c).xml;
    expect(resultCode(none)).toBe('99');
    expect(none).toContain('(POC_ID)');
    const empty = answer(new URLSearchParams({ POC_ID: 'SANDBOX', GOODS_ID: '0000133518', BARCODE_NUM: '' }), c).xml;
    expect(resultCode(empty)).toBe('99');
    expect(empty).toContain('(BARCODE_NUM)');
    expect(empty).toMatch(/[가-힣]/);
  });

  it('checks POC_ID (02), then the barcode (16), then the goods (31)', () => {
    expect(ask('0000133518', '001133518001', ctx(), 'OTHER').xml).toContain(tag('RESULT_CODE', '02'));
    expect(ask('0000133518', '001133518001', ctx(), 'OTHER').xml).toContain('POC_ID 오류입니다.');
    expect(ask('0000133518', '999999999999').xml).toContain(tag('RESULT_CODE', '16'));
    expect(ask('0000999999', '001133518001').xml).toContain(tag('RESULT_CODE', '31'));
    expect(ask('0000999999', '001133518001').xml).toContain('판매상품 ID 오류입니다.');
    expect(resultCode(ask('0000133518', '001133518001', ctx({ pocId: 'MYPOC' }), 'MYPOC').xml)).toBe('00');
  });

  it("dates seeds relative to the clock's KST today", () => {
    const unused = ask('0000999999', '012345678901').xml;
    expect(unused).toContain(tag('ORDER_DATE', '20240131'));
    expect(unused).toContain(tag('VALID_END_DATE', '20240430'));
    expect(ask('0000412290', '004122900017').xml).toContain(tag('VALID_END_DATE', '20240229'));
    expect(ask('0000999999', '012345678902').xml).toContain(tag('EXCHANGE_DATE', '20240227123000'));
    const later = ask('0000412290', '004122900017', ctx({ nowMs: Date.UTC(2031, 6, 15) })).xml;
    expect(later).toContain(tag('VALID_END_DATE', '20310714'));
  });

  it('answers SIM… barcodes with any sandbox goods, deterministically, with the full balance left', () => {
    const a = ask('0000999999', 'SIMbench0001').xml;
    expect(ask('0000133518', 'SIMbench0001').xml).toBe(a);
    expect(a).toContain(tag('COUPON_TYPE', 'AMOUNT'));
    expect(a).toContain(tag('STATUS', '000'));
    const total = /<TOTAL_AMOUNT>(\d+)</.exec(a)?.[1];
    expect(['5000', '10000', '20000', '30000', '50000']).toContain(total);
    expect(a).toContain(tag('REMAIN_AMOUNT', total ?? ''));
    const totals = new Set(
      ['SIMaaaaa', 'SIMbbbbb', 'SIMccccc', 'SIMddddd', 'SIMeeeee', 'SIMfffff'].map(
        (b) => /<TOTAL_AMOUNT>(\d+)</.exec(ask('0000999999', b).xml)?.[1],
      ),
    );
    expect(totals.size).toBeGreaterThan(1);
    expect(resultCode(ask('1234567890', 'SIMbench0001').xml)).toBe('31');
    expect(resultCode(ask('0000999999', 'SIM1234').xml)).toBe('16'); // 4 characters after SIM
    expect(resultCode(ask('0000999999', `SIM${'x'.repeat(28)}`).xml)).toBe('16');
  });

  it('fails a flaky seed only on its first hit', () => {
    const c = ctx();
    expect(resultCode(ask('0000133518', 'FLAKY-50', c).xml)).toBe('50');
    expect(resultCode(ask('0000133518', 'FLAKY-50', c).xml)).toBe('00');
    expect(ask('0000133518', 'FLAKY-500', c)).toMatchObject({ kind: 'fault', fault: 'http500' });
    expect(ask('0000133518', 'FLAKY-500', c).kind).toBe('xml');
  });

  it('keeps the three-order and one-block shapes', () => {
    const three = ask('0000412290', '004122900025').xml;
    expect(count(three, '<ORDER_INFO>')).toBe(3);
    for (const s of ['000', '001', '100']) expect(three).toContain(tag('STATUS', s));
    expect(count(ask('0000412290', '004122900033').xml, '<ORDER_INFO>')).toBe(1);
  });
});
