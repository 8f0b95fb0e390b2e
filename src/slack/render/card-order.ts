/**
 * One coupon order on the card, from the display module's `OrderView`: the full layout (a
 * header and a section of labelled fields) or the compact one (a single mrkdwn line).
 */
import type { KnownBlock } from '@slack/types';
import { expiryText, maskBarcode, t, type Locale, type OrderView, type Tone } from '../../display/index.js';
import { escapeMrkdwn, fieldsSection, header, section, type Field } from './blocks.js';

/** A visual cue per status tone, so a glance tells usable from spent. */
export const TONE_EMOJI: Readonly<Record<Tone, string>> = {
  available: '🟢',
  used: '⚪',
  cancelled: '🔴',
  expired: '🟠',
  unknown: '❔',
};

/** `🟢 미사용`; `label` dresses the words, e.g. bold for the compact line. */
export function statusText(view: OrderView, label: (words: string) => string = (words) => words): string {
  return `${TONE_EMOJI[view.status.tone]} ${label(view.status.label)}`;
}

/**
 * Barcodes are bearer values (whoever holds one can spend it) and a card can be shared to a
 * channel, so a card shows only the last four characters, enough to tell coupons apart.
 */
function barcodeText(view: OrderView): string | null {
  return view.barcode ? maskBarcode(view.barcode) : null;
}

/** Remaining balance first, then face value and amount used: `2,500원 (총 금액 10,000원 · 사용 금액 7,500원)`. */
function balanceText(view: OrderView, locale: Locale): string | null {
  const b = view.balance;
  if (!b) return null;
  const f = t(locale).field;
  const extra = [b.total && `${f.total} ${b.total}`, b.used && `${f.used} ${b.used}`].filter(Boolean).join(' · ');
  const main = b.remain ?? '-';
  return extra ? `${main} (${extra})` : main;
}

/**
 * At most nine fields (the section limit is ten): type, status, coupon number, validity,
 * balance, order date, exchanged, cancelled, recipient (already masked by the display module).
 */
function orderFields(view: OrderView, locale: Locale): Field[] {
  const f = t(locale).field;
  const candidates: ReadonlyArray<readonly [string, string | null]> = [
    [f.type, view.typeLabel],
    [f.status, statusText(view)],
    [f.barcode, barcodeText(view)],
    [f.expiry, expiryText(view.expiry)],
    [f.balance, balanceText(view, locale)],
    [f.orderDate, view.orderDate],
    [f.exchangedAt, view.exchangedAt],
    [f.cancelledAt, view.cancelledAt],
    [f.receiver, view.receiver],
  ];
  return candidates.flatMap(([label, value]) => (value ? [{ label, value }] : []));
}

/** Full layout: header (product name, `(2/3)` when the barcode has several orders) and fields. */
export function fullOrderBlocks(view: OrderView, index: number, count: number, locale: Locale): KnownBlock[] {
  const title = count > 1 ? `${view.title} (${index + 1}/${count})` : view.title;
  return [header(title), fieldsSection(orderFields(view, locale))];
}

/** Compact layout: one line of the key facts, e.g. `🟢 *미사용* · 교환권 · 쿠폰번호 0123… · 유효기간 …`. */
export function compactOrderBlock(view: OrderView, locale: Locale): KnownBlock {
  const f = t(locale).field;
  const facts: ReadonlyArray<readonly [string | null, string | null]> = [
    [null, view.typeLabel],
    [f.barcode, barcodeText(view)],
    [f.expiry, expiryText(view.expiry)],
    [f.balance, view.balance && [view.balance.remain ?? '-', view.balance.total].filter(Boolean).join(' / ')],
    [f.exchangedAt, view.exchangedAt],
    [f.cancelledAt, view.cancelledAt],
  ];
  const rest = facts.flatMap(([label, value]) => (value ? [escapeMrkdwn(label ? `${label} ${value}` : value)] : []));
  const status = statusText(view, (words) => `*${escapeMrkdwn(words)}*`);
  return section([status, ...rest].join(' · '));
}
