/**
 * Pure Coufun codec: request validation and encoding, response decoding and parsing. No I/O.
 * The steps live in small modules (validate, charset, xml, fields); this file joins them.
 */
import { decodeBody } from './charset.js';
import { BadResponseError } from './errors.js';
import { typeOrder } from './fields.js';
import { ORDER_FIELDS, type CoufunRequest, type CoufunResult, type OrderField } from './types.js';
import { validateRequest } from './validate.js';
import { ORDER_BLOCK, parseCoufunXml, textOf, type XmlNode } from './xml.js';

/** At most this many `<ORDER_INFO>` blocks in one answer (manual §6). */
export const MAX_ORDERS = 10;

/** `application/x-www-form-urlencoded` body for a request; throws `ValidationError` first if it breaks a rule. */
export function encodeRequest(req: CoufunRequest): string {
  validateRequest(req);
  return new URLSearchParams({ POC_ID: req.pocId, GOODS_ID: req.goodsId, BARCODE_NUM: req.barcode }).toString();
}

/**
 * Decode (charset from `contentType`, else the XML declaration, else EUC-KR) and parse one
 * Coufun response body. Throws `BadResponseError` when it is not a Coufun answer.
 * `nowMs` (injected clock) decides `expired`.
 */
export function parseResponse(body: Uint8Array, contentType: string | undefined, nowMs: number): CoufunResult {
  const root = parseCoufunXml(decodeBody(body, contentType));
  const code = textOf(root, 'RESULT_CODE');
  if (code === undefined) throw new BadResponseError('no_result_code');
  const message = textOf(root, 'RESULT_MSG') ?? '';
  if (code !== '00') return { ok: false, code, message };
  const orders = readOrderFields(root).map((raw) => typeOrder(raw, nowMs));
  return { ok: true, code, message, orders };
}

type RawOrder = Partial<Record<OrderField, string>>;

/**
 * The raw fields of each order, in vendor order, from any of the three shapes: fields flat under
 * the root, one `<ORDER_INFO>`, or several. When a block has fields the blocks alone are the
 * orders (a root-level field beside them is read as an echo of the request, not as another order).
 */
function readOrderFields(root: Readonly<Record<string, XmlNode>>): RawOrder[] {
  const blocks = root[ORDER_BLOCK];
  const sources = Array.isArray(blocks) ? blocks : [];
  if (sources.length > MAX_ORDERS) throw new BadResponseError('too_many_orders', `${sources.length} orders`);
  let orders = sources.map(fieldsOf).filter(hasFields);
  // No blocks, or only empty ones (`<ORDER_INFO/>` beside flat fields): the order is the root.
  if (orders.length === 0) orders = [fieldsOf(root)].filter(hasFields);
  if (orders.length === 0) throw new BadResponseError('no_orders');
  return orders;
}

function hasFields(raw: RawOrder): boolean {
  return Object.keys(raw).length > 0;
}

function fieldsOf(node: XmlNode): RawOrder {
  // `<ORDER_INFO/>` or a text-only block carries no fields.
  if (typeof node !== 'object' || Array.isArray(node)) return {};
  const raw: RawOrder = {};
  for (const field of ORDER_FIELDS) {
    const value = textOf(node, field);
    if (value !== undefined) raw[field] = value;
  }
  return raw;
}
