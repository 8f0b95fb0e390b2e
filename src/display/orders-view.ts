/**
 * Several orders for one coupon number: the views in the vendor's order, and a one-line summary
 * that comes first (`3건: 사용 가능 1 · 사용 1 · 취소 1`), saying in which order they follow.
 */
import type { Order } from '../coufun/types.js';
import type { Locale } from './i18n.js';
import { t } from './labels.js';
import { describeOrder, type OrderView, type OrderViewContext } from './order-view.js';
import type { VerdictCategory } from './verdict.js';

/** The line above several orders. */
export interface OrdersSummary {
  readonly count: number;
  /** How many orders fall in each verdict category. */
  readonly counts: Readonly<Record<VerdictCategory, number>>;
  /** `3건: 사용 가능 1 · 사용 1 · 취소 1`. */
  readonly line: string;
  /** In which order the orders follow (the vendor's, as sent). */
  readonly sequence: string;
}

/** The orders of one answer: their views, and a summary when there are two or more. */
export interface OrdersView {
  readonly orders: readonly OrderView[];
  readonly summary: OrdersSummary | null;
}

const CATEGORY_ORDER: readonly VerdictCategory[] = ['usable', 'used', 'cancelled', 'expired', 'noBalance', 'check'];

/** Summarise views (two or more; null for fewer): counts by verdict, non-zero ones in a fixed order. */
export function summarizeOrders(views: readonly OrderView[], locale: Locale): OrdersSummary | null {
  if (views.length < 2) return null;
  const words = t(locale).orders;
  const counts = Object.fromEntries(CATEGORY_ORDER.map((c) => [c, 0])) as Record<VerdictCategory, number>;
  for (const v of views) counts[v.verdict.category] += 1;
  const parts = CATEGORY_ORDER.filter((c) => counts[c] > 0).map((c) => `${words.category[c]} ${counts[c]}`);
  return { count: views.length, counts, line: words.summary(views.length, parts.join(' · ')), sequence: words.vendorSequence };
}

/** Describe every order of one answer, in the vendor's order, with the summary for several. */
export function describeOrders(orders: readonly Order[], ctx: OrderViewContext): OrdersView {
  const views = orders.map((o) => describeOrder(o, ctx));
  return { orders: views, summary: summarizeOrders(views, ctx.locale) };
}
