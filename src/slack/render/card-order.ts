/**
 * One coupon order on the card, from the display module's `OrderView`: the full layout (a
 * header, the verdict line, then a section of the field table's card fields) or the compact one
 * (a single mrkdwn line that also leads with the verdict).
 */
import type { KnownBlock } from '@slack/types';
import { fieldsOn, type FieldRow, type OrderView, type OrdersSummary, type Tone } from '../../display/index.js';
import { context, escapeMrkdwn, escapeText, fieldsSection, header, mrkdwn, section, type Field } from './blocks.js';

/** A visual cue per tone, so a glance tells usable from spent. */
export const TONE_EMOJI: Readonly<Record<Tone, string>> = {
  available: '🟢',
  partial: '🟡',
  used: '⚪',
  cancelled: '🔴',
  expired: '🟠',
  unknown: '❔',
};

/** `🟢 *사용 가능* · 잔액 2,500원 · 유효기간 2024-03-04 (3일 남음)`: the answer, first. */
function verdictText(view: OrderView): string {
  const { verdict } = view;
  return [`${TONE_EMOJI[verdict.tone]} *${escapeMrkdwn(verdict.headline)}*`, ...verdict.reasons.map(escapeText)].join(' · ');
}

/** A field of the table as the card shows it: the status row carries its colour cue. */
function cardField(view: OrderView, row: FieldRow): Field {
  const value = row.key === 'status' ? `${TONE_EMOJI[view.status.tone]} ${row.value}` : row.value;
  return { label: row.label, value, masked: row.masked };
}

/**
 * Full layout: header (product name, `(2/3)` when the barcode has several orders), then one
 * section whose text is the verdict and whose fields are the details, so the answer sits right
 * under the name.
 */
export function fullOrderBlocks(view: OrderView, index: number, count: number): KnownBlock[] {
  const title = count > 1 ? `${view.title} (${index + 1}/${count})` : view.title;
  const details = fieldsSection(fieldsOn(view.fields, 'card').map((row) => cardField(view, row)));
  return [header(title), { ...details, text: mrkdwn(verdictText(view)) }];
}

/** Compact layout: one line, the verdict first, e.g. `🟢 *사용 가능* · 유효기간 … · 교환권 · 쿠폰번호 ••••8902`. */
export function compactOrderBlock(view: OrderView): KnownBlock {
  const facts = fieldsOn(view.fields, 'card').filter((f) => f.key === 'type' || f.key === 'barcode');
  const rest = facts.map((f) => (f.key === 'type' ? escapeText(f.value) : `${escapeMrkdwn(f.label)} ${escapeMrkdwn(f.value)}`));
  return section([verdictText(view), ...rest].join(' · '));
}

/**
 * Above several orders of one coupon number: the product name, the summary line right under it,
 * and in which order the orders follow.
 */
export function summaryBlocks(title: string, summary: OrdersSummary): KnownBlock[] {
  return [header(title), summaryLineBlock(summary), context([escapeMrkdwn(summary.sequence)])];
}

/**
 * The summary line alone (`*3건: 사용 가능 1 · 사용 1 · 취소 1*`); the compact card, where several
 * coupon numbers share one header, prefixes the masked number it is about.
 */
export function summaryLineBlock(summary: OrdersSummary, about?: string): KnownBlock {
  return section(`${about ? `${escapeMrkdwn(about)} · ` : ''}*${escapeMrkdwn(summary.line)}*`);
}
