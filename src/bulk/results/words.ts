/**
 * The result table's words, Korean and English: column headers, verdicts, why a row was not
 * looked up (with how to fix it), and the summary's labels. Coupon wording (statuses, reasons)
 * comes from src/display, as on the card.
 */
import { translate, type Locale, type Translations } from '../../display/i18n.js';
import type { Damage } from '../read/damage.js';

/** The result table's columns, in order. */
export const COLUMNS = [
  'row',
  'goodsId',
  'goodsName',
  'barcode',
  'verdict',
  'reason',
  'status',
  'type',
  'remain',
  'total',
  'validUntil',
  'orderDate',
  'exchangedAt',
  'cancelledAt',
  'receiver',
  'code',
  'message',
] as const;
export type Column = (typeof COLUMNS)[number];

/** The four answers a row can have. */
export type RowVerdict = 'usable' | 'unusable' | 'check' | 'error';

export interface BulkWords {
  readonly header: Readonly<Record<Column, string>>;
  readonly verdict: Readonly<Record<RowVerdict, string>>;
  readonly partlyUsed: string;
  readonly damage: (damage: Damage) => string;
  readonly several: (count: number) => string;
  readonly missingNumber: string;
  readonly noGoods: string;
  readonly notChecked: (why: string) => string;
  readonly sheets: { readonly results: string; readonly summary: string };
}

const KO: BulkWords = {
  header: {
    row: '행',
    goodsId: '상품 ID',
    goodsName: '상품명',
    barcode: '쿠폰번호',
    verdict: '판정',
    reason: '사유',
    status: '상태',
    type: '유형',
    remain: '잔액',
    total: '총 금액',
    validUntil: '유효기간',
    orderDate: '주문일',
    exchangedAt: '교환일시',
    cancelledAt: '취소일시',
    receiver: '수신번호',
    code: '결과 코드',
    message: '결과 메시지',
  },
  verdict: { usable: '사용 가능', unusable: '사용 불가', check: '확인 필요', error: '오류' },
  partlyUsed: '부분 사용',
  damage: (d) => {
    const fix = '쿠폰번호 열의 서식을 "텍스트"로 바꾸고 번호를 원래대로 다시 입력(또는 붙여넣기)해 주세요.';
    switch (d.kind) {
      case 'scientific':
        return `엑셀이 지수 표기(예: 1.23457E+11)로 바꾼 번호라 원래 번호를 알 수 없습니다. ${fix}`;
      case 'decimal':
        return `숫자로 저장되어 끝에 소수점(.0)이 붙은 번호입니다. ${fix}`;
      case 'precision':
        return `엑셀은 숫자를 15자리까지만 보관해 뒷자리가 0으로 바뀌었을 수 있습니다. ${fix}`;
      case 'lost_zeros':
        return `앞자리 0이 사라진 번호로 보입니다(${d.found}자리, 같은 열의 다른 번호는 ${d.expected}자리). ${fix}`;
    }
  },
  several: (n) => `한 칸에 쿠폰번호가 ${n}개 있습니다. 한 행에 하나씩 적어 주세요.`,
  missingNumber: '쿠폰번호가 비어 있습니다.',
  noGoods: '상품이 지정되지 않았습니다. 상품 열을 채우거나 목록 전체의 상품을 지정해 주세요.',
  notChecked: (why) => `조회하지 않음 (${why})`,
  sheets: { results: '조회 결과', summary: '요약' },
};

const EN: BulkWords = {
  header: {
    row: 'Row',
    goodsId: 'Goods ID',
    goodsName: 'Product',
    barcode: 'Coupon number',
    verdict: 'Verdict',
    reason: 'Reason',
    status: 'Status',
    type: 'Type',
    remain: 'Balance',
    total: 'Face value',
    validUntil: 'Valid until',
    orderDate: 'Ordered',
    exchangedAt: 'Exchanged',
    cancelledAt: 'Cancelled',
    receiver: 'Recipient',
    code: 'Result code',
    message: 'Result message',
  },
  verdict: { usable: 'Usable', unusable: 'Not usable', check: 'Check needed', error: 'Error' },
  partlyUsed: 'partly used',
  damage: (d) => {
    const fix = 'Format the coupon column as Text and type (or paste) the numbers again.';
    switch (d.kind) {
      case 'scientific':
        return `Excel turned this number into scientific notation (e.g. 1.23457E+11); the original cannot be recovered. ${fix}`;
      case 'decimal':
        return `This number was stored as a number and got a trailing .0. ${fix}`;
      case 'precision':
        return `Excel keeps only 15 digits of a number; the last digits may have become zeros. ${fix}`;
      case 'lost_zeros':
        return `This number seems to have lost its leading zeros (${d.found} digits; the column's others have ${d.expected}). ${fix}`;
    }
  },
  several: (n) => `${n} coupon numbers in one cell. Put one per row.`,
  missingNumber: 'The coupon number is empty.',
  noGoods: 'No product: fill in the goods column or give one product for the whole list.',
  notChecked: (why) => `not looked up (${why})`,
  sheets: { results: 'Results', summary: 'Summary' },
};

const WORDS: Translations<BulkWords> = { ko: KO, en: EN };

export function bulkWords(locale: Locale): BulkWords {
  return translate(WORDS, locale);
}
