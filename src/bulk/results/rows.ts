/**
 * The result table: one row per (input row, order), in the list's row order, with the verdict
 * and every detail in the card's words; rows refused by the reader and rows never looked up (a
 * stopped job) are error rows saying why. Coupon numbers as the list gave them; receiver numbers
 * masked. Pure.
 */
import type { Catalog } from '../../config/catalog.js';
import { describeEmptyAnswer, describeError, describeOrder, cleanVendorText, type Locale } from '../../display/index.js';
import type { Order } from '../../coufun/types.js';
import type { Plan, PlanRow } from '../plan.js';
import type { RefusedRow, RowProblem } from '../read/reader.js';
import { errorOf, ordersOf, type ItemResult } from './stored.js';
import { bulkWords, type Column, type RowVerdict } from './words.js';

/** One line of the result. Amounts are numbers when the vendor's text parsed, else its text. */
export type ResultRow = { readonly [K in Column]: K extends 'row' ? number : K extends 'remain' | 'total' ? number | string : string } & {
  /** For the summary: the verdict, the reason's kind, and what the row is about. */
  readonly facts: RowFacts;
};

export interface RowFacts {
  readonly verdict: RowVerdict;
  /** `usable`, `partlyUsed`, `used`, `cancelled`, `expired`, `noBalance`, `check`, or how it failed. */
  readonly reason: string;
  /** The distinct item it answers (null for rows refused by the reader). */
  readonly item: number | null;
  /** A usable amount voucher's balance, won. */
  readonly usableBalance: number;
}

export interface RowsContext {
  readonly nowMs: number;
  readonly locale: Locale;
  readonly catalog: Catalog;
  /** Why unanswered items were not looked up (a stopped job's reason), in words. */
  readonly notCheckedWhy: string;
}

const EMPTY = {
  status: '',
  type: '',
  remain: '',
  total: '',
  validUntil: '',
  orderDate: '',
  exchangedAt: '',
  cancelledAt: '',
  receiver: '',
} as const;

/** Every result row, in the list's row order. */
export function resultRows(plan: Plan, results: ReadonlyMap<number, ItemResult>, ctx: RowsContext): ResultRow[] {
  const all: (PlanRow | RefusedRow)[] = [...plan.rows, ...plan.refused].sort((a, b) => a.row - b.row);
  return all.flatMap((row) => ('item' in row ? answeredRows(row, results.get(row.item), ctx) : [refusedRow(row, ctx)]));
}

function base(row: { row: number; given: string; goodsId?: string; goodsName?: string }, ctx: RowsContext) {
  const goodsId = row.goodsId ?? '';
  return { row: row.row, goodsId, goodsName: row.goodsName ?? ctx.catalog.nameOf(goodsId) ?? '', barcode: row.given };
}

function answeredRows(row: PlanRow, result: ItemResult | undefined, ctx: RowsContext): ResultRow[] {
  const words = bulkWords(ctx.locale);
  const head = base(row, ctx);
  if (result === undefined) {
    const facts: RowFacts = { verdict: 'error', reason: 'NOT_CHECKED', item: row.item, usableBalance: 0 };
    return [
      {
        ...head,
        ...EMPTY,
        verdict: words.verdict.error,
        reason: words.notChecked(ctx.notCheckedWhy),
        code: 'NOT_CHECKED',
        message: '',
        facts,
      },
    ];
  }
  if (result.kind === 'failed') {
    const view = describeError(errorOf(result.error), ctx.locale, { barcode: row.barcode });
    const facts: RowFacts = { verdict: 'error', reason: view.code, item: row.item, usableBalance: 0 };
    return [{ ...head, ...EMPTY, verdict: words.verdict.error, reason: view.title, code: view.code, message: view.detail, facts }];
  }
  const orders = ordersOf(result, ctx.nowMs);
  if (orders.length === 0) {
    const view = describeEmptyAnswer(ctx.locale);
    const facts: RowFacts = { verdict: 'error', reason: view.code, item: row.item, usableBalance: 0 };
    return [{ ...head, ...EMPTY, verdict: words.verdict.error, reason: view.title, code: view.code, message: view.detail, facts }];
  }
  const message = cleanVendorText(result.message, row.barcode).trim();
  return orders.map((order) => orderRow(row, head, order, message, ctx));
}

function orderRow(row: PlanRow, head: ReturnType<typeof base>, order: Order, message: string, ctx: RowsContext): ResultRow {
  const words = bulkWords(ctx.locale);
  const view = describeOrder(order, {
    nowMs: ctx.nowMs,
    locale: ctx.locale,
    goodsId: row.goodsId,
    ...(head.goodsName ? { goodsName: head.goodsName } : {}),
    barcode: row.given,
    revealBarcode: true,
  });
  const { verdict } = view;
  const usable = verdict.category === 'usable';
  const reason = usable ? (verdict.partlyUsed ? words.partlyUsed : '') : (verdict.reasons[0] ?? '');
  const amount = (typed: number | null, raw: string | undefined): number | string => typed ?? raw ?? '';
  const amountVoucher = order.couponType?.kind === 'amount' || order.remainAmount !== null;
  const facts: RowFacts = {
    verdict: verdict.state,
    reason: usable && verdict.partlyUsed ? 'partlyUsed' : verdict.category,
    item: row.item,
    usableBalance: usable && amountVoucher ? (order.remainAmount ?? 0) : 0,
  };
  return {
    ...head,
    verdict: words.verdict[verdict.state],
    reason,
    status: view.status.label,
    type: view.typeLabel,
    remain: amount(order.remainAmount, order.raw.REMAIN_AMOUNT),
    total: amount(order.totalAmount, order.raw.TOTAL_AMOUNT),
    validUntil: view.expiry?.date ?? '',
    orderDate: view.orderDate ?? '',
    exchangedAt: view.exchangedAt ?? '',
    cancelledAt: view.cancelledAt ?? '',
    receiver: view.receiver ?? '',
    code: '00',
    message,
    facts,
  };
}

function refusedRow(row: RefusedRow, ctx: RowsContext): ResultRow {
  const words = bulkWords(ctx.locale);
  const { code, text } = refusal(row.problem, ctx.locale);
  const facts: RowFacts = { verdict: 'error', reason: code, item: null, usableBalance: 0 };
  return { ...base(row, ctx), ...EMPTY, verdict: words.verdict.error, reason: text, code, message: '', facts };
}

/** Why the reader refused a row, in words, with a code for the summary. */
export function refusal(problem: RowProblem, locale: Locale): { code: string; text: string } {
  const words = bulkWords(locale);
  switch (problem.kind) {
    case 'damaged':
      return { code: 'EXCEL_DAMAGED', text: words.damage(problem.damage) };
    case 'invalid':
    case 'invalid_goods':
      return { code: 'INVALID_INPUT', text: describeError(problem.error, locale).detail };
    case 'several':
      return { code: 'INVALID_INPUT', text: words.several(problem.count) };
    case 'missing_number':
      return { code: 'INVALID_INPUT', text: words.missingNumber };
    case 'no_goods':
      return { code: 'NO_GOODS', text: words.noGoods };
  }
}
