import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeXml, errorXml, escapeXml, quirkyXml, successXml } from '../../../src/coufun/sandbox/xml.js';
import { count } from './http.js';

const ORDER = { COUPON_TYPE: 'AMOUNT', STATUS: '000', BARCODE_NUM: '012345678901', CANCEL_DATE: '', TOTAL_AMOUNT: '10000' };

describe('sandbox XML writer', () => {
  it('escapes &, < and > in text', () => {
    expect(escapeXml('a & b <c> d')).toBe('a &amp; b &lt;c&gt; d');
    expect(errorXml('99', 'x < y & z')).toContain('<RESULT_MSG>x &lt; y &amp; z</RESULT_MSG>');
  });

  it('declares EUC-KR and puts one flat order under <COUFUNSEARCH>', () => {
    const xml = successXml('SUCCESS', [ORDER], 'flat');
    expect(xml.startsWith('<?xml version="1.0" encoding="EUC-KR"?>\n<COUFUNSEARCH>')).toBe(true);
    expect(xml.trimEnd().endsWith('</COUFUNSEARCH>')).toBe(true);
    expect(xml).toContain('<RESULT_CODE>00</RESULT_CODE>');
    expect(xml).toContain('<BARCODE_NUM>012345678901</BARCODE_NUM>');
    expect(xml).toContain('<CANCEL_DATE></CANCEL_DATE>');
    expect(xml).not.toContain('ORDER_INFO');
    expect(xml).not.toContain('REMAIN_AMOUNT'); // absent fields stay absent
  });

  it('writes the order fields in the manual order', () => {
    const xml = successXml('SUCCESS', [{ TOTAL_AMOUNT: '1', COUPON_TYPE: 'AMOUNT', STATUS: '000' }], 'flat');
    expect(xml.indexOf('COUPON_TYPE')).toBeLessThan(xml.indexOf('STATUS'));
    expect(xml.indexOf('STATUS')).toBeLessThan(xml.indexOf('TOTAL_AMOUNT'));
  });

  it('wraps each order in <ORDER_INFO> in the blocks shape, and refuses a flat answer of two', () => {
    const xml = successXml('SUCCESS', [ORDER, ORDER], 'blocks');
    expect(count(xml, '<ORDER_INFO>')).toBe(2);
    expect(count(xml, '</ORDER_INFO>')).toBe(2);
    expect(() => successXml('SUCCESS', [ORDER, ORDER], 'flat')).toThrow(RangeError);
    expect(() => successXml('SUCCESS', [], 'flat')).toThrow(RangeError);
  });

  it('writes a failure with only the code and message', () => {
    const xml = errorXml('16', '존재하지 않는 쿠폰번호입니다.');
    expect(xml).toContain('<RESULT_CODE>16</RESULT_CODE>');
    expect(xml).not.toContain('STATUS');
  });

  it('writes the untidy variant with CRLF, CDATA, padded values and both self-closing spellings', () => {
    const xml = quirkyXml('a ]]> b & <c>', { ...ORDER, EXCHANGE_DATE: '' });
    expect(xml).toContain('\r\n');
    expect(xml).toContain('<RESULT_CODE> 00 </RESULT_CODE>');
    expect(xml).toContain('<BARCODE_NUM><![CDATA[012345678901]]></BARCODE_NUM>');
    // `]]>` inside CDATA is split so the section stays well formed
    expect(xml).toContain('<RESULT_MSG><![CDATA[a ]]]]><![CDATA[> b & <c>]]></RESULT_MSG>');
    expect(xml).toMatch(/<EXCHANGE_DATE\/>/);
    expect(xml).toMatch(/<CANCEL_DATE \/>/);
    expect(xml).toMatch(/<STATUS>\r\n\t\t000\r\n\t<\/STATUS>/);
  });

  it('encodes Korean as EUC-KR bytes and a CP949-only syllable as CP949 bytes', () => {
    const bytes = encodeXml('가똠');
    expect(bytes.toString('hex')).toBe('b0a18c63'); // 가 = B0A1 (KS X 1001), 똠 = 8C63 (CP949 extension)
    expect(iconv.decode(bytes, 'euc-kr')).toBe('가똠');
  });
});
