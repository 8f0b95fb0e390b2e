import { describe, expect, it } from 'vitest';
import { MAX_BARCODES } from '../../../src/config/limits.js';
import { ACTION_IDS, encodeActionValue, LIMITS, type CardActionValue } from '../../../src/slack/render/index.js';
import { decodeActionValue } from '../../support/action-values.js';
import { barcodeN, GOODS_ID } from '../../support/factories.js';

describe('action IDs', () => {
  it('are stable, distinct and within the ID limit (listeners register against them)', () => {
    expect(ACTION_IDS).toEqual({ share: 'coupon_share', refresh: 'coupon_refresh', retry: 'coupon_retry' });
    expect(new Set(Object.values(ACTION_IDS)).size).toBe(3);
  });
});

describe('encode / decode action values', () => {
  it.each<[string, CardActionValue]>([
    ['one barcode', { goodsId: GOODS_ID, barcodes: ['012345678902'] }],
    [
      'five barcodes, leading zeros kept',
      { goodsId: '0000000001', barcodes: Array.from({ length: MAX_BARCODES }, (_, i) => `00${barcodeN(i)}`) },
    ],
    ['odd characters', { goodsId: 'A-1_"\\', barcodes: ['x"y', '한글', '🎫'] }],
  ])('round trip: %s', (_name, value) => {
    const encoded = encodeActionValue(value);
    expect(encoded.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(decodeActionValue(encoded)).toEqual({ goodsId: value.goodsId, barcodes: [...value.barcodes] });
  });

  it('is compact JSON', () => {
    expect(encodeActionValue({ goodsId: 'G1', barcodes: ['B1', 'B2'] })).toBe('{"g":"G1","b":["B1","B2"]}');
  });

  it('tolerates extra keys from another version', () => {
    expect(decodeActionValue('{"v":2,"g":"G1","b":["B1"],"x":{}}')).toEqual({ goodsId: 'G1', barcodes: ['B1'] });
  });

  it.each([
    ['empty string', ''],
    ['not JSON', 'coupon_refresh'],
    ['truncated JSON', '{"g":"G1","b":["B1"'],
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"G1"'],
    ['an array', '[["G1"],["B1"]]'],
    ['no goods', '{"b":["B1"]}'],
    ['blank goods', '{"g":"  ","b":["B1"]}'],
    ['goods not a string', '{"g":1,"b":["B1"]}'],
    ['goods too long', JSON.stringify({ g: 'G'.repeat(101), b: ['B1'] })],
    ['no barcodes', '{"g":"G1"}'],
    ['barcodes not an array', '{"g":"G1","b":"B1"}'],
    ['empty barcodes', '{"g":"G1","b":[]}'],
    ['too many barcodes', JSON.stringify({ g: 'G1', b: Array.from({ length: MAX_BARCODES + 1 }, (_, i) => `B${i}`) })],
    ['a barcode not a string', '{"g":"G1","b":["B1",2]}'],
    ['a null barcode', '{"g":"G1","b":[null]}'],
    ['a blank barcode', '{"g":"G1","b":["B1",""]}'],
    ['a barcode too long', JSON.stringify({ g: 'G1', b: ['B'.repeat(101)] })],
    ['prototype games', '{"__proto__":{"g":"G1","b":["B1"]}}'],
  ])('malformed or forged → null: %s', (_name, value) => {
    expect(decodeActionValue(value)).toBeNull();
  });

  it('accepts the longest IDs it allows (100 characters)', () => {
    const value = { goodsId: 'G'.repeat(100), barcodes: ['B'.repeat(100)] };
    expect(decodeActionValue(encodeActionValue(value))).toEqual(value);
  });

  it('a value too long for a button is a RangeError, not a broken button', () => {
    const value = { goodsId: GOODS_ID, barcodes: ['B'.repeat(LIMITS.buttonValue)] };
    expect(() => encodeActionValue(value)).toThrow(RangeError);
    expect(() => encodeActionValue(value)).toThrow(/max 2000/);
  });

  it('exactly at the limit still encodes', () => {
    const overhead = encodeActionValue({ goodsId: 'G', barcodes: [''] }).length;
    const value = { goodsId: 'G', barcodes: ['B'.repeat(LIMITS.buttonValue - overhead)] };
    expect(encodeActionValue(value)).toHaveLength(LIMITS.buttonValue);
  });
});
