/**
 * Writes Coufun answers as the vendor does (manual §6): an EUC-KR XML document with root
 * `<COUFUNSEARCH>`, every value a string. Pure: strings in, string or bytes out.
 */
import iconv from 'iconv-lite';
import { ORDER_FIELDS, type OrderField } from '../types.js';

/** One order's fields as sent: `''` renders an empty tag, an absent field is left out. */
export type OrderSpec = Readonly<Partial<Record<OrderField, string>>>;

/** `flat`: one order's fields directly under the root; `blocks`: one `<ORDER_INFO>` per order. */
export type OrderShape = 'flat' | 'blocks';

/** The header the vendor sends with every XML answer. */
export const XML_CONTENT_TYPE = 'text/xml; charset=EUC-KR';

const DECLARATION = '<?xml version="1.0" encoding="EUC-KR"?>';

/** Escape text content (`&`, `<`, `>`). */
export function escapeXml(text: string): string {
  // Invisible and bidi controls have no EUC-KR bytes: a server sends them as character references.
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, (c) => `&#x${c.codePointAt(0)!.toString(16).toUpperCase()};`);
}

function element(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

function orderLines(order: OrderSpec, indent: string): string[] {
  return ORDER_FIELDS.flatMap((f) => {
    const v = order[f];
    return v === undefined ? [] : [indent + element(f, v)];
  });
}

function document(lines: readonly string[], eol = '\n'): string {
  return [DECLARATION, '<COUFUNSEARCH>', ...lines, '</COUFUNSEARCH>', ''].join(eol);
}

/** A success answer (RESULT_CODE `00`) carrying 1–10 orders in the given shape. */
export function successXml(message: string, orders: readonly OrderSpec[], shape: OrderShape): string {
  const head = [`  ${element('RESULT_CODE', '00')}`, `  ${element('RESULT_MSG', message)}`];
  if (shape === 'flat') {
    const [only, ...rest] = orders;
    if (!only || rest.length > 0) throw new RangeError('a flat answer holds exactly one order');
    return document([...head, ...orderLines(only, '  ')]);
  }
  const blocks = orders.flatMap((o) => ['  <ORDER_INFO>', ...orderLines(o, '    '), '  </ORDER_INFO>']);
  return document([...head, ...blocks]);
}

/** A failure answer: only RESULT_CODE and RESULT_MSG (manual §6). */
export function errorXml(code: string, message: string): string {
  return document([`  ${element('RESULT_CODE', code)}`, `  ${element('RESULT_MSG', message)}`]);
}

function cdata(text: string): string {
  return `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

/**
 * A success answer for one flat order written the untidy way real servers do: CRLF line ends,
 * tabs, values wrapped in whitespace, CDATA sections (message, barcode, phone) and self-closing
 * empty tags in both spellings (`<X/>`, `<X />`).
 */
export function quirkyXml(message: string, order: OrderSpec): string {
  let empties = 0;
  const fields = ORDER_FIELDS.flatMap((f) => {
    const v = order[f];
    if (v === undefined) return [];
    if (v === '') return [empties++ % 2 === 0 ? `\t<${f}/>` : `\t<${f} />`];
    if (f === 'BARCODE_NUM' || f === 'RECEIVER_MOBILE') return [`\t<${f}>${cdata(v)}</${f}>`];
    return [`\t<${f}>\r\n\t\t${escapeXml(v)}\r\n\t</${f}>`];
  });
  return document(['\t<RESULT_CODE> 00 </RESULT_CODE>', `\t<RESULT_MSG>${cdata(message)}</RESULT_MSG>`, ...fields], '\r\n');
}

/**
 * The bytes on the wire. Encoded as CP949, the superset of EUC-KR the vendor's servers really
 * emit: plain EUC-KR text comes out byte-identical, and a CP949-only syllable (똠) comes out as
 * CP949 bytes under an EUC-KR declaration, as it does in the wild.
 */
export function encodeXml(xml: string): Buffer {
  return iconv.encode(xml, 'cp949');
}
