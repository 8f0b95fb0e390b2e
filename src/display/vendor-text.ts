/**
 * Text that came from Coufun (RESULT_MSG, unknown codes, raw field values) made safe to show as
 * text: bidi overrides, zero-width and other invisible or control characters removed (U+202E
 * could otherwise turn a message around), and customer numbers masked by src/text/masks.ts. Markup
 * escaping is the renderer's job (mrkdwn for Slack); this is what every front end shares.
 */
import { maskTextAbout } from '../text/masks.js';

// C0/C1 controls except tab and newline, Arabic letter mark, Mongolian vowel separator,
// zero-width space/joiners, LRM/RLM, bidi embeddings/overrides/isolates, word joiner and
// invisible operators, line/paragraph separators, BOM.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g;

/** `text` without invisible, bidi or control characters (tab and newline stay). */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Vendor text ready to show: invisible characters removed, the coupon number asked about and
 * every phone number (any grouping) or long number masked to its last four.
 */
export function cleanVendorText(text: string, barcode?: string): string {
  return maskTextAbout(stripInvisible(text), barcode);
}
