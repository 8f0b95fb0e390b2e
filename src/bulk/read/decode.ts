/**
 * A text list's bytes → text, without mojibake. Korean Excel saves CSV in CP949 and says nothing,
 * so the encoding is decided from the bytes: a UTF-8 or UTF-16 byte-order mark wins; otherwise
 * bytes that are valid UTF-8 are UTF-8, and anything else is read as CP949 (a superset of
 * EUC-KR). Pure.
 */
import iconv from 'iconv-lite';

/** How a text file was encoded. */
export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'cp949';

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The encoding of `bytes` and their text (any byte-order mark removed). */
export function decodeText(bytes: Uint8Array): { readonly encoding: TextEncoding; readonly text: string } {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8-bom', text: b.subarray(3).toString('utf8') };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', text: b.subarray(2).toString('utf16le') };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', text: iconv.decode(b.subarray(2), 'utf-16be') };
  try {
    return { encoding: 'utf-8', text: STRICT_UTF8.decode(b) };
  } catch {
    return { encoding: 'cp949', text: iconv.decode(b, 'cp949') };
  }
}
