/**
 * Coupon numbers Excel has damaged. A column of numbers typed into Excel without formatting it
 * as text loses leading zeros (`012345678902` → `12345678902`), shows long ones in scientific
 * notation (`1.23457E+11`, which a CSV export then writes out as text), keeps only 15 digits,
 * and other tools add a trailing `.0`. Each of these would be sent to Coufun as a wrong number
 * (costing a look-up from the product's limit, code 09) and answer nothing useful, so such a cell
 * is a row error with what happened and how to fix it. Pure.
 */
import type { Cell } from './table.js';

/** What Excel (or a tool after it) did to a number. */
export type Damage =
  | { readonly kind: 'scientific' }
  | { readonly kind: 'decimal' }
  | { readonly kind: 'precision' }
  | { readonly kind: 'lost_zeros'; readonly expected: number; readonly found: number };

/** Excel keeps 15 significant digits of a number; past that the rest become zeros. */
const EXCEL_DIGITS = 15;
const SCIENTIFIC = /^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$/;
const DECIMAL = /^\d+\.\d+$/;
const DIGITS = /^\d+$/;

/** For each cell of one coupon column, its damage or null. */
export function columnDamage(cells: readonly Cell[]): (Damage | null)[] {
  const texts = cells.map((c) => c.text.trim());
  const digitLengths = new Map<number, number>();
  const padded = new Set<number>();
  for (const t of texts) {
    if (!DIGITS.test(t)) continue;
    digitLengths.set(t.length, (digitLengths.get(t.length) ?? 0) + 1);
    if (t.startsWith('0')) padded.add(t.length);
  }
  const common = [...digitLengths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  return cells.map((cell, i) => {
    const t = texts[i]!;
    if (SCIENTIFIC.test(t)) return { kind: 'scientific' };
    if (DECIMAL.test(t)) return { kind: 'decimal' };
    if (!DIGITS.test(t) || t.startsWith('0')) return null;
    if (cell.numeric && t.length > EXCEL_DIGITS) return { kind: 'precision' };
    const longerPadded = [...padded].filter((l) => l > t.length).sort((a, b) => a - b)[0];
    if (longerPadded !== undefined) return { kind: 'lost_zeros', expected: longerPadded, found: t.length };
    if (cell.numeric && common > t.length) return { kind: 'lost_zeros', expected: common, found: t.length };
    return null;
  });
}
