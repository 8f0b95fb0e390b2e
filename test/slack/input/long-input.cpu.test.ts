/**
 * A message shortcut on a 40,000-character complaint (Slack's own limit) is read in linear
 * time: CPU time of the extractor grows with the text, not with its square, for the shapes
 * that used to be quadratic (digit groups, hyphen runs, dotted words before no `@`, repeated
 * product names) and the ones that must stay cheap (Korean prose, phone and order numbers).
 */
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../../src/config/catalog.js';
import { extract, MAX_SCANNED_CHARS } from '../../../src/slack/input/extract.js';
import { messageText } from '../../../src/slack/input/message-text.js';
import { fill, growthRatio, LINEAR_BOUND } from '../../support/growth.js';

const { catalog } = parseCatalog(
  [
    '0000133518=스타벅스 아메리카노 T',
    '0000200001=스타벅스 아메리카노 T 2잔',
    '0000999999=배민 상품권 1만원',
    '0000000001=배민',
    'CU-5000=CU 모바일상품권 5천원',
  ].join(';'),
);

const SHAPES: readonly (readonly [string, string])[] = [
  [
    'a complaint with every kind of number',
    '고객님 쿠폰 0123-4567-8901 이 안 됩니다. 010-1234-5678, 주문번호 20240115-0001234, 3,000원, 배민 상품권 1만원. ',
  ],
  ['space-separated digit groups', '1234 '],
  ['one endless hyphen run', '1234-'],
  ['dotted words with no @', 'a.'],
  ['letters and digits with no separator', 'ab12'],
  ['Korean prose', '고객님께서 사용이 안 된다고 하십니다 '],
  ['phone numbers', '010-1234-5678 '],
  ['labelled order numbers', '주문번호 ::: ---- 123456789012 '],
  ['product names inside longer names', '배민 상품권 1만원 배민 스타벅스 아메리카노 T 2잔 '],
  ['Slack links and mentions', '<@U0ALICE> <https://example.com/a|링크> <#C0CHAN|cs> '],
  ['amounts', '1,234,567,890원 '],
];

describe('extract on long complaints', () => {
  it.each(SHAPES)('CPU grows linearly from 4,000 to 40,000 characters: %s', (_what, unit) => {
    const ratio = growthRatio((t) => extract(t, catalog), fill(unit, 4_000), fill(unit, 40_000));
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });

  it('also through messageText, with blocks as long as the text', () => {
    const message = (chars: number) => ({
      text: fill('고객 쿠폰 1234 5678 ', chars),
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: fill('배민 상품권 1만원 0123-4567-', chars) } }],
    });
    const small = message(4_000);
    const big = message(40_000);
    const read = (m: ReturnType<typeof message>) => extract(messageText(m), catalog);
    for (let i = 0; i < 3; i += 1) {
      read(small);
      read(big);
    }
    const ratio = growthRatio((t) => extract(t, catalog), messageText(small), messageText(big));
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });

  it('still finds the coupon and the product at the end of a 40,000-character complaint', () => {
    const text = `${fill('고객님 문의 010-1234-5678 1234 5678 a.b.c ', 39_900)} 배민 상품권 1만원 쿠폰번호 0123-4567-8901`;
    const found = extract(text, catalog);
    expect(found.barcodes).toEqual(['012345678901']);
    expect(found.goods.map((g) => g.id)).toEqual(['0000999999']);
  });

  it('reads no further than MAX_SCANNED_CHARS of a huge payload', () => {
    const tail = ' 쿠폰번호 0123-4567-8901';
    expect(extract(`${' '.repeat(MAX_SCANNED_CHARS)}${tail}`, catalog).barcodes).toEqual([]);
    expect(extract(`${' '.repeat(MAX_SCANNED_CHARS - tail.length)}${tail}`, catalog).barcodes).toEqual(['012345678901']);
  });

  it('blanks e-mail addresses as before, including one after a long dotted run', () => {
    const text = `${'a.'.repeat(5_000)} 문의 help.desk+cs@example.co.kr 쿠폰 0123-4567-8901`;
    const found = extract(text, catalog);
    expect(found.barcodes).toEqual(['012345678901']);
    expect(extract('연락 0123456789012@example.com 쿠폰 0123-4567-8902', catalog).barcodes).toEqual(['012345678902']);
  });
});

describe('messageText on large messages', () => {
  const message = (elements: number) => ({
    text: '알림',
    blocks: [
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: Array.from({ length: elements }, (_, i) =>
              i % 3 === 0
                ? { type: 'text', text: '쿠폰 0123-4567-8901 ' }
                : i % 3 === 1
                  ? { type: 'link', url: 'https://example.com/x', text: '링크' }
                  : { type: 'user', user_id: 'U0ALICE' },
            ),
          },
        ],
      },
    ],
    attachments: Array.from({ length: elements / 100 }, () => ({
      title: '문의',
      fields: [{ title: '쿠폰번호', value: '0123 4567 8901' }],
    })),
  });

  it('reads ten times the elements in about ten times the CPU', () => {
    const small = message(1_000);
    const big = message(10_000);
    const ratio = growthRatio(messageText, small, big);
    expect(ratio).toBeLessThan(LINEAR_BOUND);
  });
});
