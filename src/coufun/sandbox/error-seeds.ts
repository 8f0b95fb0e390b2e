/** Seeds that fail: vendor result codes, transient failures, and transport faults. */
import { kstCalendar } from './dates.js';
import { SANDBOX_GOODS_IDS as GOODS } from '../environments.js';
import { SUCCESS_MESSAGE, VENDOR_MESSAGES, type SandboxVendorCode } from './messages.js';
import { exchangeOrder } from './orders.js';
import type { Fault, Reply, Scenario } from './scenario.js';
import { errorXml, successXml } from './xml.js';

/** What a healthy server would answer for a failing seed: its unused exchange voucher. */
function healthy(nowMs: number, barcode: string): Reply {
  return { kind: 'xml', xml: successXml(SUCCESS_MESSAGE, [exchangeOrder(kstCalendar(nowMs), barcode)], 'flat') };
}

function vendorError(barcode: string, code: SandboxVendorCode, label: string, demonstrates: string): Scenario {
  return {
    goodsId: GOODS.americano,
    barcode,
    label,
    demonstrates,
    group: 'vendor-error',
    reply: () => ({ kind: 'xml', xml: errorXml(code, VENDOR_MESSAGES[code]) }),
  };
}

function fault(barcode: string, kind: Fault, label: string, demonstrates: string): Scenario {
  return {
    goodsId: GOODS.americano,
    barcode,
    label,
    demonstrates,
    group: 'fault',
    reply: (nowMs) => ({ kind: 'fault', fault: kind, xml: healthy(nowMs, barcode).xml }),
  };
}

/** Vendor result codes other than `00`, each with its Korean RESULT_MSG. */
export const VENDOR_ERROR_SCENARIOS: readonly Scenario[] = [
  vendorError('ERR01-IP', '01', '미등록 IP (01)', "Vendor code 01: the caller's IP is not registered (an operator problem)."),
  vendorError('ERR98-PERM', '98', 'API 권한 없음 (98)', 'Vendor code 98: the POC_ID lacks API permission (an operator problem).'),
  vendorError('ERR09-LIMIT', '09', '조회 횟수 초과 (09)', 'Vendor code 09: too many look-ups for this product number.'),
  vendorError('ERR17-USED', '17', '이미 사용된 쿠폰 (17)', 'Vendor code 17: the request was made on an already-used coupon.'),
  vendorError('ERR99-SYSTEM', '99', '기타 시스템 오류 (99)', 'Vendor code 99: some other system error.'),
  vendorError(
    'ERR95-MARKUP',
    '95',
    '서식·제어문자 메시지 (95)',
    'Vendor code 95 whose RESULT_MSG holds mrkdwn markers, a U+202E override and a dotted phone number: shown as text, masked.',
  ),
  vendorError(
    'ERR77-UNKNOWN',
    '77',
    '알 수 없는 코드 (77)',
    'Vendor code 77, which no table knows: shown with its message, never a crash.',
  ),
  {
    goodsId: GOODS.americano,
    barcode: 'FLAKY-50',
    group: 'vendor-error',
    label: '일시 장애 후 성공 (50)',
    demonstrates: 'Vendor code 50 (maintenance, transient) on the first request after a reset, then an unused exchange voucher.',
    reply: (nowMs, firstHit) => (firstHit() ? { kind: 'xml', xml: errorXml('50', VENDOR_MESSAGES['50']) } : healthy(nowMs, 'FLAKY-50')),
  },
];

/** Transport faults: each barcode makes the HTTP exchange itself go wrong. */
export const FAULT_SCENARIOS: readonly Scenario[] = [
  {
    goodsId: GOODS.americano,
    barcode: 'FLAKY-500',
    group: 'fault',
    label: 'HTTP 500 후 성공',
    demonstrates: 'An HTTP 500 HTML page on the first request after a reset, then an unused exchange voucher.',
    reply: (nowMs, firstHit) =>
      firstHit() ? { kind: 'fault', fault: 'http500', xml: healthy(nowMs, 'FLAKY-500').xml } : healthy(nowMs, 'FLAKY-500'),
  },
  fault('FAULT-SLOW', 'slow', '느린 응답', 'Answers an unused exchange voucher, but only after slowMs (default 1.5 s).'),
  fault('FAULT-HANG', 'hang', '응답 없음', 'Accepts the request and never answers (the connection stays open until the sandbox stops).'),
  fault('FAULT-500', 'http500', 'HTTP 500 오류', 'HTTP 500 with an HTML error page, every time.'),
  fault('FAULT-HTML', 'html200', 'HTML 점검 페이지', 'HTTP 200 with an HTML maintenance page instead of XML.'),
  fault('FAULT-TRUNCATED', 'truncated', '잘린 XML', 'A valid HTTP answer whose XML body stops in the middle of an element.'),
  fault('FAULT-OVERSIZE', 'oversize', '초대형 응답', 'A well-formed-looking XML answer of more than 1 MiB, streamed in chunks.'),
  fault('FAULT-REDIRECT', 'redirect', '리다이렉트', 'HTTP 302 to another URL (a client must not follow it).'),
  fault('FAULT-RESET', 'reset', '연결 끊김', 'Sends the headers and half the body, then destroys the connection.'),
];
