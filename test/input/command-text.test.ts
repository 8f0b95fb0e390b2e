import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, parseCatalog } from '../../src/config/catalog.js';
import { parseCouponCommand, type CouponCommand } from '../../src/input/command-text.js';
import { MAX_BARCODES } from '../../src/config/limits.js';

const { catalog, problems } = parseCatalog(
  [
    '0000133518=스타벅스 아메리카노 T',
    '0000200001=스타벅스 아메리카노 T 2잔',
    '0000999999=배민 상품권 1만원',
    'CU-5000=CU 모바일상품권 5천원',
    'GIFT=Gift',
  ].join(';'),
);

const AMERICANO = { goodsId: '0000133518', name: '스타벅스 아메리카노 T' };
const B1 = '012345678901';
const B2 = 'SIM0000000002';

function parse(text: string): CouponCommand {
  return parseCouponCommand(text, catalog);
}

describe('parseCouponCommand: help', () => {
  it('the catalog fixture is valid', () => {
    expect(problems).toEqual([]);
  });

  it.each(['', '   ', 'help', 'HELP', 'Help', '도움말', '?', '-h', '--help', '  help  '])('%j → help', (text) => {
    expect(parse(text)).toEqual({ kind: 'help' });
  });

  it('a help word followed by more is not help', () => {
    expect(parse('help 012345678901').kind).not.toBe('help');
  });
});

describe('parseCouponCommand: goods', () => {
  it('by catalog ID, with its name', () => {
    expect(parse(`0000133518 ${B1}`)).toEqual({ kind: 'lookup', goods: AMERICANO, barcodes: [B1] });
  });

  it('by a multi-word catalog name', () => {
    expect(parse(`스타벅스 아메리카노 T ${B1}`)).toEqual({ kind: 'lookup', goods: AMERICANO, barcodes: [B1] });
  });

  it('by name, ignoring case and extra spaces', () => {
    expect(parse(`cu   모바일상품권 5천원 ${B1}`)).toEqual({
      kind: 'lookup',
      goods: { goodsId: 'CU-5000', name: 'CU 모바일상품권 5천원' },
      barcodes: [B1],
    });
  });

  it('the longest name wins when one name begins another', () => {
    expect(parse(`스타벅스 아메리카노 T 2잔 ${B1}`)).toEqual({
      kind: 'lookup',
      goods: { goodsId: '0000200001', name: '스타벅스 아메리카노 T 2잔' },
      barcodes: [B1],
    });
  });

  it('an ID not in the catalog is used as a raw goods ID, without a name', () => {
    expect(parse(`0000777001 ${B1}`)).toEqual({ kind: 'lookup', goods: { goodsId: '0000777001' }, barcodes: [B1] });
    expect(parseCouponCommand(`0000133518 ${B1}`, EMPTY_CATALOG)).toEqual({
      kind: 'lookup',
      goods: { goodsId: '0000133518' },
      barcodes: [B1],
    });
  });

  it('tabs and newlines separate words too', () => {
    expect(parse(`0000133518\t${B1}\n${B2}`)).toEqual({ kind: 'lookup', goods: AMERICANO, barcodes: [B1, B2] });
  });

  it('an unknown name is taken word by word: its first word is an invalid goods ID', () => {
    const r = parse(`없는 상품 ${B1}`);
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.error.field).toBe('GOODS_ID');
    expect(r.error.rule).toBe('charset');
    expect(r.position).toBeUndefined();
  });

  it('a goods ID over 10 bytes is invalid', () => {
    const r = parse(`ABCDEFGHIJK ${B1}`);
    expect(r).toMatchObject({ kind: 'invalid', error: { field: 'GOODS_ID', rule: 'max_bytes', detail: { limit: 10, actual: 11 } } });
  });
});

describe('parseCouponCommand: barcodes', () => {
  it('goods without a barcode → missing_barcode, with the goods', () => {
    expect(parse('0000133518')).toEqual({ kind: 'missing_barcode', goods: AMERICANO });
    expect(parse('스타벅스 아메리카노 T')).toEqual({ kind: 'missing_barcode', goods: AMERICANO });
    expect(parse('0000777001')).toEqual({ kind: 'missing_barcode', goods: { goodsId: '0000777001' } });
  });

  it(`up to ${MAX_BARCODES} barcodes, in the order typed`, () => {
    const five = ['B0000000001', 'B0000000002', 'B0000000003', 'B0000000004', 'B0000000005'];
    expect(MAX_BARCODES).toBe(5);
    expect(parse(`GIFT ${five.join(' ')}`)).toEqual({ kind: 'lookup', goods: { goodsId: 'GIFT', name: 'Gift' }, barcodes: five });
  });

  it('more than five → too_many_barcodes with the count', () => {
    const six = ['B1', 'B2', 'B3', 'B4', 'B5', 'B6'];
    expect(parse(`GIFT ${six.join(' ')}`)).toEqual({ kind: 'too_many_barcodes', given: 6, max: 5 });
  });

  it('duplicates are looked up once, and do not count toward the limit', () => {
    expect(parse(`GIFT ${B1} ${B2} ${B1}`)).toEqual({ kind: 'lookup', goods: { goodsId: 'GIFT', name: 'Gift' }, barcodes: [B1, B2] });
    const r = parse('GIFT B1 B2 B3 B4 B5 B1 B2');
    expect(r).toMatchObject({ kind: 'lookup', barcodes: ['B1', 'B2', 'B3', 'B4', 'B5'] });
  });

  it('too many wins over an invalid barcode (one answer that covers the whole command)', () => {
    expect(parse('GIFT B1 B2 B3 B4 B5 B!6').kind).toBe('too_many_barcodes');
  });

  it('an invalid barcode is reported with its position and the offending character only', () => {
    const r = parse(`GIFT ${B1} 1234!5678 ${B2}`);
    expect(r).toMatchObject({ kind: 'invalid', position: 2, error: { field: 'BARCODE_NUM', rule: 'charset', detail: { char: '!' } } });
    if (r.kind !== 'invalid') return;
    expect(r.error.message).not.toContain('1234');
  });

  it('the position counts the words as typed, duplicates included', () => {
    expect(parse(`GIFT ${B1} ${B1} bad#`)).toMatchObject({ kind: 'invalid', position: 3 });
  });

  it('the first invalid barcode is the one reported', () => {
    expect(parse('GIFT B1 x@ y$')).toMatchObject({ kind: 'invalid', position: 2, error: { detail: { char: '@' } } });
  });

  it('a barcode over 30 bytes is invalid', () => {
    expect(parse(`GIFT ${'1'.repeat(31)}`)).toMatchObject({
      kind: 'invalid',
      position: 1,
      error: { field: 'BARCODE_NUM', rule: 'max_bytes', detail: { limit: 30, actual: 31 } },
    });
    expect(parse(`GIFT ${'1'.repeat(30)}`).kind).toBe('lookup');
  });

  it('full-width digits (a Korean IME) are read as ASCII digits', () => {
    expect(parse('GIFT １２３４５６７８９０')).toMatchObject({ kind: 'lookup', barcodes: ['1234567890'] });
  });

  it('a hyphen-grouped number is one barcode, as on the printed coupon', () => {
    expect(parse('GIFT 0123-4567-8901 0123‐4567‐8902')).toMatchObject({ kind: 'lookup', barcodes: ['012345678901', '012345678902'] });
  });

  it('hyphens inside a word with letters are kept', () => {
    expect(parse('GIFT CF-1234-5678')).toMatchObject({ kind: 'lookup', barcodes: ['CF-1234-5678'] });
  });

  it('a space-grouped number is one barcode; full numbers around it stay separate', () => {
    expect(parse('GIFT 0123 4567 8901')).toMatchObject({ kind: 'lookup', barcodes: ['012345678901'] });
    expect(parse('GIFT 012345678901 0123 4567 8902 012345678903')).toMatchObject({
      kind: 'lookup',
      barcodes: ['012345678901', '012345678902', '012345678903'],
    });
  });
});

describe('the coupon-number hint says what this reader accepts', () => {
  it('every example the hint gives (ko and en) is read as one coupon number', async () => {
    const { describeError } = await import('../../src/display/errors.js');
    const { ValidationError } = await import('../../src/coufun/errors.js');
    const e = new ValidationError('BARCODE_NUM', 'max_bytes', { limit: 30, actual: 31 });
    for (const locale of ['ko', 'en'] as const) {
      const hint = describeError(e, locale).hint ?? '';
      expect(hint, locale).not.toMatch(/공백 없이|without spaces/);
      const examples = hint.match(/\d{4}[- ]\d{4}[- ]\d{4}/g) ?? [];
      expect(examples.length, locale).toBeGreaterThan(0);
      for (const example of examples) {
        expect(parse(`0000133518 ${example}`), example).toEqual({ kind: 'lookup', goods: AMERICANO, barcodes: ['012345678902'] });
      }
    }
  });
});
