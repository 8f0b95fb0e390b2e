/**
 * A failed barcode on the card, from the display module's `ErrorView`: first that whether the
 * coupon can be used cannot be told, then what went wrong, the vendor's own message quoted as
 * text (cleaned and masked by the display module), and who should act. Every string is escaped.
 */
import type { SectionBlock } from '@slack/types';
import type { ResultAudience } from '../../coufun/types.js';
import { t, type ErrorView, type Locale } from '../../display/index.js';
import { maskBarcode } from '../../text/masks.js';
import { escapeMrkdwn, escapeText, quote, section, truncate } from './blocks.js';

const AUDIENCE_EMOJI: Readonly<Record<ResultAudience, string>> = {
  user: '⚠️',
  operator: '🛠️',
  transient: '⏳',
  unknown: '❓',
};

// RESULT_MSG is at most 100 bytes by the manual; a misbehaving server could send more, and
// five long messages must not push a card past Slack's size limit.
const MAX_VENDOR_MESSAGE_CHARS = 300;

/** The error section for one barcode. */
export function errorBlock(view: ErrorView, barcode: string, locale: Locale): SectionBlock {
  const detail = view.vendorText ? quote(truncate(view.detail, MAX_VENDOR_MESSAGE_CHARS)) : escapeMrkdwn(view.detail);
  const lines = [
    `${AUDIENCE_EMOJI[view.audience]} *${escapeMrkdwn(view.verdict)}* · *${escapeText(view.title)}*`,
    // Masked like everywhere on a card: a barcode is a bearer value.
    `${escapeMrkdwn(t(locale).field.barcode)}: ${escapeMrkdwn(maskBarcode(barcode))}`,
    detail,
    `_${escapeMrkdwn(view.hint)}_`,
  ];
  return section(lines.join('\n'));
}
