/**
 * `Order` → `OrderView`: a display-neutral model of one coupon that the terminal and the Slack
 * card both render. Every string is already formatted and localised; personal data is masked,
 * and so is the coupon number unless the caller asks to reveal it. The verdict line comes
 * first; the detail rows come from the one field table (order-fields.ts).
 */
import type { Order, OrderField } from '../coufun/types.js';
import { formatDate, formatKst, formatWon } from './format.js';
import { maskBarcode, maskPhone } from '../text/masks.js';
import { kstDaysUntil } from '../time/kst.js';
import { orderFieldRows, type FieldRow, type OrderFacts, type Surface } from './order-fields.js';
import { statusLabel, t, typeLabel, type StatusLabel } from './labels.js';
import type { Locale } from './i18n.js';
import { describeVerdict, type Verdict } from './verdict.js';
import { stripInvisible } from './vendor-text.js';

/** What `describeOrder` needs besides the order. */
export interface OrderViewContext {
  /** Now (injected clock), epoch ms: the expiry phrase counts KST calendar days from here. */
  readonly nowMs: number;
  readonly locale: Locale;
  /** The goods ID asked about. */
  readonly goodsId: string;
  /** The product's name, when a catalog knows it; the title falls back to the goods ID. */
  readonly goodsName?: string;
  /** The barcode asked about, shown when the vendor's order carries none. */
  readonly barcode?: string;
  /** Show the coupon number whole (an explicit operator choice); masked to its last four otherwise. */
  readonly revealBarcode?: boolean;
}

/** One labelled fact, for renderers that just list rows. */
export interface ViewRow {
  readonly label: string;
  readonly value: string;
}

/** One coupon, ready to render. Fields are `null` when the vendor sent nothing for them. */
export interface OrderView {
  /** The goods name, else the goods ID. */
  readonly title: string;
  readonly goodsId: string;
  readonly typeLabel: string;
  /** The status in words with its tone (`부분 사용` for a partly used amount voucher). */
  readonly status: StatusLabel;
  /** The status row: as `status`, but keeps the vendor's own code visible for 부분 사용. */
  readonly statusDetail: string;
  /** The one-line answer to "can the customer use it now?". */
  readonly verdict: Verdict;
  /** The coupon number as displayed: masked (`••••8902`) unless revealed. */
  readonly barcode: string | null;
  /** Valid-through date and how far it is from today (`phrase` is null when the date is raw text). */
  readonly expiry: { readonly date: string; readonly phrase: string | null } | null;
  /** Formatted won amounts; `used` = total − remain when both are known. Null when no amount was sent. */
  readonly balance: { readonly remain: string | null; readonly total: string | null; readonly used: string | null } | null;
  readonly orderDate: string | null;
  /** `YYYY-MM-DD HH:mm` KST. */
  readonly exchangedAt: string | null;
  /** `YYYY-MM-DD HH:mm` KST. */
  readonly cancelledAt: string | null;
  /** Masked mobile number (`010-****-5678`). */
  readonly receiver: string | null;
  /** Every present field of the field table, in its order, with where it shows. */
  readonly fields: readonly FieldRow[];
  /** The terminal's rows (the fields that show there). */
  readonly rows: readonly ViewRow[];
}

/**
 * Typed value formatted, else the vendor's raw text (shown as sent, never hidden — only invisible
 * and bidi characters go), else null. Phone and coupon numbers have their own masked fields.
 */
function typedOrRaw<T>(value: T | null, format: (v: T) => string, raw: string | undefined): string | null {
  if (value !== null) return format(value);
  return raw === undefined ? null : stripInvisible(raw);
}

/** Describe one order for display. Pure: the same order, time and locale give the same view. */
export function describeOrder(order: Order, ctx: OrderViewContext): OrderView {
  const { locale } = ctx;
  const labels = t(locale);
  const raw = (field: OrderField): string | undefined => {
    const value = order.raw[field];
    return value === undefined ? undefined : stripInvisible(value);
  };
  const won = (n: number): string => formatWon(n, locale);

  const remain = typedOrRaw(order.remainAmount, won, order.raw.REMAIN_AMOUNT);
  const total = typedOrRaw(order.totalAmount, won, order.raw.TOTAL_AMOUNT);
  const usedAmount =
    order.totalAmount !== null && order.remainAmount !== null && order.totalAmount >= order.remainAmount
      ? won(order.totalAmount - order.remainAmount)
      : null;
  const receiverText = order.receiverMobile ?? order.raw.RECEIVER_MOBILE;
  const barcode = order.barcode ?? order.raw.BARCODE_NUM ?? ctx.barcode ?? null;

  const vendorStatus = statusLabel(order.status, order.expired, locale, raw('STATUS'));
  const expiry = describeExpiry(order, ctx);
  const exchangedAt = typedOrRaw(order.exchangedAt, formatKst, order.raw.EXCHANGE_DATE);
  const cancelledAt = typedOrRaw(order.cancelledAt, formatKst, order.raw.CANCEL_DATE);
  const verdict = describeVerdict(order, { statusLabel: vendorStatus.label, expiry, remain, total, exchangedAt, cancelledAt }, locale);
  // 부분 사용 / 전액 사용 in words (a 🟢 미사용 beside a spent balance reads as a contradiction);
  // the status row keeps the vendor's own code beside it.
  const vendorRaw = order.status?.raw ?? '';
  const status: StatusLabel = verdict.partlyUsed
    ? { label: labels.status.partlyUsed, tone: 'partial' }
    : verdict.category === 'noBalance'
      ? { label: labels.status.spent, tone: 'used' }
      : vendorStatus;
  const statusDetail = verdict.partlyUsed
    ? labels.status.partial(vendorRaw, vendorStatus.label)
    : verdict.category === 'noBalance'
      ? labels.status.spentDetail(vendorRaw, vendorStatus.label)
      : vendorStatus.label;

  const facts: OrderFacts = {
    order,
    locale,
    typeLabel: typeLabel(order.couponType, locale, raw('COUPON_TYPE')),
    statusDetail,
    barcode: barcode === null ? null : ctx.revealBarcode ? stripInvisible(barcode) : maskBarcode(barcode),
    expiryText: expiryText(expiry),
    balance: remain === null && total === null ? null : { remain, total, used: usedAmount },
    orderDate: typedOrRaw(order.orderDate, formatDate, order.raw.ORDER_DATE),
    exchangedAt,
    cancelledAt,
    // Always masked, even when only the raw text is available.
    receiver: receiverText ? maskPhone(receiverText) : null,
  };
  const fields = orderFieldRows(facts, labels.field);
  return {
    title: ctx.goodsName ?? ctx.goodsId,
    goodsId: ctx.goodsId,
    typeLabel: facts.typeLabel,
    status,
    statusDetail,
    verdict,
    barcode: facts.barcode,
    expiry,
    balance: facts.balance,
    orderDate: facts.orderDate,
    exchangedAt,
    cancelledAt,
    receiver: facts.receiver,
    fields,
    rows: fieldsOn(fields, 'terminal').map(({ label, value }) => ({ label, value })),
  };
}

/** The fields of a view that show on `surface`, as label/value rows. */
export function fieldsOn(fields: readonly FieldRow[], surface: Surface): FieldRow[] {
  return fields.filter((f) => f.on.includes(surface));
}

/** The validity as one string, `2024-03-31 (30일 남음)`, or just the date when there is no phrase. */
export function expiryText(expiry: OrderView['expiry']): string | null {
  if (!expiry) return null;
  return expiry.phrase ? `${expiry.date} (${expiry.phrase})` : expiry.date;
}

function describeExpiry(order: Order, ctx: OrderViewContext): OrderView['expiry'] {
  if (order.validEndDate === null) {
    const rawDate = order.raw.VALID_END_DATE;
    return rawDate ? { date: stripInvisible(rawDate), phrase: null } : null;
  }
  const days = kstDaysUntil(order.validEndDate, ctx.nowMs);
  const words = t(ctx.locale).expiry;
  const phrase = days === null ? null : days > 0 ? words.daysLeft(days) : days === 0 ? words.today : words.expiredAgo(-days);
  return { date: formatDate(order.validEndDate), phrase };
}
