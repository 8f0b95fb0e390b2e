/** Seeded coupons: each barcode is one state or one response shape the client must handle. */
import { kstCalendar, type KstCalendar } from './dates.js';
import { SANDBOX_GOODS_IDS as GOODS } from '../environments.js';
import { SUCCESS_MESSAGE } from './messages.js';
import { amountOrder, exchangeOrder } from './orders.js';
import type { Scenario } from './scenario.js';
import { quirkyXml, successXml, type OrderSpec } from './xml.js';

function coupon(
  barcode: string,
  goodsId: string,
  label: string,
  demonstrates: string,
  render: (cal: KstCalendar, barcode: string) => string,
): Scenario {
  return {
    goodsId,
    barcode,
    label,
    demonstrates,
    group: 'coupon',
    reply: (nowMs) => ({ kind: 'xml', xml: render(kstCalendar(nowMs), barcode) }),
  };
}

const flat = (order: OrderSpec): string => successXml(SUCCESS_MESSAGE, [order], 'flat');

/** The coupon seeds, in `--list` order. */
export const COUPON_SCENARIOS: readonly Scenario[] = [
  coupon(
    '012345678901',
    GOODS.baemin10k,
    '금액권 · 미사용',
    'An unused amount voucher with its full balance (10,000 of 10,000 won).',
    (c, b) => flat(amountOrder(c, b, 10_000, 10_000)),
  ),
  coupon(
    '012345678902',
    GOODS.baemin10k,
    '금액권 · 일부 사용',
    'A partly used amount voucher: 2,500 of 10,000 won left, still unused, with an exchange time.',
    (c, b) => flat(amountOrder(c, b, 10_000, 2_500, { EXCHANGE_DATE: c.at(-3, '123000'), RECEIVER_MOBILE: '01098765432' })),
  ),
  coupon('012345678903', GOODS.cu5k, '금액권 · 전액 사용', 'A fully spent amount voucher: balance 0, status used (001).', (c, b) =>
    flat(amountOrder(c, b, 5_000, 0, { STATUS: '001', EXCHANGE_DATE: c.at(-1, '184512') })),
  ),
  coupon('001133518001', GOODS.americano, '교환권 · 미사용', 'An unused exchange voucher, valid for 60 more days.', (c, b) =>
    flat(exchangeOrder(c, b)),
  ),
  coupon('001133518002', GOODS.americano, '교환권 · 사용 완료', 'A used exchange voucher (status 001) with the exchange time.', (c, b) =>
    flat(exchangeOrder(c, b, { STATUS: '001', EXCHANGE_DATE: c.at(-2, '091542'), RECEIVER_MOBILE: '01055554444' })),
  ),
  coupon('001133518003', GOODS.americano, '교환권 · 취소', 'A cancelled exchange voucher (status 100) with the cancel time.', (c, b) =>
    flat(exchangeOrder(c, b, { STATUS: '100', ORDER_DATE: c.day(-12), CANCEL_DATE: c.at(-10, '180211') })),
  ),
  coupon(
    '004122900017',
    GOODS.kyochon,
    '교환권 · 기간 만료',
    'An exchange voucher still marked unused (000) whose validity ended yesterday: effectively expired.',
    (c, b) => flat(exchangeOrder(c, b, { ORDER_DATE: c.day(-95), VALID_END_DATE: c.day(-1) })),
  ),
  coupon('004122900025', GOODS.kyochon, '주문 3건', 'Three <ORDER_INFO> blocks for one barcode: unused, used and cancelled.', (c, b) =>
    successXml(
      SUCCESS_MESSAGE,
      [
        exchangeOrder(c, b, { ORDER_DATE: c.day(-5), VALID_END_DATE: c.day(85) }),
        exchangeOrder(c, b, { ORDER_DATE: c.day(-40), STATUS: '001', EXCHANGE_DATE: c.at(-12, '201503') }),
        exchangeOrder(c, b, { ORDER_DATE: c.day(-60), STATUS: '100', CANCEL_DATE: c.at(-58, '070009'), RECEIVER_MOBILE: '01020231234' }),
      ],
      'blocks',
    ),
  ),
  coupon(
    '004122900033',
    GOODS.kyochon,
    '주문 1건 (ORDER_INFO)',
    'Exactly one order wrapped in a single <ORDER_INFO> block instead of flat fields.',
    (c, b) => successXml(SUCCESS_MESSAGE, [exchangeOrder(c, b)], 'blocks'),
  ),
  coupon(
    '009999900011',
    GOODS.baemin10k,
    '옛 011 번호',
    'An unused amount voucher sent to an old 10-digit 011 mobile number (0111234567).',
    (c, b) => flat(amountOrder(c, b, 10_000, 10_000, { RECEIVER_MOBILE: '0111234567' })),
  ),
  coupon(
    '001133518005',
    GOODS.americano,
    '알 수 없는 상태 (200)',
    'A STATUS code the manual does not list (200): shown raw, flagged unknown.',
    (c, b) => flat(exchangeOrder(c, b, { STATUS: '200' })),
  ),
  coupon(
    '012345678905',
    GOODS.baemin10k,
    '알 수 없는 쿠폰 타입',
    'A COUPON_TYPE the manual does not list (POINT): shown raw, flagged unknown.',
    (c, b) => flat(exchangeOrder(c, b, { COUPON_TYPE: 'POINT' })),
  ),
  coupon(
    '001133518004',
    GOODS.americano,
    '태그 변형 (빈 태그 · CDATA)',
    'An unused exchange voucher written untidily: CRLF, tabs, padded values, CDATA and self-closing empty tags.',
    (c, b) => quirkyXml('정상 조회 & <확인 완료>', exchangeOrder(c, b, { RECEIVER_MOBILE: '01077778888' })),
  ),
  coupon(
    '012345678906',
    GOODS.baemin10k,
    '금액권 · 잔액 0 (미사용 코드)',
    'An amount voucher whose balance is 0 while the vendor still says unused (000): not usable, no balance.',
    (c, b) => flat(amountOrder(c, b, 10_000, 0, { EXCHANGE_DATE: c.at(-4, '101010') })),
  ),
  coupon(
    '012345678907',
    GOODS.baemin10k,
    '금액권 · 기간 만료',
    'A partly used amount voucher (3,000 of 10,000 won left, 000) whose validity ended 5 days ago: expired.',
    (c, b) =>
      flat(amountOrder(c, b, 10_000, 3_000, { ORDER_DATE: c.day(-370), VALID_END_DATE: c.day(-5), EXCHANGE_DATE: c.at(-100, '150000') })),
  ),
  coupon(
    '007770010001',
    GOODS.tomyum,
    'CP949 메시지',
    'A success whose RESULT_MSG holds a CP949-only syllable (똠) sent as CP949 bytes under an EUC-KR declaration.',
    (c, b) => successXml('똠양꿍 밀키트 교환권 조회 성공', [exchangeOrder(c, b)], 'flat'),
  ),
];
