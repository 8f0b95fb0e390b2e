/**
 * `Order` → `OrderView`: a display-neutral model of one coupon that the terminal and the Slack
 * card both render. Every string is already formatted and localised; personal data is masked.
 */
import type { Order, OrderField } from '../coufun/types.js';
import { formatDate, formatKst, formatWon, kstDaysUntil, maskPhone } from './format.js';
import { statusLabel, t, typeLabel, type Locale, type StatusLabel } from './labels.js';

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
  readonly status: StatusLabel;
  /** The barcode as sent (the one the user asked about), leading zeros kept. */
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
  /**
   * Every present fact below the header (title, goods ID, type and status), in a fixed order:
   * coupon number, validity, balance, face value, used, order date, exchanged, cancelled, recipient.
   */
  readonly rows: readonly ViewRow[];
}

/** Typed value formatted, else the vendor's raw text (shown as sent, never hidden), else null. */
function typedOrRaw<T>(value: T | null, format: (v: T) => string, raw: string | undefined): string | null {
  if (value !== null) return format(value);
  return raw ?? null;
}

/** Describe one order for display. Pure: the same order, time and locale give the same view. */
export function describeOrder(order: Order, ctx: OrderViewContext): OrderView {
  const { locale } = ctx;
  const labels = t(locale);
  const raw = (field: OrderField): string | undefined => order.raw[field];
  const won = (n: number): string => formatWon(n, locale);

  const remain = typedOrRaw(order.remainAmount, won, raw('REMAIN_AMOUNT'));
  const total = typedOrRaw(order.totalAmount, won, raw('TOTAL_AMOUNT'));
  const usedAmount =
    order.totalAmount !== null && order.remainAmount !== null && order.totalAmount >= order.remainAmount
      ? won(order.totalAmount - order.remainAmount)
      : null;
  const receiverText = order.receiverMobile ?? raw('RECEIVER_MOBILE');

  const view: Omit<OrderView, 'rows'> = {
    title: ctx.goodsName ?? ctx.goodsId,
    goodsId: ctx.goodsId,
    typeLabel: typeLabel(order.couponType, locale, raw('COUPON_TYPE')),
    status: statusLabel(order.status, order.expired, locale, raw('STATUS')),
    barcode: order.barcode ?? raw('BARCODE_NUM') ?? ctx.barcode ?? null,
    expiry: describeExpiry(order, ctx),
    balance: remain === null && total === null ? null : { remain, total, used: usedAmount },
    orderDate: typedOrRaw(order.orderDate, formatDate, raw('ORDER_DATE')),
    exchangedAt: typedOrRaw(order.exchangedAt, formatKst, raw('EXCHANGE_DATE')),
    cancelledAt: typedOrRaw(order.cancelledAt, formatKst, raw('CANCEL_DATE')),
    // Always masked, even when only the raw text is available.
    receiver: receiverText ? maskPhone(receiverText) : null,
  };

  const f = labels.field;
  const candidates: ReadonlyArray<readonly [string, string | null | undefined]> = [
    [f.barcode, view.barcode],
    [f.expiry, expiryText(view.expiry)],
    [f.balance, view.balance?.remain],
    [f.total, view.balance?.total],
    [f.used, view.balance?.used],
    [f.orderDate, view.orderDate],
    [f.exchangedAt, view.exchangedAt],
    [f.cancelledAt, view.cancelledAt],
    [f.receiver, view.receiver],
  ];
  const rows = candidates.flatMap(([label, value]) => (value ? [{ label, value }] : []));
  return { ...view, rows };
}

/** The validity as one string, `2024-03-31 (30일 남음)`, or just the date when there is no phrase. */
export function expiryText(expiry: OrderView['expiry']): string | null {
  if (!expiry) return null;
  return expiry.phrase ? `${expiry.date} (${expiry.phrase})` : expiry.date;
}

function describeExpiry(order: Order, ctx: OrderViewContext): OrderView['expiry'] {
  if (order.validEndDate === null) {
    const rawDate = order.raw.VALID_END_DATE;
    return rawDate ? { date: rawDate, phrase: null } : null;
  }
  const days = kstDaysUntil(order.validEndDate, ctx.nowMs);
  const words = t(ctx.locale).expiry;
  const phrase = days === null ? null : days > 0 ? words.daysLeft(days) : days === 0 ? words.today : words.expiredAgo(-days);
  return { date: formatDate(order.validEndDate), phrase };
}
