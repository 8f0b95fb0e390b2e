/**
 * A failed barcode on the card: what went wrong (the display module's words), the vendor's
 * own message quoted verbatim for vendor failures, and who should act. Every string is escaped:
 * the vendor's message is untrusted text and never becomes markup.
 */
import type { SectionBlock } from '@slack/types';
import { VendorError, type CoufunError } from '../../coufun/errors.js';
import type { ResultAudience } from '../../coufun/types.js';
import { describeError, maskBarcode, t, type ErrorView, type Locale } from '../../display/index.js';
import { escapeMrkdwn, quote, section, truncate } from './blocks.js';

const AUDIENCE_EMOJI: Readonly<Record<ResultAudience, string>> = {
  user: '⚠️',
  operator: '🛠️',
  transient: '⏳',
  unknown: '❓',
};

// RESULT_MSG is at most 100 bytes by the manual; a misbehaving server could send more, and
// five long messages must not push a card past Slack's size limit.
const MAX_VENDOR_MESSAGE_CHARS = 300;

/** The error section for one barcode. `view` may be passed when the caller already described the error. */
export function errorBlock(error: CoufunError, barcode: string, locale: Locale, view: ErrorView = describeError(error, locale)): SectionBlock {
  const detail =
    error instanceof VendorError ? quote(truncate(view.detail, MAX_VENDOR_MESSAGE_CHARS)) : escapeMrkdwn(view.detail);
  const lines = [
    `${AUDIENCE_EMOJI[view.audience]} *${escapeMrkdwn(view.title)}*`,
    // Masked like everywhere on a card: a barcode is a bearer value.
    `${escapeMrkdwn(t(locale).field.barcode)}: ${escapeMrkdwn(maskBarcode(barcode))}`,
    detail,
    `_${escapeMrkdwn(view.hint)}_`,
  ];
  return section(lines.join('\n'));
}
