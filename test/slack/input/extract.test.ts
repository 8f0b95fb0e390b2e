import { describe, expect, it } from 'vitest';
import { EMPTY_CATALOG, parseCatalog } from '../../../src/config/catalog.js';
import { extract, MAX_EXTRACTED_BARCODES } from '../../../src/slack/input/extract.js';
import { messageText } from '../../../src/slack/input/message-text.js';

const { catalog } = parseCatalog(
  [
    '0000133518=스타벅스 아메리카노 T',
    '0000200001=스타벅스 아메리카노 T 2잔',
    '0000999999=배민 상품권 1만원',
    'CU-5000=CU 모바일상품권 5천원',
    'GS25-01=GS25 Cafe Latte',
  ].join(';'),
);

interface Case {
  readonly name: string;
  readonly text: string;
  readonly barcodes: readonly string[];
  readonly goods?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'hyphenated coupon number with a particle after it',
    text: '고객님 쿠폰 0123-4567-8901 이 사용이 안 된다고 합니다',
    barcodes: ['012345678901'],
  },
  {
    name: 'ops-channel ticket with goods, spaced coupon, phone and order date',
    text: '[CS] 고객 문의 - 스타벅스 아메리카노 T 쿠폰번호 0123 4567 8901 사용불가, 수신번호 010-9876-5432, 주문일 2024-03-02',
    barcodes: ['012345678901'],
    goods: ['0000133518'],
  },
  {
    name: 'bot-forwarded chat ticket (quoted lines, contact first)',
    text: '*[채널톡] 새 상담이 접수되었습니다*\n&gt; 고객명: 김*수\n&gt; 연락처: 010-2345-6789\n&gt; 내용: 배민 상품권 1만원 핀번호 9876 5432 1098 7654 입력하면 오류가 나요',
    barcodes: ['9876543210987654'],
    goods: ['0000999999'],
  },
  {
    name: 'bot-forwarded form with labelled fields',
    text: '[문의 접수 #4821]\n상품: CU 모바일상품권 5천원\n쿠폰번호: 5500112233445\n주문번호: 20240302-0000123\n휴대폰: 01055556666',
    barcodes: ['5500112233445'],
    goods: ['CU-5000'],
  },
  {
    name: 'several barcodes in a numbered list',
    text: '아래 3건 모두 사용처리 안 됨\n1) 1111 2222 3333\n2) 4444-5555-6666\n3) 777788889999',
    barcodes: ['111122223333', '444455556666', '777788889999'],
  },
  {
    name: 'more than five barcodes: the first five',
    text: '교환 안 되는 쿠폰 목록: 100000000001, 100000000002, 100000000003, 100000000004, 100000000005, 100000000006, 100000000007',
    barcodes: ['100000000001', '100000000002', '100000000003', '100000000004', '100000000005'],
  },
  {
    name: 'the same coupon written three ways',
    text: '쿠폰 123456789012 재확인 부탁드립니다. 123456789012 고객이 두 번 문의, 1234-5678-9012도 같은 건',
    barcodes: ['123456789012'],
  },
  {
    name: 'letters and digits mixed',
    text: '쿠펀 금액권 ABC1234567890 잔액 확인 요청드립니다',
    barcodes: ['ABC1234567890'],
  },
  { name: 'a mobile number only', text: '고객 연락처 010-1234-5678 으로 회신 부탁드립니다', barcodes: [] },
  { name: 'an unseparated mobile number only', text: '01012345678 번으로 문자 받으셨다고 합니다', barcodes: [] },
  {
    name: 'an international mobile number',
    text: 'Customer called from +82 10-1234-5678 about a coupon that will not redeem',
    barcodes: [],
  },
  { name: 'an international number without spaces', text: '해외 번호 +821012345678 로 연락 요망', barcodes: [] },
  { name: 'landline numbers', text: '매장 전화 02-1234-5678 / 031-123-4567 / 0311234567 에서 사용 거절', barcodes: [] },
  { name: 'a labelled order number only', text: '주문번호 20240115-0001234 취소 요청 건입니다', barcodes: [] },
  { name: 'an English order number', text: 'Order No. 2024011500012345 refund requested', barcodes: [] },
  { name: 'an unlabelled date-stamped order number', text: '20240301-00012345 건 환불 처리해주세요', barcodes: [] },
  { name: 'a timestamp after a date word', text: '교환일시 20230915123000 로 사용 처리되어 있음', barcodes: [] },
  {
    name: 'dotted and hyphenated dates beside a coupon',
    text: '유효기간 2024.12.31 까지인데 2024-03-02 에 사용 불가, 쿠폰 5555 6666 7777',
    barcodes: ['555566667777'],
  },
  {
    name: 'amounts in won',
    text: '금액권 10,000원 중 2,500원 남아야 하는데 잔액 0원으로 나옵니다. 10000000000원 결제 건, 바코드 ABCD12345678',
    barcodes: ['ABCD12345678'],
  },
  {
    name: 'a spaced coupon is not merged with a following amount or count',
    text: '1234 5678 9012 3000원 결제 후 잔액 문의, 1234 5678 9013 12장 구매',
    barcodes: ['123456789012', '123456789013'],
  },
  {
    name: 'two spaced coupons separated by words stay two',
    text: '1234 5678 9012 사용됨, 3456 7890 1234 미사용',
    barcodes: ['123456789012', '345678901234'],
  },
  {
    name: 'English message with a catalog ID',
    text: 'Hi team, customer says coupon 8801-2345-6789-0 is already used but they never redeemed it. Goods: GS25-01',
    barcodes: ['8801234567890'],
    goods: ['GS25-01'],
  },
  {
    name: 'English message naming goods in another case',
    text: 'Voucher no: 998877665544 for gs25 cafe latte is not working',
    barcodes: ['998877665544'],
    goods: ['GS25-01'],
  },
  {
    name: 'Slack mentions, channels and link targets are ignored',
    text: '<@U0123ABCD> 확인 부탁드려요 <#C0456EFGH|cs-coupon> <https://admin.example.com/orders/123456789012345|주문 상세> 번호 4321 8765 2109',
    barcodes: ['432187652109'],
  },
  {
    name: 'a link label is kept',
    text: '<https://coufun.example/c/1|쿠폰 1357924680135> 확인 부탁',
    barcodes: ['1357924680135'],
  },
  {
    name: 'a barcode label wins over the phone-number shape',
    text: '쿠폰번호: 0212345678 (고객이 전화번호로 착각하심)',
    barcodes: ['0212345678'],
  },
  {
    name: 'the longest catalog name wins',
    text: '스타벅스 아메리카노 T 2잔 쿠폰 246813579024 교환 불가',
    barcodes: ['246813579024'],
    goods: ['0000200001'],
  },
  {
    name: 'two goods named: both reported',
    text: '스타벅스 아메리카노 T 와 배민 상품권 1만원 둘 다 안 됨: 111122223333',
    barcodes: ['111122223333'],
    goods: ['0000133518', '0000999999'],
  },
  {
    name: 'a catalog ID is goods, not a barcode',
    text: '상품코드 0000133518 / 쿠폰 864209753186',
    barcodes: ['864209753186'],
    goods: ['0000133518'],
  },
  {
    name: 'a masked phone next to a coupon',
    text: '수신번호 010-****-5678, 쿠폰번호 2468 1357 9024 확인 요청',
    barcodes: ['246813579024'],
  },
  { name: 'an e-mail address with digits', text: '고객 이메일 user1234567890@example.com 으로 쿠폰 재발송 요청', barcodes: [] },
  { name: 'no number at all', text: '쿠폰이 안 돼요 ㅠㅠ 확인 부탁드립니다', barcodes: [] },
  { name: 'full-width digits', text: '쿠폰 ０１２３４５６７８９０１ 사용 불가', barcodes: ['012345678901'] },
  {
    name: 'a spaced phone number before a spaced coupon',
    text: 'Please call back at 010 1234 5678, coupon 5678 1234 9012 3456',
    barcodes: ['5678123490123456'],
  },
  { name: 'a UUID is too long to be a coupon', text: '요청 ID 550e8400-e29b-41d4-a716-446655440000 참고', barcodes: [] },
  { name: 'Slack-escaped angle brackets', text: '쿠폰 &lt;1234567890123&gt; 확인', barcodes: ['1234567890123'] },
];

describe('extract: complaint messages', () => {
  it.each(CASES)('$name', ({ text, barcodes, goods = [] }) => {
    const result = extract(text, catalog);
    expect(result.barcodes).toEqual(barcodes);
    expect(result.goods.map((g) => g.id)).toEqual(goods);
  });

  it('has a table of at least 25 messages', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });
});

describe('extract: details', () => {
  it('returns the readable text: mentions removed, link labels kept, entities decoded', () => {
    const { text } = extract('<@U1> 쿠폰 <https://x.example/1|상세 보기> A &amp; B', catalog);
    expect(text).not.toContain('U1');
    expect(text).not.toContain('https');
    expect(text).toContain('상세 보기');
    expect(text).toContain('A & B');
  });

  it('never offers more than the maximum', () => {
    const many = Array.from({ length: 12 }, (_, i) => `9${String(i).padStart(11, '0')}`).join(' / ');
    expect(extract(many, catalog).barcodes).toHaveLength(MAX_EXTRACTED_BARCODES);
  });

  it('takes a catalog ID only as a whole token', () => {
    expect(extract('X0000133518 참고', catalog).goods).toEqual([]);
    expect(extract('0000133518-7 참고', catalog).goods).toEqual([]);
    expect(extract('0000133518이 상품코드', catalog).goods.map((g) => g.id)).toEqual(['0000133518']);
  });

  it('takes a brand alone for the products it begins, never a mistyped full name', () => {
    expect(extract('배민 쿠폰 012345678901 안 돼요', catalog).goods.map((g) => g.id)).toEqual(['0000999999']);
    // Two products begin with 스타벅스: both are offered, for the person to choose.
    expect(extract('스타벅스 쿠폰 012345678901', catalog).goods.map((g) => g.id)).toEqual(['0000133518', '0000200001']);
    // A full name found wins over any brand.
    expect(extract('스타벅스 아메리카노 T 쿠폰 012345678901', catalog).goods.map((g) => g.id)).toEqual(['0000133518']);
    // A one-character first word, or a word only inside another, stands for nothing.
    expect(extract('CUSTOMER 쿠폰 012345678901', catalog).goods).toEqual([]);
  });

  it('does not let a name run into longer ASCII words', () => {
    expect(extract('GS25 Cafe Lattes 쿠폰', catalog).goods).toEqual([]);
  });

  it('matches a name across line breaks and extra spaces', () => {
    expect(extract('스타벅스\n아메리카노   T 쿠폰', catalog).goods.map((g) => g.id)).toEqual(['0000133518']);
  });

  it('finds no goods with the empty catalog, but still finds barcodes', () => {
    const result = extract('스타벅스 아메리카노 T 0000133518 쿠폰 864209753186', EMPTY_CATALOG);
    expect(result.goods).toEqual([]);
    expect(result.barcodes).toEqual(['0000133518', '864209753186']);
  });

  it('copes with empty and odd input', () => {
    expect(extract('', catalog)).toEqual({ barcodes: [], goods: [], text: '' });
    expect(extract('<><|>&amp;&lt;<@>', catalog).barcodes).toEqual([]);
  });

  it('works on the text of a real-shaped shortcut message', () => {
    const message = {
      text: '',
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'user', user_id: 'U0ABCDEF12' },
                { type: 'text', text: ' 고객님 ' },
                { type: 'text', text: '배민 상품권 1만원', style: { bold: true } },
                { type: 'text', text: ' 쿠폰 0123-4567-8901 이 안 된대요' },
              ],
            },
          ],
        },
      ],
    };
    const result = extract(messageText(message), catalog);
    expect(result.barcodes).toEqual(['012345678901']);
    expect(result.goods.map((g) => g.id)).toEqual(['0000999999']);
  });
});
