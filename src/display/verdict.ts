/**
 * The verdict: one line that answers "can the customer use this coupon now?", shown right under
 * the product name on every card and in the terminal, before any detail.
 */
import type { Order } from '../coufun/types.js';
import type { Locale } from './i18n.js';
import { t, type Tone } from './labels.js';

/** Why a coupon can or cannot be used; `check` when the vendor's answer does not say. */
export type VerdictCategory = 'usable' | 'used' | 'cancelled' | 'expired' | 'noBalance' | 'check';

/** The answer for one order. */
export interface Verdict {
  readonly state: 'usable' | 'unusable' | 'check';
  readonly category: VerdictCategory;
  /** Partly used amount voucher (balance below its face value): usable, in words 부분 사용. */
  readonly partlyUsed: boolean;
  readonly tone: Tone;
  /** `사용 가능` / `사용 불가` / `확인 필요`. */
  readonly headline: string;
  /** What backs the headline: balance and expiry, or the reason (used when, cancelled when, expired since). */
  readonly reasons: readonly string[];
  /** Headline and reasons on one line, joined by ` · `. */
  readonly line: string;
}

/** The formatted facts a verdict quotes (from the order view, so a fact is formatted once). */
export interface VerdictFacts {
  readonly statusLabel: string;
  /** `phrase`: `3일 남음`, `오늘까지`, `4일 전 만료`. */
  readonly expiry: { readonly date: string; readonly phrase: string | null } | null;
  readonly remain: string | null;
  readonly total: string | null;
  readonly exchangedAt: string | null;
  readonly cancelledAt: string | null;
}

const STATE_OF: Readonly<Record<VerdictCategory, Verdict['state']>> = {
  usable: 'usable',
  used: 'unusable',
  cancelled: 'unusable',
  expired: 'unusable',
  noBalance: 'unusable',
  check: 'check',
};

const TONE_OF: Readonly<Record<VerdictCategory, Tone>> = {
  usable: 'available',
  used: 'used',
  cancelled: 'cancelled',
  expired: 'expired',
  noBalance: 'used',
  check: 'unknown',
};

/** Which verdict an order gets, from the vendor's typed fields. */
/** Whether the customer can use the coupon now: `usable`, `unusable` or `check` (an unknown status). */
export function verdictState(category: VerdictCategory): Verdict['state'] {
  return STATE_OF[category];
}

export function verdictCategory(order: Order): { readonly category: VerdictCategory; readonly partlyUsed: boolean } {
  if (order.expired) return { category: 'expired', partlyUsed: false };
  switch (order.status?.kind) {
    case 'unused': {
      const amount = order.couponType?.kind === 'amount' || order.remainAmount !== null;
      if (amount && order.remainAmount === 0) return { category: 'noBalance', partlyUsed: false };
      const partlyUsed = amount && order.remainAmount !== null && order.totalAmount !== null && order.remainAmount < order.totalAmount;
      return { category: 'usable', partlyUsed };
    }
    case 'used':
      return { category: 'used', partlyUsed: false };
    case 'cancelled':
      return { category: 'cancelled', partlyUsed: false };
    default:
      return { category: 'check', partlyUsed: false };
  }
}

/** The verdict for one order, in `locale`. */
export function describeVerdict(order: Order, facts: VerdictFacts, locale: Locale): Verdict {
  const { category, partlyUsed } = verdictCategory(order);
  const w = t(locale).verdict;
  const reasons: string[] = [];
  switch (category) {
    case 'usable':
      if (facts.remain) reasons.push(partlyUsed && facts.total ? w.partly(facts.remain, facts.total) : w.balance(facts.remain));
      reasons.push(
        facts.expiry ? w.validUntil(facts.expiry.phrase ? `${facts.expiry.date} (${facts.expiry.phrase})` : facts.expiry.date) : w.noExpiry,
      );
      break;
    case 'used':
      reasons.push(w.used(facts.exchangedAt));
      break;
    case 'cancelled':
      reasons.push(w.cancelled(facts.cancelledAt));
      break;
    case 'expired':
      reasons.push(w.expired(facts.expiry?.date ?? '-', facts.expiry?.phrase ?? null));
      break;
    case 'noBalance':
      reasons.push(w.noBalance);
      break;
    case 'check':
      reasons.push(facts.statusLabel);
      break;
  }
  const state = STATE_OF[category];
  const headline = w[state];
  const tone = category === 'usable' && partlyUsed ? 'partial' : TONE_OF[category];
  return { state, category, partlyUsed, tone, headline, reasons, line: [headline, ...reasons].join(' · ') };
}
