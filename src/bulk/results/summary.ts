/**
 * The summary of a result: counts per verdict and reason, the remaining balance of usable
 * amount vouchers (what a refund is about; each distinct coupon counted once), errors per code,
 * rows refused before lookup, and how the run went. Pure; it adds up: the verdict counts sum to
 * the result's rows, and the error codes to its error rows.
 */
import type { BulkJobEnd } from '../queue/types.js';
import type { ResultRow } from './rows.js';
import type { RowVerdict } from './words.js';

export interface BulkSummary {
  /** Rows of the list that were read (blank rows and headers not counted). */
  readonly inputRows: number;
  /** Rows of the result (one per input row and order). */
  readonly resultRows: number;
  readonly distinctItems: number;
  readonly verdicts: Readonly<Record<RowVerdict, number>>;
  /** Result rows by reason: `usable`, `partlyUsed`, `used`, `cancelled`, `expired`, `noBalance`, `check`. */
  readonly reasons: Readonly<Record<string, number>>;
  readonly usableBalanceWon: number;
  /** Error rows by code: a vendor code (`16`), a transport code (`TIMEOUT`), `EXCEL_DAMAGED`, `NOT_CHECKED`, … */
  readonly errors: Readonly<Record<string, number>>;
  /** Rows the reader refused (never sent). */
  readonly refused: number;
  readonly outcome: BulkJobEnd['outcome'];
  readonly reason?: string;
  readonly elapsedMs: number;
  readonly requests: number;
  readonly cacheHits: number;
}

const ORDER_REASONS = new Set(['usable', 'partlyUsed', 'used', 'cancelled', 'expired', 'noBalance', 'check']);
const READER_CODES = new Set(['EXCEL_DAMAGED', 'INVALID_INPUT', 'NO_GOODS']);

export function summarize(
  rows: readonly ResultRow[],
  items: number,
  end: Pick<BulkJobEnd, 'outcome' | 'reason' | 'elapsedMs' | 'progress'>,
): BulkSummary {
  const verdicts: Record<RowVerdict, number> = { usable: 0, unusable: 0, check: 0, error: 0 };
  const reasons: Record<string, number> = {};
  const errors: Record<string, number> = {};
  const firstRow = new Map<number, number>();
  const inputRows = new Set<number>();
  let usableBalanceWon = 0;
  let refused = 0;
  for (const { facts, code, row } of rows) {
    inputRows.add(row);
    verdicts[facts.verdict] += 1;
    if (facts.verdict === 'error') {
      errors[code] = (errors[code] ?? 0) + 1;
      if (facts.item === null && READER_CODES.has(code)) refused += 1;
    } else if (ORDER_REASONS.has(facts.reason)) {
      reasons[facts.reason] = (reasons[facts.reason] ?? 0) + 1;
    }
    if (facts.item === null) continue;
    // A coupon listed twice is one refund: its orders' balances are counted on its first row only.
    if (!firstRow.has(facts.item)) firstRow.set(facts.item, row);
    if (firstRow.get(facts.item) === row) usableBalanceWon += facts.usableBalance;
  }
  return {
    inputRows: inputRows.size,
    resultRows: rows.length,
    distinctItems: items,
    verdicts,
    reasons,
    usableBalanceWon,
    errors,
    refused,
    outcome: end.outcome,
    ...(end.reason ? { reason: end.reason } : {}),
    elapsedMs: end.elapsedMs,
    requests: end.progress.requests,
    cacheHits: end.progress.cacheHits,
  };
}
