/**
 * Coufun response fixtures as raw bytes, the way the vendor sends them (EUC-KR / CP949).
 * Shared by the codec, client and sandbox tests.
 */
import iconv from 'iconv-lite';

/** The XML declaration the vendor sends. */
export const EUC_KR_DECL = '<?xml version="1.0" encoding="EUC-KR"?>';

/** The manual's success example (§6), verbatim. */
export const MANUAL_SUCCESS_XML = `<?xml version="1.0" encoding="EUC-KR"?>
<COUFUNSEARCH>
  <RESULT_CODE>00</RESULT_CODE>
  <RESULT_MSG>SUCCESS</RESULT_MSG>
  <COUPON_TYPE>AMOUNT</COUPON_TYPE>
  <ORDER_DATE>20230915</ORDER_DATE>
  <STATUS>000</STATUS>
  <RECEIVER_MOBILE>01012345678</RECEIVER_MOBILE>
  <BARCODE_NUM>ABC1234567890</BARCODE_NUM>
  <VALID_END_DATE>20231231</VALID_END_DATE>
  <EXCHANGE_DATE>20230915123000</EXCHANGE_DATE>
  <CANCEL_DATE></CANCEL_DATE>
  <TOTAL_AMOUNT>10000</TOTAL_AMOUNT>
  <REMAIN_AMOUNT>2500</REMAIN_AMOUNT>
</COUFUNSEARCH>
`;

/** The manual's failure example (§6), verbatim. */
export const MANUAL_FAILURE_XML = `<?xml version="1.0" encoding="EUC-KR"?>
<COUFUNSEARCH>
  <RESULT_CODE>99</RESULT_CODE>
  <RESULT_MSG>ERROR MESSAGE</RESULT_MSG>
</COUFUNSEARCH>
`;

/**
 * A field's content: text (XML-escaped for you), `null` for a self-closing `<TAG/>`,
 * `{ cdata }` for a CDATA section, `{ xml }` for markup inserted verbatim.
 */
export type FieldValue = string | null | { readonly cdata: string } | { readonly xml: string };
export type Fields = Readonly<Record<string, FieldValue>>;

/** Escape text for element content. */
export function xmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** One element per field, in the order given, each on its own indented line. */
export function fieldsXml(fields: Fields, indent = '  '): string {
  return Object.entries(fields)
    .map(([tag, value]) => {
      if (value === null) return `${indent}<${tag}/>`;
      if (typeof value === 'string') return `${indent}<${tag}>${xmlEscape(value)}</${tag}>`;
      if ('cdata' in value) return `${indent}<${tag}><![CDATA[${value.cdata}]]></${tag}>`;
      return `${indent}<${tag}>${value.xml}</${tag}>`;
    })
    .join('\n');
}

/** A typical unused AMOUNT coupon (the manual's example values); override any field. */
export function sampleOrder(overrides: Fields = {}): Fields {
  return {
    COUPON_TYPE: 'AMOUNT',
    ORDER_DATE: '20230915',
    STATUS: '000',
    RECEIVER_MOBILE: '01012345678',
    BARCODE_NUM: 'ABC1234567890',
    VALID_END_DATE: '20231231',
    EXCHANGE_DATE: '20230915123000',
    CANCEL_DATE: '',
    TOTAL_AMOUNT: '10000',
    REMAIN_AMOUNT: '2500',
    ...overrides,
  };
}

export interface EnvelopeOptions {
  readonly code?: string;
  readonly message?: FieldValue;
  /** The XML declaration line; `''` for none. Default: the vendor's EUC-KR declaration. */
  readonly decl?: string;
  /** Extra root-level fields written before the orders. */
  readonly rootFields?: Fields;
}

function envelope(inner: string, { code = '00', message = 'SUCCESS', decl = EUC_KR_DECL, rootFields = {} }: EnvelopeOptions): string {
  const head = fieldsXml({ RESULT_CODE: code, RESULT_MSG: message, ...rootFields });
  const body = [head, inner].filter((part) => part !== '').join('\n');
  return `${decl ? `${decl}\n` : ''}<COUFUNSEARCH>\n${body}\n</COUFUNSEARCH>\n`;
}

/** Single-order shape: the order fields flat under `<COUFUNSEARCH>`. */
export function flatXml(fields: Fields, options: EnvelopeOptions = {}): string {
  return envelope(fieldsXml(fields), options);
}

/** Multi-order shape: one `<ORDER_INFO>` block per order. */
export function ordersXml(orders: readonly Fields[], options: EnvelopeOptions = {}): string {
  const blocks = orders.map((o) => `  <ORDER_INFO>\n${fieldsXml(o, '    ')}\n  </ORDER_INFO>`).join('\n');
  return envelope(blocks, options);
}

/** A failure answer: RESULT_CODE and RESULT_MSG only. */
export function failureXml(code: string, message: string, options: Omit<EnvelopeOptions, 'code' | 'message'> = {}): string {
  return envelope('', { ...options, code, message });
}

/**
 * Encode as the vendor does. iconv-lite's EUC-KR is CP949 (the superset), so CP949-only
 * syllables such as '똠' encode too, as they would from the vendor's Windows-949 stack.
 */
export function eucKr(xml: string): Uint8Array {
  return new Uint8Array(iconv.encode(xml, 'cp949'));
}

/** Encode as UTF-8 (for bodies declared UTF-8). */
export function utf8(xml: string): Uint8Array {
  return new TextEncoder().encode(xml);
}

/** A Content-Type header with the given charset. */
export function xmlContentType(charset: string): string {
  return `text/xml; charset=${charset}`;
}
