/**
 * Words for lookup failures, in Korean and English. Plain sentences for people: no XML, no HTML,
 * no stack traces, never a full barcode or phone number. Vendor codes are worded in
 * `vendor-hints.ts`; `errors.ts` chooses among these.
 */
import type { BadResponseReason, RequestField } from '../coufun/errors.js';
import type { ResultAudience } from '../coufun/types.js';
import { translate, type Locale, type Translations } from './i18n.js';

const bytes = (n: number): string => n.toLocaleString('en-US');

/** Every error phrase for one locale. */
export interface ErrorWords {
  /** Request fields in user terms. */
  readonly field: Readonly<Record<RequestField, string>>;
  readonly validation: {
    readonly title: string;
    readonly required: (field: string) => string;
    readonly maxBytes: (field: string, limit: string, actual: string) => string;
    readonly charset: (field: string, char: string) => string;
    /** What to do, per field (POC_ID is the operator's configuration). */
    readonly hint: Readonly<Record<RequestField, string>>;
  };
  readonly vendor: {
    readonly title: (code: string, meaning: string | null) => string;
    readonly noMessage: string;
    readonly unknownCodeHint: (code: string) => string;
  };
  readonly timeout: { readonly title: string; readonly detail: (duration: string) => string };
  readonly network: { readonly title: string; readonly detail: (reason: string) => string };
  /** The connection was made, then broke (reset mid-answer): not a failure to connect. */
  readonly brokeOff: { readonly title: string; readonly detail: (reason: string) => string };
  readonly httpStatus: { readonly title: string; readonly detail: (status: number) => string };
  readonly badResponse: { readonly title: string; readonly detail: Readonly<Record<BadResponseReason, string>> };
  readonly oversize: { readonly title: string; readonly detail: (limitBytes: number) => string };
  readonly other: { readonly title: string; readonly detail: string };
  /** A bug on our side, with the reference it was logged under. */
  readonly internal: { readonly title: string; readonly detail: (ref: string) => string };
  /** A hint by who can act, when nothing more specific is known. */
  readonly hintFor: Readonly<Record<ResultAudience, string>>;
}

const KO: ErrorWords = {
  field: { POC_ID: '고객사 ID', GOODS_ID: '상품 ID', BARCODE_NUM: '쿠폰번호' },
  validation: {
    title: '입력값을 확인해 주세요',
    required: (field) => `${field}가 비어 있습니다.`,
    maxBytes: (field, limit, actual) => `${field}가 너무 깁니다: 최대 ${limit}바이트인데 ${actual}바이트입니다.`,
    charset: (field, char) => `${field}에 쓸 수 없는 문자가 있습니다: ${char}. 영문, 숫자, '-', '_'만 쓸 수 있습니다.`,
    hint: {
      POC_ID: '고객사 ID는 봇 설정 값입니다. 봇 운영자에게 알려 주세요.',
      GOODS_ID: '상품 ID를 다시 확인해 주세요.',
      BARCODE_NUM: '쿠폰에 적힌 번호를 그대로 입력해 주세요. 0123-4567-8902, 0123 4567 8902처럼 하이픈이나 공백으로 나뉜 숫자도 됩니다.',
    },
  },
  vendor: {
    title: (code, meaning) => (meaning ? `쿠펀 응답: ${meaning} (코드 ${code})` : `쿠펀 응답: 알 수 없는 코드 ${code}`),
    noMessage: '(쿠펀이 메시지를 보내지 않았습니다)',
    unknownCodeHint: (code) =>
      `쿠펀이 봇이 모르는 결과 코드(${code})를 보냈습니다. 위 메시지를 확인하고, 계속되면 봇 운영자에게 알려 주세요.`,
  },
  timeout: { title: '쿠펀 응답 시간 초과', detail: (d) => `쿠펀 서버가 ${d} 안에 응답하지 않았습니다.` },
  network: { title: '쿠펀 서버 연결 실패', detail: (reason) => `쿠펀 서버에 연결하지 못했습니다 (${reason}).` },
  brokeOff: { title: '쿠펀 연결 끊김', detail: (reason) => `쿠펀 서버와 연결은 되었지만 응답을 다 받기 전에 끊겼습니다 (${reason}).` },
  httpStatus: { title: '쿠펀 서버 오류', detail: (status) => `쿠펀 서버가 조회 결과 대신 오류 상태(HTTP ${status})로 응답했습니다.` },
  badResponse: {
    title: '쿠펀 응답을 읽을 수 없음',
    detail: {
      not_xml: '쿠펀 서버가 쿠폰 정보 대신 다른 내용(예: 오류 페이지)을 보냈습니다.',
      truncated: '쿠펀 서버의 응답이 중간에 끊겼습니다.',
      wrong_root: '쿠펀 서버의 응답이 쿠폰 조회 결과 형식이 아닙니다.',
      no_result_code: '쿠펀 서버의 응답에 결과 코드가 없습니다.',
      no_orders: '쿠펀 서버가 성공이라고 했지만 쿠폰 정보가 없습니다.',
      too_many_orders: '쿠펀 서버가 한 번에 보낼 수 있는 것(10건)보다 많은 주문을 보냈습니다.',
    },
  },
  oversize: { title: '쿠펀 응답이 너무 큼', detail: (limit) => `쿠펀 서버의 응답이 허용 크기(${bytes(limit)}바이트)를 넘었습니다.` },
  other: { title: '조회 중 오류', detail: '쿠폰을 조회하는 중 예상하지 못한 오류가 발생했습니다.' },
  internal: {
    title: '봇 내부 오류',
    detail: (ref) => `쿠펀이 아니라 봇 쪽에서 문제가 생겼습니다 (참조 ${ref}). 봇 운영자에게 이 참조를 알려 주세요.`,
  },
  hintFor: {
    operator: '봇 설정 문제일 수 있습니다. 봇 운영자에게 알려 주세요.',
    transient: '잠시 후 다시 시도해 주세요. 계속되면 봇 운영자에게 알려 주세요.',
    user: '입력한 상품 ID와 쿠폰번호를 확인해 주세요.',
    unknown: '잠시 후 다시 시도하고, 계속되면 봇 운영자에게 알려 주세요.',
  },
};

const EN: ErrorWords = {
  field: { POC_ID: 'client ID (POC_ID)', GOODS_ID: 'goods ID', BARCODE_NUM: 'coupon number' },
  validation: {
    title: 'Please check the input',
    required: (field) => `The ${field} is empty.`,
    maxBytes: (field, limit, actual) => `The ${field} is too long: at most ${limit} bytes, got ${actual}.`,
    charset: (field, char) => `The ${field} contains ${char}, which is not allowed. Use only letters, digits, '-' and '_'.`,
    hint: {
      POC_ID: 'The client ID is part of the bot configuration. Please tell the bot operator.',
      GOODS_ID: 'Check the goods ID.',
      BARCODE_NUM:
        'Enter the number as printed on the coupon; digits grouped with hyphens or spaces (0123-4567-8902, 0123 4567 8902) are fine.',
    },
  },
  vendor: {
    title: (code, meaning) => (meaning ? `Coufun: ${meaning} (code ${code})` : `Coufun: unknown code ${code}`),
    noMessage: '(Coufun sent no message)',
    unknownCodeHint: (code) =>
      `Coufun sent a result code the bot does not know (${code}). Read the message above; if it keeps happening, tell the bot operator.`,
  },
  timeout: { title: 'Coufun timed out', detail: (d) => `Coufun did not answer within ${d}.` },
  network: { title: 'Could not reach Coufun', detail: (reason) => `Could not connect to Coufun (${reason}).` },
  brokeOff: {
    title: 'Connection to Coufun broke off',
    detail: (reason) => `The connection to Coufun was made but broke before the whole answer arrived (${reason}).`,
  },
  httpStatus: { title: 'Coufun server error', detail: (status) => `Coufun answered HTTP ${status} instead of a result.` },
  badResponse: {
    title: 'Unreadable Coufun answer',
    detail: {
      not_xml: 'Coufun sent something other than a coupon result (for example an error page).',
      truncated: "Coufun's answer was cut short.",
      wrong_root: "Coufun's answer is not a coupon look-up result.",
      no_result_code: "Coufun's answer has no result code.",
      no_orders: 'Coufun reported success but sent no coupon.',
      too_many_orders: 'Coufun sent more orders than one answer may hold (10).',
    },
  },
  oversize: { title: 'Coufun answer too large', detail: (limit) => `Coufun's answer exceeded the size limit (${bytes(limit)} bytes).` },
  other: { title: 'Look-up failed', detail: 'An unexpected error happened while looking up the coupon.' },
  internal: {
    title: 'Something went wrong on our side',
    detail: (ref) => `The bot, not Coufun, hit a problem (reference ${ref}). Please give the bot operator this reference.`,
  },
  hintFor: {
    operator: 'This may be the bot configuration. Please tell the bot operator.',
    transient: 'Try again shortly. If it keeps happening, tell the bot operator.',
    user: 'Check the goods ID and the coupon number.',
    unknown: 'Try again later; if it keeps happening, tell the bot operator.',
  },
};

const ERROR_WORDS: Translations<ErrorWords> = { ko: KO, en: EN };

/** The error phrases for `locale`. */
export function errorWords(locale: Locale): ErrorWords {
  return translate(ERROR_WORDS, locale);
}
