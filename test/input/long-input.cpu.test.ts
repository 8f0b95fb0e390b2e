/**
 * `/coupon` text of thousands of words is read in linear time: the goods lookup tries only as
 * many leading words as the catalog's longest name (counted at the catalog, the work it is
 * given), and CPU time grows with the text, not with its square.
 */
import { describe, expect, it } from 'vitest';
import { parseCatalog, type Catalog } from '../../src/config/catalog.js';
import { parseCouponCommand } from '../../src/input/command-text.js';
import { fill, growthRatio, LINEAR_BOUND } from '../support/growth.js';

const { catalog } = parseCatalog(
  [
    '0000133518=스타벅스 아메리카노 T',
    '0000200001=스타벅스 아메리카노 T 2잔',
    '0000999999=배민 상품권 1만원',
    'CU-5000=CU 모바일상품권 5천원',
  ].join(';'),
);

/** The catalog, counting what `find` is asked: calls and characters handed to it. */
function counting(inner: Catalog): { catalog: Catalog; calls: () => number; chars: () => number } {
  let calls = 0;
  let chars = 0;
  return {
    catalog: {
      entries: inner.entries,
      nameOf: (id) => inner.nameOf(id),
      find(input) {
        calls += 1;
        chars += input.length;
        return inner.find(input);
      },
    },
    calls: () => calls,
    chars: () => chars,
  };
}

function words(n: number, unit: readonly string[]): string {
  return Array.from({ length: n }, (_, i) => unit[i % unit.length]).join(' ');
}

const MIXED = ['고객님', '0123-4567-8901', '010-1234-5678', '배민', '상품권', '1234', '5678', '3,000원', 'CF-1234-5678', '쿠폰'];

describe('parseCouponCommand on long text', () => {
  it.each([1_000, 5_000, 20_000])(
    'asks the catalog at most 4 times (its longest name) for %i words, and reads each character a bounded number of times',
    (n) => {
      const text = `배민 상품권 1만원 ${words(n, MIXED)}`;
      const probe = counting(catalog);
      const parsed = parseCouponCommand(text, probe.catalog);
      // The longest name, "스타벅스 아메리카노 T 2잔", has 4 words.
      expect(probe.calls()).toBeLessThanOrEqual(4);
      expect(probe.chars()).toBeLessThanOrEqual(4 * 40);
      expect(parsed).toMatchObject({ kind: 'too_many_barcodes', max: 5 });
    },
  );

  it('still finds the longest name among many words', () => {
    const probe = counting(catalog);
    const parsed = parseCouponCommand(`스타벅스 아메리카노 T 2잔 012345678901 ${words(5_000, ['012345678901'])}`, probe.catalog);
    expect(parsed).toEqual({
      kind: 'lookup',
      goods: { goodsId: '0000200001', name: '스타벅스 아메리카노 T 2잔' },
      barcodes: ['012345678901'],
    });
    const ok = parseCouponCommand('스타벅스 아메리카노 T 2잔 012345678901', probe.catalog);
    expect(ok).toEqual({ kind: 'lookup', goods: { goodsId: '0000200001', name: '스타벅스 아메리카노 T 2잔' }, barcodes: ['012345678901'] });
  });

  it.each([
    ['mixed words', `${MIXED.join(' ')} `],
    ['digit groups', '1234 '],
    ['Korean words', '가나다라 배민 '],
    ['hyphenated numbers', '0123-4567-8901 '],
    ['one endless word', 'a'],
    ['full-width digits', '０１２３４５６７８９ '],
  ])('CPU grows linearly from 4,000 to 40,000 characters: %s', (_what, unit) => {
    const ratio = growthRatio((t) => parseCouponCommand(t, catalog), fill(unit, 4_000), fill(unit, 40_000));
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });
});
