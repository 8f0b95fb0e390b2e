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

/**
 * The vendor's message, verbatim except for bearer values and personal numbers: should Coufun
 * ever echo the coupon number or a phone number in RESULT_MSG, a shareable card must not show
 * it whole. The barcode asked about and any run of 9+ digits keep only their last four.
 */
export function maskVendorMessage(message: string, barcode: string): string {
  const withoutBarcode = barcode.length >= 8 ? message.split(barcode).join(maskBarcode(barcode)) : message;
  return withoutBarcode.replace(/\d(?:[\d-]{7,}\d)/g, (run) => (run.replace(/-/g, '').length >= 9 ? maskBarcode(run.replace(/-/g, '')) : run));
}

/** The error section for one barcode. `view` may be passed when the caller already described the error. */
export function errorBlock(error: CoufunError, barcode: string, locale: Locale, view: ErrorView = describeError(error, locale)): SectionBlock {
  const detail =
    error instanceof VendorError ? quote(truncate(maskVendorMessage(view.detail, barcode), MAX_VENDOR_MESSAGE_CHARS)) : escapeMrkdwn(view.detail);
  const lines = [
    `${AUDIENCE_EMOJI[view.audience]} *${escapeMrkdwn(view.title)}*`,
    // Masked like everywhere on a card: a barcode is a bearer value.
    `${escapeMrkdwn(t(locale).field.barcode)}: ${escapeMrkdwn(maskBarcode(barcode))}`,
    detail,
    `_${escapeMrkdwn(view.hint)}_`,
  ];
  return section(lines.join('\n'));
}
