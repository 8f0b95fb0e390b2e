/**
 * A finished (or stopped) job and its plan → the result table and its summary: what every front
 * writes or posts. Pure.
 */
import type { Catalog } from '../../config/catalog.js';
import { translate, type Locale, type Translations } from '../../display/index.js';
import type { Plan } from '../plan.js';
import type { BulkJobEnd } from '../queue/types.js';
import { resultRows, type ResultRow } from './rows.js';
import { summarize, type BulkSummary } from './summary.js';

const WHY: Translations<Readonly<Record<BulkJobEnd['outcome'], string>>> = {
  ko: { completed: '', stalled: '쿠펀이 응답하지 않아 작업이 멈춤', cancelled: '작업이 중단됨' },
  en: { completed: '', stalled: 'the job stopped: Coufun was not answering', cancelled: 'the job was stopped' },
};

export interface AssembledResult {
  readonly rows: readonly ResultRow[];
  readonly summary: BulkSummary;
}

export function assembleResult(
  plan: Plan,
  end: BulkJobEnd,
  ctx: { readonly nowMs: number; readonly locale: Locale; readonly catalog: Catalog },
): AssembledResult {
  const rows = resultRows(plan, end.results, { ...ctx, notCheckedWhy: translate(WHY, ctx.locale)[end.outcome] });
  return { rows, summary: summarize(rows, plan.items.length, end) };
}
