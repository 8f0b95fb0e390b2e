import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import { charsetFromContentType, charsetFromDeclaration, decodeBody, detectCharset, normalizeCharset } from '../../src/coufun/charset.js';
import { parseResponse } from '../../src/coufun/codec.js';
import { eucKr, failureXml, flatXml, sampleOrder, utf8, xmlContentType } from './fixtures.js';

const NOW = Date.parse('2023-10-01T00:00:00Z');
const KOREAN = '유효기간이 만료된 쿠폰입니다';

describe('parseResponse: charset', () => {
  it('decodes a Korean RESULT_MSG from EUC-KR bytes', () => {
    const body = eucKr(failureXml('04', KOREAN));
    // The fixture really is EUC-KR, not UTF-8: '유' is the two bytes C0 AF.
    expect(Buffer.from(body).includes(Buffer.from([0xc0, 0xaf]))).toBe(true);
    expect(Buffer.from(body).includes(Buffer.from(KOREAN))).toBe(false);
    expect(parseResponse(body, 'text/xml; charset=EUC-KR', NOW).message).toBe(KOREAN);
  });

  it.each(['똠', '햏', '똠방각하 햏'])('decodes CP949-only syllables (%s) in an EUC-KR labelled body', (text) => {
    const body = eucKr(failureXml('99', text));
    expect(parseResponse(body, 'text/xml;charset=euc-kr', NOW).message).toBe(text);
  });

  it.each(['ks_c_5601-1987', 'CP949', 'x-windows-949', 'windows-949', 'UHC', '"euc-kr"'])('treats charset=%s as CP949', (label) => {
    expect(parseResponse(eucKr(failureXml('99', '똠')), xmlContentType(label), NOW).message).toBe('똠');
    expect(normalizeCharset(label)).toBe('cp949');
  });

  it('lets the Content-Type charset beat the XML declaration', () => {
    const body = utf8(failureXml('99', KOREAN)); // declaration says EUC-KR, bytes are UTF-8
    expect(parseResponse(body, 'text/xml; charset=UTF-8', NOW).message).toBe(KOREAN);
  });

  it('reads a body declared UTF-8 without mojibake', () => {
    const xml = failureXml('99', KOREAN, { decl: '<?xml version="1.0" encoding="UTF-8"?>' });
    expect(parseResponse(utf8(xml), undefined, NOW).message).toBe(KOREAN);
    expect(parseResponse(utf8(xml), 'text/xml', NOW).message).toBe(KOREAN);
  });

  it('defaults to EUC-KR with no declaration and no Content-Type', () => {
    const body = eucKr(failureXml('99', KOREAN, { decl: '' }));
    expect(parseResponse(body, undefined, NOW).message).toBe(KOREAN);
    expect(detectCharset(body, undefined)).toEqual({ charset: 'cp949', bomLength: 0, source: 'default' });
    expect(detectCharset(body, 'text/xml')).toEqual({ charset: 'cp949', bomLength: 0, source: 'default' });
  });

  it('reads an unlabelled UTF-8 body (no charset, no declaration, no BOM) without mojibake', () => {
    const body = utf8(failureXml('99', KOREAN, { decl: '' }));
    expect(parseResponse(body, undefined, NOW).message).toBe(KOREAN);
    expect(parseResponse(body, 'text/xml', NOW).message).toBe(KOREAN);
    expect(parseResponse(body, 'text/xml; charset=ISO-8859-1', NOW).message).toBe(KOREAN);
  });

  it.each(['똠방각하 햏', KOREAN, '가', '정상 처리되었습니다'])('still reads unlabelled EUC-KR bytes (%s) as CP949, not UTF-8', (text) => {
    const body = eucKr(failureXml('99', text, { decl: '' }));
    expect(parseResponse(body, undefined, NOW).message).toBe(text);
  });

  it('decodes one body after another, valid UTF-8 or not, with no state carried over', () => {
    const euc = eucKr(failureXml('99', KOREAN, { decl: '' }));
    const u8 = utf8(failureXml('99', '똠', { decl: '' }));
    expect([euc, u8, euc, u8].map((b) => parseResponse(b, undefined, NOW).message)).toEqual([KOREAN, '똠', KOREAN, '똠']);
  });

  it('builds no TextDecoder per call', () => {
    const spy = vi.spyOn(globalThis, 'TextDecoder');
    try {
      decodeBody(utf8(failureXml('99', KOREAN)), 'text/xml; charset=utf-8');
      decodeBody(utf8(failureXml('99', KOREAN, { decl: '' })), undefined);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  it('falls back past an unrecognised charset label (servlet default ISO-8859-1)', () => {
    const body = eucKr(failureXml('99', KOREAN));
    expect(parseResponse(body, 'text/xml; charset=ISO-8859-1', NOW).message).toBe(KOREAN);
    expect(parseResponse(eucKr(failureXml('99', KOREAN, { decl: '' })), 'text/xml; charset=x-bogus', NOW).message).toBe(KOREAN);
  });

  it('strips a UTF-8 BOM and trusts it', () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(failureXml('99', KOREAN))]);
    expect(parseResponse(body, 'text/xml; charset=EUC-KR', NOW).message).toBe(KOREAN);
  });

  it('reads EUC-KR bytes mislabelled UTF-8 as CP949', () => {
    const body = eucKr(failureXml('99', KOREAN));
    expect(parseResponse(body, 'text/xml; charset=utf-8', NOW).message).toBe(KOREAN);
  });

  it('keeps the order fields intact in a Korean answer', () => {
    const body = eucKr(flatXml(sampleOrder({ BARCODE_NUM: '012345678901' }), { message: '정상' }));
    const result = parseResponse(body, undefined, NOW);
    expect(result.message).toBe('정상');
    expect(result.ok && result.orders[0]?.barcode).toBe('012345678901');
  });
});

describe('charset helpers', () => {
  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetFromContentType('text/xml; charset=EUC-KR')).toBe('EUC-KR');
    expect(charsetFromContentType('text/xml;Charset="utf-8"; foo=bar')).toBe('utf-8');
    expect(charsetFromContentType('text/xml')).toBeUndefined();
    expect(charsetFromContentType(undefined)).toBeUndefined();
    expect(charsetFromContentType('text/xml; charset=')).toBeUndefined();
  });

  it('reads the encoding of an XML declaration, and only of a declaration', () => {
    expect(charsetFromDeclaration(Buffer.from(`<?xml version="1.0" encoding='ks_c_5601-1987'?><A/>`))).toBe('ks_c_5601-1987');
    expect(charsetFromDeclaration(Buffer.from('<?xml version="1.0"?><A encoding="utf-8"/>'))).toBeUndefined();
    expect(charsetFromDeclaration(Buffer.from('<A/>'))).toBeUndefined();
  });

  it('maps labels to decoders', () => {
    expect(normalizeCharset(' EUC-KR ')).toBe('cp949');
    expect(normalizeCharset('utf8')).toBe('utf-8');
    expect(normalizeCharset('iso-8859-1')).toBeNull();
  });

  it('detects UTF-16 by its BOM', () => {
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(failureXml('99', KOREAN, { decl: '' }), 'utf-16le')]);
    expect(detectCharset(body, undefined)).toEqual({ charset: 'utf-16le', bomLength: 2, source: 'bom' });
    expect(decodeBody(body, undefined)).toContain(KOREAN);
  });

  it('turns a lone EUC-KR lead byte into U+FFFD without eating the next tag', () => {
    const body = Buffer.from([...Buffer.from('<A>x'), 0xb1, ...Buffer.from('</A>')]);
    expect(decodeBody(body, undefined)).toBe('<A>x\uFFFD</A>');
  });
});
