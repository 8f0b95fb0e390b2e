import { describe, expect, it } from 'vitest';
import { parseResponse } from '../../src/coufun/codec.js';
import { BadResponseError, type BadResponseReason } from '../../src/coufun/errors.js';
import { looksCutOff } from '../../src/coufun/xml.js';
import { MANUAL_SUCCESS_XML, eucKr, flatXml, ordersXml, sampleOrder, utf8 } from './fixtures.js';

const NOW = Date.parse('2023-10-01T00:00:00Z');

function errorOf(body: Uint8Array, contentType?: string): BadResponseError {
  let caught: unknown;
  try {
    parseResponse(body, contentType, NOW);
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(BadResponseError);
  return caught as BadResponseError;
}

function reasonOf(body: Uint8Array, contentType?: string): BadResponseReason {
  return errorOf(body, contentType).reason;
}

describe('parseResponse: not a Coufun answer', () => {
  it.each([
    ['an HTML error page', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>'],
    ['sloppy HTML', '<html><body><p>Service unavailable<br></body></html>'],
    ['well-formed XHTML', '<html><body>Error</body></html>'],
    ['plain text', 'Internal Server Error'],
    ['JSON', '{"RESULT_CODE":"00"}'],
    ['an empty body', ''],
    ['whitespace only', ' \r\n '],
    ['a complete document with junk inside', MANUAL_SUCCESS_XML.replace('<STATUS>000</STATUS>', '<STATUS>000</STAT>')],
  ])('%s → not_xml', (_name, text) => {
    expect(reasonOf(eucKr(text))).toBe('not_xml');
  });

  it.each([
    ['cut inside an order', MANUAL_SUCCESS_XML.slice(0, MANUAL_SUCCESS_XML.indexOf('<REMAIN_AMOUNT>') + 18)],
    ['cut inside the closing tag', MANUAL_SUCCESS_XML.slice(0, MANUAL_SUCCESS_XML.lastIndexOf('>'))],
    ['cut after the declaration', '<?xml version="1.0" encoding="EUC-KR"?>\n<COUF'],
    ['cut inside the declaration', '<?xml version="1.0" enc'],
    ['no declaration, cut', '<COUFUNSEARCH><RESULT_CODE>00</RESULT_CODE>'],
  ])('%s → truncated', (_name, text) => {
    expect(reasonOf(eucKr(text))).toBe('truncated');
  });

  it('does not call every broken <?xml document truncated', () => {
    expect(looksCutOff('<?xml version="1.0"?><html><body>oops')).toBe(false);
    expect(looksCutOff('<?xml version="1.0"?><COUFUNSEARCH><RESULT_CODE>0')).toBe(true);
  });

  it.each([
    ['another root', '<?xml version="1.0"?><RESULT><RESULT_CODE>00</RESULT_CODE></RESULT>'],
    ['lower-case root', '<coufunsearch><RESULT_CODE>00</RESULT_CODE></coufunsearch>'],
    ['two roots', '<COUFUNSEARCH><RESULT_CODE>00</RESULT_CODE></COUFUNSEARCH><COUFUNSEARCH/>'],
    ['a root beside COUFUNSEARCH', '<COUFUNSEARCH><RESULT_CODE>00</RESULT_CODE></COUFUNSEARCH><EXTRA/>'],
    ['a repeated RESULT_CODE', '<COUFUNSEARCH><RESULT_CODE>00</RESULT_CODE><RESULT_CODE>99</RESULT_CODE></COUFUNSEARCH>'],
    ['an order field with children', flatXml(sampleOrder({ BARCODE_NUM: { xml: '<A>1</A>' } }))],
  ])('%s → wrong_root', (_name, text) => {
    expect(reasonOf(eucKr(text))).toBe('wrong_root');
  });

  it.each([
    ['no RESULT_CODE element', '<COUFUNSEARCH><RESULT_MSG>SUCCESS</RESULT_MSG></COUFUNSEARCH>'],
    ['an empty RESULT_CODE', '<COUFUNSEARCH><RESULT_CODE/><RESULT_MSG>SUCCESS</RESULT_MSG></COUFUNSEARCH>'],
    ['an empty root', '<?xml version="1.0" encoding="EUC-KR"?><COUFUNSEARCH/>'],
    ['a text-only root', '<COUFUNSEARCH>00</COUFUNSEARCH>'],
  ])('%s → no_result_code', (_name, text) => {
    expect(reasonOf(eucKr(text))).toBe('no_result_code');
  });

  it('success without any order field → no_orders', () => {
    expect(reasonOf(eucKr(flatXml({})))).toBe('no_orders');
    expect(reasonOf(eucKr(ordersXml([{}, { CANCEL_DATE: null }])))).toBe('no_orders');
  });

  it('11 orders → too_many_orders', () => {
    const eleven = Array.from({ length: 11 }, (_, i) => sampleOrder({ BARCODE_NUM: `B${i}` }));
    expect(reasonOf(eucKr(ordersXml(eleven)))).toBe('too_many_orders');
  });

  it('a UTF-8 HTML page is still not_xml', () => {
    expect(reasonOf(utf8('<html><body>점검 중입니다</body></html>'), 'text/html; charset=utf-8')).toBe('not_xml');
  });

  it('never puts the barcode into the error message', () => {
    const barcode = '012345678901234567890';
    const cut = flatXml(sampleOrder({ BARCODE_NUM: barcode }));
    const texts = [cut.slice(0, cut.indexOf('</BARCODE_NUM>')), flatXml(sampleOrder({ BARCODE_NUM: { xml: `<X>${barcode}</X>` } }))];
    for (const text of texts) {
      expect(errorOf(eucKr(text)).message).not.toContain(barcode);
    }
  });
});
