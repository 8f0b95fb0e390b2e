import { describe, expect, it } from 'vitest';
import { encodeRequest } from '../../src/coufun/codec.js';
import { REQUEST_LIMITS, validateField, validateRequest } from '../../src/coufun/validate.js';
import { ErrorCode, ValidationError, type RequestField } from '../../src/coufun/errors.js';
import type { CoufunRequest } from '../../src/coufun/types.js';

const VALID: CoufunRequest = { pocId: 'POC_01', goodsId: 'G-0001', barcode: '012345678901' };
const KEY: Record<RequestField, keyof CoufunRequest> = { POC_ID: 'pocId', GOODS_ID: 'goodsId', BARCODE_NUM: 'barcode' };
const FIELDS: readonly RequestField[] = ['POC_ID', 'GOODS_ID', 'BARCODE_NUM'];

function thrown(req: CoufunRequest): ValidationError {
  let caught: unknown;
  try {
    validateRequest(req);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(ValidationError);
  return caught as ValidationError;
}

function withField(field: RequestField, value: string): CoufunRequest {
  return { ...VALID, [KEY[field]]: value };
}

describe('validateRequest', () => {
  it('accepts a valid request', () => {
    expect(() => validateRequest(VALID)).not.toThrow();
  });

  it('has the manual limits', () => {
    expect(REQUEST_LIMITS).toEqual({ POC_ID: 10, GOODS_ID: 10, BARCODE_NUM: 30 });
  });

  describe.each(FIELDS)('%s', (field) => {
    const limit = REQUEST_LIMITS[field];

    it.each(['', '   ', '\t\n'])('is required (%j)', (value) => {
      const e = thrown(withField(field, value));
      expect([e.field, e.rule]).toEqual([field, 'required']);
      expect(e.code).toBe(ErrorCode.InvalidInput);
      expect(e.retryable).toBe(false);
    });

    it.each([
      ['a space inside', 'AB CD', ' '],
      ['a leading space (callers trim)', ' ABCD', ' '],
      ['a trailing newline', 'ABCD\n', '\n'],
      ['a Hangul syllable', 'AB쿠폰', '쿠'],
      ['full-width digits', 'AB１２', '１'],
      ['an emoji, reported whole', 'A🎁', '🎁'],
      ['a dot', 'A.B', '.'],
      ['an ampersand', 'A&B=C', '&'],
    ])('rejects %s as charset', (_name, value, char) => {
      const e = thrown(withField(field, value));
      expect([e.field, e.rule, e.detail.char]).toEqual([field, 'charset', char]);
    });

    it(`allows exactly ${limit} bytes and rejects ${limit + 1}`, () => {
      expect(() => validateRequest(withField(field, 'A'.repeat(limit)))).not.toThrow();
      const e = thrown(withField(field, '9'.repeat(limit + 1)));
      expect([e.field, e.rule]).toEqual([field, 'max_bytes']);
      expect(e.detail).toEqual({ limit, actual: limit + 1 });
    });

    it('checks charset before length', () => {
      expect(thrown(withField(field, `${'A'.repeat(limit)}한`)).rule).toBe('charset');
    });

    it('never puts the value into the message', () => {
      const value = `Z9${'7'.repeat(limit)}`;
      const e = thrown(withField(field, value));
      expect(e.message).not.toContain(value);
      expect(e.message).not.toContain('777');
    });
  });

  it('reports POC_ID, then GOODS_ID, then BARCODE_NUM', () => {
    expect(thrown({ pocId: '', goodsId: '', barcode: '' }).field).toBe('POC_ID');
    expect(thrown({ ...VALID, goodsId: 'x y', barcode: '' }).field).toBe('GOODS_ID');
    expect(thrown({ ...VALID, barcode: '' }).field).toBe('BARCODE_NUM');
  });
});

describe('validateField', () => {
  it('returns null for a good value and the error for a bad one', () => {
    expect(validateField('BARCODE_NUM', 'A-b_9')).toBeNull();
    const e = validateField('GOODS_ID', 'G 1');
    expect(e).toBeInstanceOf(ValidationError);
    expect([e?.field, e?.rule, e?.detail.char]).toEqual(['GOODS_ID', 'charset', ' ']);
  });
});

describe('encodeRequest', () => {
  it('encodes the three parameters as a form body', () => {
    const body = encodeRequest(VALID);
    expect(body).toBe('POC_ID=POC_01&GOODS_ID=G-0001&BARCODE_NUM=012345678901');
    const params = new URLSearchParams(body);
    expect(params.get('BARCODE_NUM')).toBe('012345678901');
  });

  it('refuses an invalid request', () => {
    expect(() => encodeRequest({ ...VALID, barcode: 'a&POC_ID=evil' })).toThrow(ValidationError);
  });
});
