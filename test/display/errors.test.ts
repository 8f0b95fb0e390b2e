import { describe, expect, it } from 'vitest';
import { resultCodeInfo } from '../../src/coufun/codes.js';
import * as errors from '../../src/coufun/errors.js';
import {
  BadResponseError,
  CoufunError,
  ErrorCode,
  HttpStatusError,
  NetworkError,
  OversizeError,
  TimeoutError,
  ValidationError,
  VendorError,
  type BadResponseReason,
} from '../../src/coufun/errors.js';
import type { Order } from '../../src/coufun/types.js';
import { describeError } from '../../src/display/errors.js';
import { errorToJson, orderToJson, outcomeToJson } from '../../src/display/json-view.js';
import type { LookupMeta, LookupOutcome } from '../../src/lookup/types.js';

const vendor = (code: string, message = `메시지 ${code}`): VendorError => new VendorError(code, message, resultCodeInfo(code));

/** A CoufunError subclass the display layer has no words for. */
class OddError extends CoufunError {
  readonly code = ErrorCode.Network;
  readonly retryable = false;
  constructor() {
    super('something odd');
  }
}

describe('describeError: failures tell the truth', () => {
  it('says whether an answer arrived: a timeout, a refused or reset connection did not', () => {
    expect(describeError(new TimeoutError(5000), 'ko').answered).toBe(false);
    expect(describeError(new NetworkError('connection refused'), 'ko').answered).toBe(false);
    expect(describeError(new NetworkError('connection reset'), 'ko').answered).toBe(false);
    expect(describeError(new HttpStatusError(500), 'ko').answered).toBe(true);
    expect(describeError(vendor('16'), 'ko').answered).toBe(true);
  });

  it('a reset mid-answer is not "could not connect"; a refused connection is', () => {
    for (const reason of ['connection reset', 'connection closed', 'response cut short']) {
      const ko = describeError(new NetworkError(reason), 'ko');
      const en = describeError(new NetworkError(reason), 'en');
      expect(ko.title).toBe('쿠펀 연결 끊김');
      expect(ko.detail).not.toContain('연결하지 못했습니다');
      expect(en.detail).not.toMatch(/could not connect/i);
    }
    expect(describeError(new NetworkError('connection refused'), 'ko').detail).toContain('연결하지 못했습니다');
  });

  it('every failure leads with "cannot tell whether it can be used"', () => {
    expect(describeError(new TimeoutError(5000), 'ko').verdict).toBe('사용 가능 여부 확인 불가');
    expect(describeError(vendor('01'), 'en').verdict).toBe('Cannot tell whether it can be used');
  });

  it('vendor text is cleaned: bidi and zero-width controls go, dotted phones and the barcode are masked', () => {
    const view = describeError(vendor('16', '\u202E고객 010.5555.6666\u200B 쿠폰 ABC12345678 *확인*'), 'ko', { barcode: 'ABC12345678' });
    expect(view.detail).toBe('고객 ••••6666 쿠폰 ••••5678 *확인*');
    expect(view.vendorText).toBe(true);
    expect(describeError(vendor('7\u202E7'), 'ko').title).toBe('쿠펀 응답: 알 수 없는 코드 77');
  });
});

describe('describeError: every CoufunError subclass has its own words', () => {
  const covered = [
    'ValidationError',
    'TimeoutError',
    'NetworkError',
    'HttpStatusError',
    'BadResponseError',
    'OversizeError',
    'VendorError',
    'InternalError',
  ];

  it('covers every subclass src/coufun/errors.ts exports', () => {
    const subclasses = Object.values(errors as Record<string, unknown>)
      .filter(
        (v): v is { readonly name: string; readonly prototype: unknown } => typeof v === 'function' && v.prototype instanceof CoufunError,
      )
      .map((c) => c.name)
      .sort();
    expect(subclasses).toEqual([...covered].sort());
  });

  it('never falls back to the generic words for a known subclass', () => {
    const samples: CoufunError[] = [
      new ValidationError('BARCODE_NUM', 'required'),
      new TimeoutError(5000),
      new NetworkError('connection refused'),
      new HttpStatusError(500),
      new BadResponseError('not_xml'),
      new OversizeError(1024),
      new errors.InternalError('0a1b2c3d'),
      vendor('16'),
    ];
    const generic = describeError(new OddError(), 'ko').title;
    for (const e of samples) expect(describeError(e, 'ko').title, e.name).not.toBe(generic);
  });
});

describe('describeError: ValidationError', () => {
  it('too long: names the field, the limit and the length (ko and en)', () => {
    const e = new ValidationError('BARCODE_NUM', 'max_bytes', { limit: 30, actual: 31 });
    expect(describeError(e, 'ko')).toMatchObject({
      title: '입력값을 확인해 주세요',
      detail: '쿠폰번호가 너무 깁니다: 최대 30바이트인데 31바이트입니다.',
      hint: '쿠폰에 적힌 번호를 그대로 입력해 주세요. 0123-4567-8902, 0123 4567 8902처럼 하이픈이나 공백으로 나뉜 숫자도 됩니다.',
      audience: 'user',
      retryable: false,
      code: 'INVALID_INPUT',
    });
    const view = describeError(e, 'en');
    expect(view.title).toBe('Please check the input');
    expect(view.detail).toBe('The coupon number is too long: at most 30 bytes, got 31.');
    expect(view.hint).toBe(
      'Enter the number as printed on the coupon; digits grouped with hyphens or spaces (0123-4567-8902, 0123 4567 8902) are fine.',
    );
  });

  it('bad character: shows it with its code point, an invisible one by code point only', () => {
    const hangul = describeError(new ValidationError('BARCODE_NUM', 'charset', { char: '쿠' }), 'ko');
    expect(hangul.detail).toBe(`쿠폰번호에 쓸 수 없는 문자가 있습니다: "쿠" (U+CFE0). 영문, 숫자, '-', '_'만 쓸 수 있습니다.`);
    expect(hangul.audience).toBe('user');
    const space = describeError(new ValidationError('GOODS_ID', 'charset', { char: ' ' }), 'en');
    expect(space.detail).toBe("The goods ID contains U+0020, which is not allowed. Use only letters, digits, '-' and '_'.");
    expect(space.hint).toBe('Check the goods ID.');
    expect(describeError(new ValidationError('GOODS_ID', 'charset', { char: '\u0007' }), 'en').detail).toContain('contains U+0007,');
    expect(describeError(new ValidationError('GOODS_ID', 'charset', { char: '😀' }), 'en').detail).toContain('"😀" (U+1F600)');
    expect(describeError(new ValidationError('GOODS_ID', 'charset'), 'en').detail).toContain('contains ?,');
  });

  it('empty: says which field; a POC_ID problem is the operator’s', () => {
    expect(describeError(new ValidationError('GOODS_ID', 'required'), 'ko').detail).toBe('상품 ID가 비어 있습니다.');
    const poc = describeError(new ValidationError('POC_ID', 'max_bytes', { limit: 10, actual: 12 }), 'ko');
    expect(poc.audience).toBe('operator');
    expect(poc.detail).toBe('고객사 ID가 너무 깁니다: 최대 10바이트인데 12바이트입니다.');
    expect(poc.hint).toBe('고객사 ID는 봇 설정 값입니다. 봇 운영자에게 알려 주세요.');
    expect(describeError(new ValidationError('POC_ID', 'required'), 'en').detail).toBe('The client ID (POC_ID) is empty.');
  });
});

describe('describeError: VendorError', () => {
  it('known user code (16): meaning and code in the title, message verbatim, specific hint', () => {
    const e = vendor('16', '존재하지 않는 쿠폰번호입니다.');
    expect(describeError(e, 'ko')).toMatchObject({
      title: '쿠펀 응답: 쿠폰번호 오류 (코드 16)',
      detail: '존재하지 않는 쿠폰번호입니다.',
      hint: '쿠폰번호를 다시 확인해 주세요. 쿠폰에 적힌 번호를 그대로 입력해야 합니다.',
      audience: 'user',
      retryable: false,
      code: '16',
    });
    const view = describeError(e, 'en');
    expect(view.title).toBe('Coufun: coupon number error (code 16)');
    expect(view.detail).toBe('존재하지 않는 쿠폰번호입니다.');
    expect(view.hint).toBe('Check the coupon number: enter it exactly as printed on the coupon.');
  });

  it('known operator codes (01, 02, 98) tell the asker to reach the operator', () => {
    for (const code of ['01', '02', '98']) {
      const ko = describeError(vendor(code), 'ko');
      expect(ko.audience, code).toBe('operator');
      expect(ko.retryable, code).toBe(false);
      expect(ko.hint, code).toContain('봇 운영자에게 알려 주세요.');
      expect(ko.title, code).toContain(`(코드 ${code})`);
      expect(describeError(vendor(code), 'en').hint, code).toContain('Please tell the bot operator.');
    }
    expect(describeError(vendor('01'), 'en').title).toBe('Coufun: IP address not registered (code 01)');
  });

  it('transient code (50) is retryable; 99 is known but nobody’s', () => {
    const busy = describeError(vendor('50'), 'en');
    expect(busy).toMatchObject({ title: 'Coufun: maintenance or delay (code 50)', audience: 'transient', retryable: true, code: '50' });
    expect(busy.hint).toBe('Coufun is under maintenance or slow. Try again shortly.');
    const other = describeError(vendor('99', 'ERROR MESSAGE'), 'ko');
    expect(other).toMatchObject({
      title: '쿠펀 응답: 기타 시스템 오류 (코드 99)',
      detail: 'ERROR MESSAGE',
      audience: 'unknown',
      retryable: false,
    });
  });

  it('unknown code 77: says the code is unknown, keeps the message, never crashes', () => {
    const e = vendor('77', 'NEW THING');
    expect(describeError(e, 'ko')).toMatchObject({
      title: '쿠펀 응답: 알 수 없는 코드 77',
      detail: 'NEW THING',
      hint: '쿠펀이 봇이 모르는 결과 코드(77)를 보냈습니다. 위 메시지를 확인하고, 계속되면 봇 운영자에게 알려 주세요.',
      audience: 'unknown',
      retryable: false,
      code: '77',
    });
    const en = describeError(e, 'en');
    expect(en.title).toBe('Coufun: unknown code 77');
    expect(en.hint).toBe(
      'Coufun sent a result code the bot does not know (77). Read the message above; if it keeps happening, tell the bot operator.',
    );
  });

  it('an empty or blank RESULT_MSG reads as "no message"', () => {
    expect(describeError(vendor('16', ''), 'ko').detail).toBe('(쿠펀이 메시지를 보내지 않았습니다)');
    expect(describeError(vendor('16', '   '), 'en').detail).toBe('(Coufun sent no message)');
  });

  it('a code that only looks like a table key is unknown', () => {
    expect(describeError(vendor('toString'), 'en').title).toBe('Coufun: unknown code toString');
    expect(describeError(vendor('__proto__'), 'en').audience).toBe('unknown');
  });
});

describe('describeError: transport failures', () => {
  it('timeout: the limit in words, retry shortly', () => {
    expect(describeError(new TimeoutError(5000), 'ko')).toMatchObject({
      title: '쿠펀 응답 시간 초과',
      detail: '쿠펀 서버가 5초 안에 응답하지 않았습니다.',
      hint: '잠시 후 다시 시도해 주세요. 계속되면 봇 운영자에게 알려 주세요.',
      audience: 'transient',
      retryable: true,
      code: 'TIMEOUT',
    });
    expect(describeError(new TimeoutError(800), 'en').detail).toBe('Coufun did not answer within 800ms.');
  });

  it('network: the reason, capped so a chatty reason cannot flood a card', () => {
    const view = describeError(new NetworkError('connection refused'), 'en');
    expect(view).toMatchObject({
      title: 'Could not reach Coufun',
      detail: 'Could not connect to Coufun (connection refused).',
      audience: 'transient',
      retryable: true,
      code: 'NETWORK',
    });
    const long = describeError(new NetworkError('x'.repeat(500)), 'ko');
    expect(long.detail).toContain('x'.repeat(80));
    expect(long.detail).not.toContain('x'.repeat(81));
  });

  it('network: a failure a retry cannot fix (unknown host, TLS) points at the operator', () => {
    const view = describeError(new NetworkError('DNS lookup failed', { retryable: false }), 'en');
    expect(view).toMatchObject({ audience: 'operator', retryable: false, code: 'NETWORK' });
    expect(view.hint).toBe(describeError(new HttpStatusError(404), 'en').hint);
  });

  it('HTTP status: 5xx is transient, 3xx/4xx is configuration', () => {
    expect(describeError(new HttpStatusError(500), 'ko')).toMatchObject({
      title: '쿠펀 서버 오류',
      detail: '쿠펀 서버가 조회 결과 대신 오류 상태(HTTP 500)로 응답했습니다.',
      hint: '잠시 후 다시 시도해 주세요. 계속되면 봇 운영자에게 알려 주세요.',
      audience: 'transient',
      retryable: true,
      code: 'HTTP_STATUS',
    });
    for (const status of [302, 403, 404]) {
      const view = describeError(new HttpStatusError(status), 'en');
      expect(view, String(status)).toMatchObject({
        audience: 'operator',
        retryable: false,
        hint: 'This may be the bot configuration. Please tell the bot operator.',
      });
      expect(view.detail).toBe(`Coufun answered HTTP ${status} instead of a result.`);
    }
  });

  it('bad response: one plain sentence per reason, never the body', () => {
    const reasons: BadResponseReason[] = ['not_xml', 'truncated', 'wrong_root', 'no_result_code', 'no_orders', 'too_many_orders'];
    const details = new Set<string>();
    for (const reason of reasons) {
      const e = new BadResponseError(reason, '<html><body>secret page</body></html>');
      for (const locale of ['ko', 'en'] as const) {
        const view = describeError(e, locale);
        expect(view.audience).toBe('transient');
        expect(view.retryable).toBe(true);
        expect(view.code).toBe('BAD_RESPONSE');
        expect(JSON.stringify(view)).not.toMatch(/<|secret/);
        details.add(view.detail);
      }
    }
    expect(details.size).toBe(reasons.length * 2);
    expect(describeError(new BadResponseError('truncated'), 'en')).toMatchObject({
      title: 'Unreadable Coufun answer',
      detail: "Coufun's answer was cut short.",
    });
  });

  it('oversize: the limit with thousands separators, for the operator', () => {
    expect(describeError(new OversizeError(1_048_576), 'ko')).toMatchObject({
      title: '쿠펀 응답이 너무 큼',
      detail: '쿠펀 서버의 응답이 허용 크기(1,048,576바이트)를 넘었습니다.',
      hint: '봇 설정 문제일 수 있습니다. 봇 운영자에게 알려 주세요.',
      audience: 'operator',
      retryable: false,
      code: 'OVERSIZE',
    });
    expect(describeError(new OversizeError(1_048_576), 'en').detail).toBe("Coufun's answer exceeded the size limit (1,048,576 bytes).");
  });

  it('an unfamiliar CoufunError gets generic words, not a crash', () => {
    expect(describeError(new OddError(), 'en')).toMatchObject({
      title: 'Look-up failed',
      detail: 'An unexpected error happened while looking up the coupon.',
      hint: 'Try again later; if it keeps happening, tell the bot operator.',
      audience: 'unknown',
      retryable: false,
      code: 'NETWORK',
    });
  });
});

/** 2024-03-01 00:30 KST. */
const ANSWERED = Date.UTC(2024, 1, 29, 15, 30, 0);
const META: LookupMeta = { env: 'sandbox', latencyMs: 42, cacheHit: false, answeredAt: ANSWERED };

function order(overrides: Partial<Order> = {}): Order {
  return {
    couponType: { kind: 'amount', raw: 'AMOUNT' },
    status: { kind: 'unused', raw: '000' },
    barcode: '012345678902',
    receiverMobile: '01098765432',
    orderDate: '2024-02-01',
    validEndDate: '2024-03-31',
    // 2024-02-29 00:15 KST, still Feb 28 in UTC.
    exchangedAt: new Date(Date.UTC(2024, 1, 28, 15, 15, 0)),
    cancelledAt: null,
    totalAmount: 10_000,
    remainAmount: 2_500,
    expired: false,
    raw: {
      COUPON_TYPE: 'AMOUNT',
      STATUS: '000',
      RECEIVER_MOBILE: '01098765432',
      BARCODE_NUM: '012345678902',
      EXCHANGE_DATE: '20240229001500',
      TOTAL_AMOUNT: '10000',
      REMAIN_AMOUNT: '2500',
    },
    ...overrides,
  };
}

describe('json-view', () => {
  it('a found coupon: phone masked in the typed field and in raw, instants as +09:00 ISO', () => {
    const outcome: LookupOutcome = {
      ok: true,
      goodsId: '0000999999',
      barcode: '012345678902',
      orders: [order()],
      vendorMessage: 'SUCCESS',
      meta: META,
    };
    const json = outcomeToJson(outcome);
    expect(json).toEqual({
      ok: true,
      goodsId: '0000999999',
      barcode: '012345678902',
      vendorMessage: 'SUCCESS',
      orders: [
        {
          verdict: { state: 'usable', category: 'usable', partlyUsed: true },
          couponType: { kind: 'amount', raw: 'AMOUNT' },
          status: { kind: 'unused', raw: '000' },
          barcode: '012345678902',
          receiverMobile: '010-****-5432',
          orderDate: '2024-02-01',
          validEndDate: '2024-03-31',
          exchangedAt: '2024-02-29T00:15:00+09:00',
          cancelledAt: null,
          totalAmount: 10_000,
          remainAmount: 2_500,
          expired: false,
          raw: {
            COUPON_TYPE: 'AMOUNT',
            STATUS: '000',
            RECEIVER_MOBILE: '010-****-5432',
            BARCODE_NUM: '012345678902',
            EXCHANGE_DATE: '20240229001500',
            TOTAL_AMOUNT: '10000',
            REMAIN_AMOUNT: '2500',
          },
        },
      ],
      meta: { env: 'sandbox', latencyMs: 42, cacheHit: false, answeredAt: '2024-03-01T00:30:00+09:00' },
    });
    const text = JSON.stringify(json);
    expect(text).not.toContain('01098765432');
    expect(text).not.toContain('9876');
  });

  it('masks a raw-only phone and does not touch the order it was given', () => {
    const input = order({
      receiverMobile: null,
      cancelledAt: new Date(Date.UTC(2024, 0, 1, 0, 0, 0)),
      raw: { RECEIVER_MOBILE: '+82 10-9876-5432' },
    });
    const json = orderToJson(input) as { receiverMobile: unknown; cancelledAt: unknown; raw: Record<string, string> };
    expect(json.receiverMobile).toBeNull();
    expect(json.raw.RECEIVER_MOBILE).toBe('***-5432');
    expect(json.cancelledAt).toBe('2024-01-01T09:00:00+09:00');
    expect(input.raw.RECEIVER_MOBILE).toBe('+82 10-9876-5432');
  });

  it('a failure: the error’s name, code, message and typed fields, never its cause', () => {
    const failed = (error: CoufunError): LookupOutcome => ({
      ok: false,
      goodsId: '0000133518',
      barcode: '0000000000',
      error,
      meta: { ...META, env: 'test' },
    });
    expect(outcomeToJson(failed(vendor('16', '존재하지 않는 쿠폰번호입니다.')))).toEqual({
      ok: false,
      goodsId: '0000133518',
      barcode: '0000000000',
      error: {
        name: 'VendorError',
        code: 'VENDOR',
        message: 'Coufun result code 16',
        retryable: false,
        vendorCode: '16',
        vendorMessage: '존재하지 않는 쿠폰번호입니다.',
        info: { code: '16', known: true, audience: 'user', retryable: false },
      },
      meta: { env: 'test', latencyMs: 42, cacheHit: false, answeredAt: '2024-03-01T00:30:00+09:00' },
    });

    const withCause = new NetworkError('connection reset', { cause: new Error('token=SECRET-TOKEN') });
    const net = errorToJson(withCause);
    expect(net).toEqual({
      name: 'NetworkError',
      code: 'NETWORK',
      message: 'Coufun unreachable: connection reset',
      retryable: true,
      reason: 'connection reset',
    });
    expect(JSON.stringify(net)).not.toContain('SECRET');

    expect(errorToJson(new ValidationError('BARCODE_NUM', 'max_bytes', { limit: 30, actual: 31 }))).toMatchObject({
      name: 'ValidationError',
      code: 'INVALID_INPUT',
      field: 'BARCODE_NUM',
      rule: 'max_bytes',
      detail: { limit: 30, actual: 31 },
    });
  });

  it('survives a JSON round trip unchanged', () => {
    const outcome: LookupOutcome = {
      ok: true,
      goodsId: '0000999999',
      barcode: '012345678902',
      orders: [order(), order({ exchangedAt: null })],
      vendorMessage: 'SUCCESS',
      meta: META,
    };
    const json = outcomeToJson(outcome);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
