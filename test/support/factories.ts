/**
 * Builders for the renderer tests: orders (typed and raw alike, as the codec produces them),
 * outcomes, metas, card contexts, and helpers that read a rendered message back.
 */
import type { Button, KnownBlock } from '@slack/types';
import { resultCodeInfo } from '../../src/coufun/codes.js';
import { VendorError, type CoufunError } from '../../src/coufun/errors.js';
import type { Order } from '../../src/coufun/types.js';
import type { LookupMeta, LookupOutcome } from '../../src/lookup/types.js';
import type { CardContext, SlackMessage } from '../../src/slack/render/index.js';

/** 2024-02-29 15:30 UTC = 2024-03-01 00:30 KST: "today" in KST is March 1st (2024 is a leap year). */
export const NOW_MS = Date.UTC(2024, 1, 29, 15, 30, 0);
export const GOODS_ID = '0000999999';
/** Ends in 8902, so the card shows `••••8902`. */
export const BARCODE = '731190448902';
export const PHONE = '01012345678';
export const MASKED_PHONE = '010-****-5678';
export const USER = 'U0123ABCD';

/** A distinct 14-digit barcode per index, ending in `77` + two digits of the index (masked `••••77NN`). */
export function barcodeN(i: number): string {
  return `7311904${String(i).padStart(3, '0')}77${String(i).padStart(2, '0')}`;
}

/** KST wall time → instant, as the codec types EXCHANGE_DATE / CANCEL_DATE. */
export function kst(y: number, mo: number, d: number, h: number, mi: number): Date {
  return new Date(Date.UTC(y, mo - 1, d, h - 9, mi));
}

/** An unused AMOUNT coupon: 2,500 of 10,000 won left, valid until 2024-03-04 (3 days left). */
export function amountOrder(overrides: Partial<Order> = {}): Order {
  return {
    couponType: { kind: 'amount', raw: 'AMOUNT' },
    status: { kind: 'unused', raw: '000' },
    barcode: BARCODE,
    receiverMobile: PHONE,
    orderDate: '2024-02-01',
    validEndDate: '2024-03-04',
    exchangedAt: null,
    cancelledAt: null,
    totalAmount: 10_000,
    remainAmount: 2_500,
    expired: false,
    raw: {
      COUPON_TYPE: 'AMOUNT',
      ORDER_DATE: '20240201',
      STATUS: '000',
      RECEIVER_MOBILE: PHONE,
      BARCODE_NUM: BARCODE,
      VALID_END_DATE: '20240304',
      TOTAL_AMOUNT: '10000',
      REMAIN_AMOUNT: '2500',
    },
    ...overrides,
  };
}

/** An unused BARCODE (exchange) coupon without amounts, valid until 2024-04-30. */
export function exchangeOrder(overrides: Partial<Order> = {}): Order {
  return {
    couponType: { kind: 'exchange', raw: 'BARCODE' },
    status: { kind: 'unused', raw: '000' },
    barcode: BARCODE,
    receiverMobile: PHONE,
    orderDate: '2024-02-20',
    validEndDate: '2024-04-30',
    exchangedAt: null,
    cancelledAt: null,
    totalAmount: null,
    remainAmount: null,
    expired: false,
    raw: {
      COUPON_TYPE: 'BARCODE',
      ORDER_DATE: '20240220',
      STATUS: '000',
      RECEIVER_MOBILE: PHONE,
      BARCODE_NUM: BARCODE,
      VALID_END_DATE: '20240430',
    },
    ...overrides,
  };
}

/** An exchange coupon used at 2024-02-25 14:05 KST. */
export function usedOrder(overrides: Partial<Order> = {}): Order {
  const base = exchangeOrder();
  return exchangeOrder({
    status: { kind: 'used', raw: '001' },
    exchangedAt: kst(2024, 2, 25, 14, 5),
    raw: { ...base.raw, STATUS: '001', EXCHANGE_DATE: '20240225140500' },
    ...overrides,
  });
}

/** An exchange coupon cancelled at 2024-02-21 09:07 KST. */
export function cancelledOrder(overrides: Partial<Order> = {}): Order {
  const base = exchangeOrder();
  return exchangeOrder({
    status: { kind: 'cancelled', raw: '100' },
    cancelledAt: kst(2024, 2, 21, 9, 7),
    raw: { ...base.raw, STATUS: '100', CANCEL_DATE: '20240221090700' },
    ...overrides,
  });
}

/** Unused but valid only until 2024-02-26: expired 4 KST days before NOW_MS. */
export function expiredOrder(overrides: Partial<Order> = {}): Order {
  const base = exchangeOrder();
  return exchangeOrder({ validEndDate: '2024-02-26', expired: true, raw: { ...base.raw, VALID_END_DATE: '20240226' }, ...overrides });
}

/** A status code the bot does not know. */
export function unknownStatusOrder(raw: string, overrides: Partial<Order> = {}): Order {
  const base = exchangeOrder();
  return exchangeOrder({ status: { kind: 'unknown', raw }, raw: { ...base.raw, STATUS: raw }, ...overrides });
}

export function meta(overrides: Partial<LookupMeta> = {}): LookupMeta {
  return { env: 'production', latencyMs: 42, cacheHit: false, answeredAt: NOW_MS, ...overrides };
}

export interface OutcomeOptions {
  readonly goodsId?: string;
  readonly barcode?: string;
  readonly meta?: LookupMeta;
}

/** A successful lookup; each order's barcode is the outcome's unless the order says otherwise. */
export function okOutcome(orders: readonly Order[], options: OutcomeOptions = {}): LookupOutcome {
  const barcode = options.barcode ?? BARCODE;
  return {
    ok: true,
    goodsId: options.goodsId ?? GOODS_ID,
    barcode,
    orders: orders.map((o) =>
      o.barcode === BARCODE && barcode !== BARCODE ? { ...o, barcode, raw: { ...o.raw, BARCODE_NUM: barcode } } : o,
    ),
    vendorMessage: '정상 처리되었습니다.',
    meta: options.meta ?? meta(),
  };
}

export function errOutcome(error: CoufunError, options: OutcomeOptions = {}): LookupOutcome {
  return { ok: false, goodsId: options.goodsId ?? GOODS_ID, barcode: options.barcode ?? BARCODE, error, meta: options.meta ?? meta() };
}

export function vendorError(code: string, message: string): VendorError {
  return new VendorError(code, message, resultCodeInfo(code));
}

export function cardCtx(overrides: Partial<CardContext> = {}): CardContext {
  return { locale: 'ko', nowMs: NOW_MS, requesterId: USER, mode: 'private', ...overrides };
}

/**
 * Every string a person can see in blocks (text objects of every kind), not button values.
 * Walks any JSON-like value, so it serves messages and views alike.
 */
export function visibleTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(visibleTexts);
  if (typeof value !== 'object' || value === null) return [];
  const obj = value as Record<string, unknown>;
  const own = (obj.type === 'mrkdwn' || obj.type === 'plain_text') && typeof obj.text === 'string' ? [obj.text] : [];
  return [...own, ...Object.entries(obj).flatMap(([key, v]) => (key === 'value' ? [] : visibleTexts(v)))];
}

/** All mrkdwn texts (where Slack parses `<…>` and `&…;`). */
export function mrkdwnTexts(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(mrkdwnTexts);
  if (typeof value !== 'object' || value === null) return [];
  const obj = value as Record<string, unknown>;
  const own = obj.type === 'mrkdwn' && typeof obj.text === 'string' ? [obj.text] : [];
  return [...own, ...Object.values(obj).flatMap(mrkdwnTexts)];
}

/**
 * `<` sequences in mrkdwn that are not Slack control sequences we emit on purpose (user and
 * channel mentions). Anything else means text reached mrkdwn unescaped.
 */
export function strayAngles(value: unknown): string[] {
  return mrkdwnTexts(value).flatMap((t) => [...t.matchAll(/<(?![@#][A-Z0-9]+>)[^>]*>?/g)].map((m) => m[0]));
}

/** Every button of a message. */
export function buttons(msg: SlackMessage): Button[] {
  return msg.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.filter((e): e is Button => e.type === 'button') : []));
}

/** The blocks of one type. */
export function blocksOfType<T extends KnownBlock['type']>(msg: SlackMessage, type: T): Array<Extract<KnownBlock, { type: T }>> {
  return msg.blocks.filter((b): b is Extract<KnownBlock, { type: T }> => b.type === type);
}

/** The header texts, in order. */
export function headers(msg: SlackMessage): string[] {
  return blocksOfType(msg, 'header').map((h) => h.text.text);
}

/** The last block's (the footer's) element texts. */
export function footerTexts(msg: SlackMessage): string[] {
  const last = msg.blocks.at(-1);
  if (last?.type !== 'context') throw new Error('the last block is not the footer context');
  return last.elements.map((e) => ('text' in e ? e.text : ''));
}

/** The field texts of the n-th fields section (`*label*\nvalue`). */
export function fieldTexts(msg: SlackMessage, n = 0): string[] {
  const sections = blocksOfType(msg, 'section').filter((s) => s.fields !== undefined);
  const s = sections[n];
  if (!s?.fields) throw new Error(`no fields section #${n}`);
  return s.fields.map((f) => f.text);
}

/** `label` → value of the n-th fields section. */
export function fieldMap(msg: SlackMessage, n = 0): Record<string, string> {
  return Object.fromEntries(
    fieldTexts(msg, n).map((t) => {
      const m = /^\*(.*)\*\n([\s\S]*)$/.exec(t);
      if (!m) throw new Error(`not a labelled field: ${t}`);
      return [m[1], m[2]];
    }),
  );
}
