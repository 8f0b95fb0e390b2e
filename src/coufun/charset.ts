/**
 * Response body → text. The vendor answers in EUC-KR; in practice its superset CP949 may appear,
 * and a proxy or a future vendor release may send UTF-8. Pure: bytes in, string out.
 */
import iconv from 'iconv-lite';

/** The decoders this module uses (iconv-lite names). */
export type BodyCharset = 'cp949' | 'utf-8' | 'utf-16le' | 'utf-16be';

// Every label the WHATWG Encoding Standard gives EUC-KR, plus the Microsoft names of CP949.
// All map to cp949, the superset, so CP949-only syllables such as '똠' still decode.
const KOREAN_LABELS = new Set([
  'euc-kr',
  'euckr',
  'x-euc-kr',
  'cseuckr',
  'ks_c_5601-1987',
  'ks_c_5601-1989',
  'ksc5601',
  'ksc_5601',
  'csksc56011987',
  'iso-ir-149',
  'korean',
  'cp949',
  'ms949',
  'x-windows-949',
  'windows-949',
  'uhc',
]);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8']);

/** Map a charset label to a decoder, or `null` when the label is not one we trust. */
export function normalizeCharset(label: string): BodyCharset | null {
  const name = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (KOREAN_LABELS.has(name)) return 'cp949';
  if (UTF8_LABELS.has(name)) return 'utf-8';
  return null;
}

/** The `charset` parameter of a Content-Type header, verbatim (unquoted), or `undefined`. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*("[^"]*"|[^;\s]*)/i.exec(contentType ?? '');
  const value = match?.[1]?.replace(/^"|"$/g, '').trim();
  return value ? value : undefined;
}

/** The `encoding` of an XML declaration in the first ~200 bytes, read as latin1, or `undefined`. */
export function charsetFromDeclaration(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 200)).toString('latin1');
  return /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(head)?.[1]?.trim() || undefined;
}

const BOMS: ReadonlyArray<readonly [readonly number[], BodyCharset]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Where the decoder choice came from; `default` means nothing trustworthy named a charset. */
export type CharsetSource = 'bom' | 'label' | 'default';

/**
 * Choose the decoder: a byte-order mark (unambiguous bytes), else the Content-Type charset, else
 * the XML declaration, else EUC-KR. A label we do not recognise falls through to the next source
 * (servlet containers often default the header to ISO-8859-1 while the body is EUC-KR).
 */
export function detectCharset(
  body: Uint8Array,
  contentType: string | undefined,
): { charset: BodyCharset; bomLength: number; source: CharsetSource } {
  for (const [bom, charset] of BOMS) {
    if (startsWith(body, bom)) return { charset, bomLength: bom.length, source: 'bom' };
  }
  const labels = [charsetFromContentType(contentType), charsetFromDeclaration(body)];
  for (const label of labels) {
    const charset = label === undefined ? null : normalizeCharset(label);
    if (charset) return { charset, bomLength: 0, source: 'label' };
  }
  return { charset: 'cp949', bomLength: 0, source: 'default' };
}

// Made once: a fatal decoder keeps no state between whole-buffer decode() calls.
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A Buffer over the same memory (iconv-lite wants a Buffer; copying the body is waste). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Decode a response body to text (BOM stripped). A body declared UTF-8 that is not valid UTF-8
 * is read as CP949 instead, the vendor's native encoding, rather than as replacement characters.
 * A body with no usable label is tried as strict UTF-8 first, then CP949: Korean EUC-KR text is
 * almost never valid UTF-8, so a UTF-8 body (a proxy, a new vendor release) is not garbled.
 * Invalid CP949 bytes become U+FFFD: one damaged character must not lose the whole answer.
 */
export function decodeBody(body: Uint8Array, contentType: string | undefined): string {
  const { charset, bomLength, source } = detectCharset(body, contentType);
  const bytes = body.subarray(bomLength);
  if (charset === 'utf-8' || source === 'default') {
    try {
      return STRICT_UTF8.decode(bytes);
    } catch {
      return iconv.decode(asBuffer(bytes), 'cp949');
    }
  }
  return iconv.decode(asBuffer(bytes), charset, { stripBOM: false });
}
