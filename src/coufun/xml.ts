/**
 * Decoded text → the `<COUFUNSEARCH>` element as a plain object of strings, or a
 * `BadResponseError` saying why the text is not a Coufun answer. Every value stays a string.
 */
import { XMLParser, XMLValidator, type EntityDecoderOptions } from 'fast-xml-parser';
import { BadResponseError } from './errors.js';

/** The root element every Coufun answer has. */
export const ROOT = 'COUFUNSEARCH';
/** The repeated block of a multi-order answer. */
export const ORDER_BLOCK = 'ORDER_INFO';

/** A parsed element: text (`''` when empty), repeated elements (arrays) or child elements. */
export type XmlNode = string | XmlNode[] | { [name: string]: XmlNode };

const BUILTIN_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeReference(match: string, name: string): string {
  if (!name.startsWith('#')) return BUILTIN_ENTITIES[name] ?? match;
  const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
  const legal = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff));
  return legal ? String.fromCodePoint(code) : match;
}

// Only the five XML builtins and character references are expanded. Entities a DOCTYPE declares
// are ignored (left literal), so no entity-expansion or external-entity trick reaches our data.
const builtinOnlyDecoder: EntityDecoderOptions = {
  setExternalEntities: () => undefined,
  addInputEntities: () => undefined,
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text) => text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);/g, decodeReference),
};

const parser = new XMLParser({
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  cdataPropName: false,
  processEntities: true,
  entityDecoder: builtinOnlyDecoder,
  isArray: (name, jPath) => name === ORDER_BLOCK && jPath === `${ROOT}.${ORDER_BLOCK}`,
});

/** A document that began as a Coufun answer and stops before its root element closes. */
export function looksCutOff(text: string): boolean {
  const t = text.trimStart();
  if (/<\/COUFUNSEARCH\s*>/.test(t)) return false;
  if (t.startsWith(`<${ROOT}`)) return true;
  if (!t.startsWith('<?xml')) return false;
  const declEnd = t.indexOf('?>');
  if (declEnd === -1) return true;
  const rest = t.slice(declEnd + 2).trimStart();
  return rest.length <= ROOT.length ? `<${ROOT}`.startsWith(rest) : rest.startsWith(`<${ROOT}`);
}

/**
 * Validate and parse the text; return the children of `<COUFUNSEARCH>` (an empty object when
 * it has none). Throws `BadResponseError`: `truncated`, `not_xml` (also for HTML, even when
 * well-formed) or `wrong_root`.
 */
export function parseCoufunXml(text: string): Record<string, XmlNode> {
  if (text.trim() === '') throw new BadResponseError('not_xml', 'empty body');
  const verdict = XMLValidator.validate(text);
  if (verdict !== true) {
    if (looksCutOff(text)) throw new BadResponseError('truncated');
    throw new BadResponseError('not_xml', verdict.err.code);
  }
  let doc: Record<string, XmlNode>;
  try {
    doc = parser.parse(text) as Record<string, XmlNode>;
  } catch {
    throw new BadResponseError('not_xml', 'parser rejected the document');
  }
  const roots = Object.keys(doc);
  if (roots.length === 1 && roots[0]?.toLowerCase() === 'html') throw new BadResponseError('not_xml', 'HTML page');
  if (roots.length !== 1 || roots[0] !== ROOT) throw new BadResponseError('wrong_root', describeRoots(roots));
  const root = doc[ROOT];
  if (Array.isArray(root)) throw new BadResponseError('wrong_root', `several <${ROOT}> elements`);
  // `<COUFUNSEARCH/>` or text-only: no children, so the RESULT_CODE check reports it.
  return typeof root === 'object' ? root : {};
}

function describeRoots(roots: readonly string[]): string {
  if (roots.length === 0) return 'no root element';
  // Element names only (never content), truncated: safe for logs.
  return `root <${roots
    .slice(0, 3)
    .map((r) => r.slice(0, 40))
    .join('>, <')}>`;
}

/**
 * The trimmed text of a child element; `undefined` when absent or empty (`<X/>`, `<X></X>`).
 * Throws `BadResponseError('wrong_root')` when the element repeats or holds child elements:
 * a field must be one text value, and guessing which copy is right could mislabel a coupon.
 */
export function textOf(node: Readonly<Record<string, XmlNode>>, name: string): string | undefined {
  if (!Object.hasOwn(node, name)) return undefined;
  const value = node[name];
  if (typeof value !== 'string') throw new BadResponseError('wrong_root', `<${name}> is not a single text value`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
