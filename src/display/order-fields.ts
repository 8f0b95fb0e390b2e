/**
 * The order field table: every field of a coupon that a card or the terminal shows, declared
 * once (label, value, where it shows, order). The card's field grid and the terminal's rows are
 * both read from it, so a new field is one entry here plus its words in labels.ts.
 *
 * The Slack card shows every row as one field of a single Block Kit section, which holds at most
 * ten; {@link MAX_ORDER_FIELDS} is enforced on the table's type, so an eleventh entry fails to
 * compile rather than at run time.
 */
import type { Order } from '../coufun/types.js';
import type { Labels } from './labels.js';
import type { Locale } from './i18n.js';
import { stripInvisible } from './vendor-text.js';

/** Where a field shows. */
export type Surface = 'card' | 'terminal';

/**
 * What the table reads for one order: the already formatted facts the current fields use (see
 * `OrderView`), and the order itself with the locale, so a new field that formats something the
 * vendor sent (a typed field or `order.raw`) is one entry here, not a change to order-view.ts.
 * Mask anything personal or a bearer value (see `src/text/masks.ts`) and mark the entry `masked`;
 * invisible and bidi characters are stripped from every value here, whatever the entry returns.
 */
export interface OrderFacts {
  readonly order: Order;
  readonly locale: Locale;
  readonly typeLabel: string;
  /** The status as a detail row: the vendor's code stays visible (e.g. for 부분 사용). */
  readonly statusDetail: string;
  /** Already masked unless the caller asked to reveal it. */
  readonly barcode: string | null;
  readonly expiryText: string | null;
  readonly balance: { readonly remain: string | null; readonly total: string | null; readonly used: string | null } | null;
  readonly orderDate: string | null;
  readonly exchangedAt: string | null;
  readonly cancelledAt: string | null;
  /** Always masked. */
  readonly receiver: string | null;
}

/** One entry of the table. */
export interface OrderFieldSpec {
  readonly key: string;
  /** The label's key in `Labels['field']`. */
  readonly label: keyof Labels['field'];
  /** The value, or null when the order has nothing for it (the row is then left out). */
  readonly value: (facts: OrderFacts, field: Labels['field']) => string | null;
  /** Where it shows; both surfaces when absent. */
  readonly on?: readonly Surface[];
  /** The value is a mask we produced (`010-****-5678`): renderers show it as is. */
  readonly masked?: true;
}

/** At most this many fields: one Block Kit section's field limit. */
export const MAX_ORDER_FIELDS = 10;

type UpToTen = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
/** The table's type when it fits the ceiling, `never` (a compile error) otherwise. */
export type WithinCeiling<T extends readonly OrderFieldSpec[]> = T['length'] extends UpToTen ? T : never;

/** `2,500원 (총 금액 10,000원 · 사용 금액 7,500원)`: the balance first, then face value and amount used. */
function balanceText(facts: OrderFacts, field: Labels['field']): string | null {
  const b = facts.balance;
  if (!b) return null;
  const extra = [b.total && `${field.total} ${b.total}`, b.used && `${field.used} ${b.used}`].filter(Boolean).join(' · ');
  const main = b.remain ?? '-';
  return extra ? `${main} (${extra})` : main;
}

const TABLE = [
  { key: 'status', label: 'status', value: (f) => f.statusDetail },
  // The terminal names the type in its header line already.
  { key: 'type', label: 'type', value: (f) => f.typeLabel, on: ['card'] },
  { key: 'barcode', label: 'barcode', value: (f) => f.barcode, masked: true },
  { key: 'expiry', label: 'expiry', value: (f) => f.expiryText },
  { key: 'balance', label: 'balance', value: balanceText },
  { key: 'orderDate', label: 'orderDate', value: (f) => f.orderDate },
  { key: 'exchangedAt', label: 'exchangedAt', value: (f) => f.exchangedAt },
  { key: 'cancelledAt', label: 'cancelledAt', value: (f) => f.cancelledAt },
  { key: 'receiver', label: 'receiver', value: (f) => f.receiver, masked: true },
] as const satisfies readonly OrderFieldSpec[];

/** The field table, in display order. */
export const ORDER_FIELD_TABLE: WithinCeiling<typeof TABLE> = TABLE;

/** A field's key. */
export type OrderFieldKey = (typeof TABLE)[number]['key'];

/** One present field of one order, labelled and formatted. */
export interface FieldRow {
  readonly key: OrderFieldKey;
  readonly label: string;
  readonly value: string;
  readonly on: readonly Surface[];
  readonly masked: boolean;
}

const BOTH: readonly Surface[] = ['card', 'terminal'];

/** The present fields of an order, in table order. */
export function orderFieldRows(facts: OrderFacts, field: Labels['field']): FieldRow[] {
  return ORDER_FIELD_TABLE.flatMap((spec: OrderFieldSpec & { key: OrderFieldKey }) => {
    // Every value, whatever its entry forgot: no invisible or bidi characters from vendor text.
    const value = spec.value(facts, field);
    const shown = value ? stripInvisible(value) : '';
    return shown ? [{ key: spec.key, label: field[spec.label], value: shown, on: spec.on ?? BOTH, masked: spec.masked === true }] : [];
  });
}
