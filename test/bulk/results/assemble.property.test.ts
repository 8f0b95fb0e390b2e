/**
 * A property of the result, for any list: exactly one row per (input row, order), in the list's
 * row order, and a summary that adds up (verdicts sum to the rows, error codes to the error rows,
 * refused rows counted, the usable balance counted once per distinct coupon).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planList } from '../../../src/bulk/plan.js';
import type { ListRow, RefusedRow } from '../../../src/bulk/read/reader.js';
import { assembleResult } from '../../../src/bulk/results/assemble.js';
import type { ItemResult, StoredOrder } from '../../../src/bulk/results/stored.js';
import { EMPTY_CATALOG } from '../../../src/config/catalog.js';

const NOW = Date.UTC(2026, 5, 1);

const order: fc.Arbitrary<StoredOrder> = fc.record({
  COUPON_TYPE: fc.constantFrom('AMOUNT', 'BARCODE', 'POINT'),
  STATUS: fc.constantFrom('000', '001', '100', '200'),
  VALID_END_DATE: fc.constantFrom('20250101', '20991231'),
  TOTAL_AMOUNT: fc.constantFrom('10000', '5000'),
  REMAIN_AMOUNT: fc.constantFrom('0', '2500', '10000'),
  RECEIVER_MOBILE: fc.constant('01000005678'),
});

const result: fc.Arbitrary<ItemResult | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.record({
    kind: fc.constant('answered' as const),
    orders: fc.array(order, { minLength: 1, maxLength: 3 }),
    message: fc.constant('정상'),
    answeredAt: fc.constant(NOW),
    cacheHit: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('failed' as const),
    error: fc.constantFrom({ type: 'vendor' as const, code: '16', message: '없음' }, { type: 'timeout' as const, ms: 5000 }),
    at: fc.constant(NOW),
    attempts: fc.constant(1),
  }),
);

/** A list: rows over a few distinct numbers (duplicates likely), some refused, in shuffled row numbers. */
const list = fc
  .tuple(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.boolean()), { maxLength: 40 }),
    fc.array(result, { minLength: 7, maxLength: 7 }),
  )
  .map(([cells, results]) => {
    const rows: ListRow[] = [];
    const refused: RefusedRow[] = [];
    cells.forEach(([n, ok], i) => {
      const given = `SIM0000000${n}`;
      if (ok) rows.push({ row: i + 2, given, barcode: given, goodsId: '0000999999' });
      else refused.push({ row: i + 2, given: `1.2E+${n}`, problem: { kind: 'damaged', damage: { kind: 'scientific' } } });
    });
    return { rows, refused, results };
  });

describe('bulk result: one row per (input row, order), and a summary that adds up', () => {
  it('holds for any list and any mix of answers, failures and unanswered items', () => {
    fc.assert(
      fc.property(list, ({ rows, refused, results }) => {
        const plan = planList({ rows, refused });
        const byItem = new Map<number, ItemResult>();
        plan.items.forEach((item, i) => {
          const r = results[Number(item.barcode.slice(-1))];
          if (r) byItem.set(i, r);
        });
        const end = {
          outcome: 'completed' as const,
          results: byItem,
          elapsedMs: 1,
          progress: {
            total: plan.items.length,
            done: byItem.size,
            answered: 0,
            failed: 0,
            retrying: 0,
            requests: 0,
            cacheHits: 0,
            rate: 1,
            itemsPerSecond: 0,
            etaMs: 0,
            startedAt: 0,
          },
        };
        const { rows: out, summary } = assembleResult(plan, end, { nowMs: NOW, locale: 'ko', catalog: EMPTY_CATALOG });
        const expected = [
          ...plan.rows.map((r) => ({
            row: r.row,
            n: (() => {
              const res = byItem.get(r.item);
              return res?.kind === 'answered' ? res.orders.length : 1;
            })(),
          })),
          ...refused.map((r) => ({ row: r.row, n: 1 })),
        ].sort((a, b) => a.row - b.row);
        expect(out.map((r) => r.row)).toEqual(expected.flatMap((e) => Array(e.n).fill(e.row)));
        const v = summary.verdicts;
        expect(v.usable + v.unusable + v.check + v.error).toBe(out.length);
        expect(Object.values(summary.errors).reduce((a, b) => a + b, 0)).toBe(v.error);
        expect(Object.values(summary.reasons).reduce((a, b) => a + b, 0)).toBe(v.usable + v.unusable + v.check);
        expect(summary.refused).toBe(refused.length);
        expect(summary.inputRows).toBe(rows.length + refused.length);
        expect(summary.resultRows).toBe(out.length);
        let balance = 0;
        for (const [item, res] of byItem) {
          if (res.kind !== 'answered' || !plan.rows.some((r) => r.item === item)) continue;
          for (const row of out.filter((o) => o.facts.item === item && o.row === plan.rows.find((r) => r.item === item)!.row))
            balance += row.facts.usableBalance;
        }
        expect(summary.usableBalanceWon).toBe(balance);
      }),
      { numRuns: 200 },
    );
  });
});
