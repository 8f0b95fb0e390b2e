/**
 * Words for Coufun RESULT_CODEs: a short meaning for the title and a hint saying who can act.
 * Codes and meanings follow docs/protocol.md (a public third-party table, unverified
 * against the vendor, so the vendor's own RESULT_MSG is always shown beside these words).
 * Who-can-act per code lives in src/coufun/codes.ts; this table only words it. Grow it freely.
 */
import { translate, type Locale, type Translations } from './i18n.js';

/** How one code reads in one locale. */
export interface VendorCodeWords {
  readonly meaning: string;
  readonly hint: string;
  /** The card's first line when the code itself answers "can it be used?" (17 used, 18 cancelled). */
  readonly verdict?: string;
}

const OPERATOR_KO = '봇 운영자에게 알려 주세요.';
const OPERATOR_EN = 'Please tell the bot operator.';

const TABLE: Readonly<Record<string, Translations<VendorCodeWords>>> = {
  '01': {
    ko: { meaning: '등록되지 않은 IP', hint: `봇 서버의 IP가 쿠펀에 등록되어 있지 않습니다. 봇 설정 문제이니 ${OPERATOR_KO}` },
    en: {
      meaning: 'IP address not registered',
      hint: `The bot's IP address is not registered with Coufun. This is the bot's configuration. ${OPERATOR_EN}`,
    },
  },
  '02': {
    ko: {
      meaning: '고객사 ID(POC_ID) 오류',
      hint: `쿠펀이 봇의 고객사 ID(POC_ID)를 받아들이지 않았습니다. 봇 설정 문제이니 ${OPERATOR_KO}`,
    },
    en: {
      meaning: 'client ID (POC_ID) error',
      hint: `Coufun rejected the bot's client ID (POC_ID). This is the bot's configuration. ${OPERATOR_EN}`,
    },
  },
  '98': {
    ko: { meaning: 'API 권한 없음', hint: `봇 계정에 이 조회 API 권한이 없습니다. 봇 설정 문제이니 ${OPERATOR_KO}` },
    en: {
      meaning: 'no API permission',
      hint: `The bot's account lacks the rights for this API. This is the bot's configuration. ${OPERATOR_EN}`,
    },
  },
  '03': {
    ko: {
      meaning: '주문번호(ORDER_ID) 오류',
      hint: '쿠펀이 이 쿠폰의 주문 정보를 찾지 못했습니다. 상품 ID와 쿠폰번호가 같은 주문의 것인지 확인해 주세요.',
    },
    en: {
      meaning: 'order ID (ORDER_ID) error',
      hint: 'Coufun could not find the order behind this coupon. Check that the goods ID and the coupon number belong to the same order.',
    },
  },
  '08': {
    ko: { meaning: '상품권종 오류', hint: '쿠폰의 상품권 종류가 조회한 상품과 맞지 않습니다. 상품 ID를 확인해 주세요.' },
    en: { meaning: 'voucher kind error', hint: "The coupon's voucher kind does not match the product asked about. Check the goods ID." },
  },
  '23': {
    ko: { meaning: '중복 요청', hint: '같은 조회가 쿠펀에서 처리 중입니다. 잠시 후 다시 시도해 주세요.' },
    en: { meaning: 'duplicate request', hint: 'The same look-up is already being processed by Coufun. Try again shortly.' },
  },
  '95': {
    ko: {
      meaning: '선처리 필요',
      hint: `쿠펀 쪽에서 먼저 처리되어야 할 일이 남아 있습니다. 고객이 다시 시도해도 해결되지 않으니 ${OPERATOR_KO}`,
    },
    en: {
      meaning: 'prior processing required',
      hint: `Something must be processed on Coufun's side first; retrying will not help. ${OPERATOR_EN}`,
    },
  },
  '04': {
    ko: { meaning: '유효기간 오류', hint: '쿠폰의 유효기간에 문제가 있습니다. 유효기간이 지났는지 확인해 주세요.' },
    en: { meaning: 'validity period error', hint: 'Something is wrong with the validity period: check whether the coupon has expired.' },
  },
  '05': {
    ko: { meaning: '사용기간 오류', hint: '지금은 이 쿠폰을 사용할 수 있는 기간이 아닙니다.' },
    en: { meaning: 'usage period error', hint: 'The coupon cannot be used at this time.' },
  },
  '09': {
    ko: { meaning: '조회 횟수 초과', hint: '이 상품으로 조회가 너무 많았습니다. 잠시 후 다시 시도해 주세요.' },
    en: { meaning: 'too many look-ups', hint: 'There were too many look-ups for this product. Try again later.' },
  },
  '10': {
    ko: { meaning: '상품 정보 오류', hint: '상품 ID가 맞는지 확인해 주세요.' },
    en: { meaning: 'product information error', hint: 'Check that the goods ID is right.' },
  },
  '16': {
    ko: { meaning: '쿠폰번호 오류', hint: '쿠폰번호를 다시 확인해 주세요. 쿠폰에 적힌 번호를 그대로 입력해야 합니다.' },
    en: { meaning: 'coupon number error', hint: 'Check the coupon number: enter it exactly as printed on the coupon.' },
  },
  '17': {
    ko: { meaning: '이미 사용된 쿠폰', hint: '이미 사용된 쿠폰입니다. 다시 사용할 수 없습니다.', verdict: '사용 불가 · 이미 사용됨' },
    en: { meaning: 'coupon already used', hint: 'This coupon has already been used.', verdict: 'Not usable · already used' },
  },
  '18': {
    ko: { meaning: '이미 취소된 쿠폰', hint: '이미 취소된 쿠폰입니다. 사용할 수 없습니다.', verdict: '사용 불가 · 이미 취소됨' },
    en: { meaning: 'coupon already cancelled', hint: 'This coupon has already been cancelled.', verdict: 'Not usable · already cancelled' },
  },
  '26': {
    ko: { meaning: '유효기간 정보 없음', hint: '쿠펀에 이 쿠폰의 유효기간 정보가 없습니다. 상품 ID와 쿠폰번호를 확인해 주세요.' },
    en: {
      meaning: 'no validity period on record',
      hint: 'Coufun has no validity period for this coupon. Check the goods ID and coupon number.',
    },
  },
  '30': {
    ko: { meaning: '상품 판매기간 오류', hint: '이 상품의 판매기간이 아닙니다. 상품 ID를 확인해 주세요.' },
    en: { meaning: 'product sale period error', hint: 'The product is outside its sale period. Check the goods ID.' },
  },
  '31': {
    ko: { meaning: '상품 ID 오류', hint: '상품 ID를 확인해 주세요. 쿠폰과 상품이 맞지 않을 수 있습니다.' },
    en: { meaning: 'goods ID error', hint: 'Check the goods ID: the coupon may belong to another product.' },
  },
  '50': {
    ko: { meaning: '시스템 점검 또는 지연', hint: '쿠펀 시스템이 점검 중이거나 지연되고 있습니다. 잠시 후 다시 시도해 주세요.' },
    en: { meaning: 'maintenance or delay', hint: 'Coufun is under maintenance or slow. Try again shortly.' },
  },
  '99': {
    ko: { meaning: '기타 시스템 오류', hint: `쿠펀 쪽 오류입니다. 잠시 후 다시 시도하고, 계속되면 ${OPERATOR_KO}` },
    en: {
      meaning: 'other system error',
      hint: `An error on Coufun's side. Try again later; if it keeps happening, ${OPERATOR_EN.toLowerCase()}`,
    },
  },
};

/** Words for a RESULT_CODE, or `null` when the table does not know it. */
export function vendorCodeWords(code: string, locale: Locale): VendorCodeWords | null {
  const entry = Object.hasOwn(TABLE, code) ? TABLE[code] : undefined;
  return entry ? translate(entry, locale) : null;
}
