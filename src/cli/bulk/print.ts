/** What the terminal says about a bulk run, in Korean: refusals of a file or options, the summary, how to resume. Pure. */
import { describeError } from '../../display/index.js';
import type { ListProblem, RefusedRow } from '../../bulk/read/reader.js';
import { refusal } from '../../bulk/results/rows.js';
import type { SummaryLine } from '../../bulk/results/summary-view.js';

const KB = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Why a list file cannot be checked at all. */
export function renderListProblem(problem: ListProblem, file: string): string {
  switch (problem.kind) {
    case 'too_large':
      return `${file}: 파일이 너무 큽니다 (${KB(problem.bytes)}). 한 번에 ${KB(problem.limit)}까지 조회할 수 있습니다 (BULK_MAX_FILE_BYTES).`;
    case 'too_many_rows':
      return `${file}: 행이 너무 많습니다 (${problem.rows}행). 한 번에 ${problem.limit}행까지 조회할 수 있습니다 (BULK_MAX_ITEMS). 목록을 나눠 주세요.`;
    case 'empty':
      return `${file}: 조회할 행이 없습니다.`;
    case 'no_coupon_column':
      return `${file}: 쿠폰번호 열을 찾지 못했습니다. 첫 행에 "쿠폰번호"(또는 바코드, barcode) 머리글을 넣어 주세요.`;
    case 'no_goods':
      return `${file}: 상품을 알 수 없습니다. 상품 열("상품ID" 또는 "상품명")을 넣거나 --goods <상품ID|상품명>으로 지정해 주세요.`;
    case 'invalid_goods_option':
      return `--goods: ${describeError(problem.error, 'ko').detail}`;
    case 'unsupported_format':
      return `${file}: 읽을 수 없는 형식입니다 (${problem.extension || '확장자 없음'}). .csv, .tsv, .txt, .xlsx 파일을 지정해 주세요.`;
    case 'legacy_xls':
      return `${file}: 예전 엑셀 형식(.xls)은 읽지 않습니다. 엑셀에서 .xlsx나 CSV로 저장해 주세요.`;
    case 'not_xlsx':
      return `${file}: .xlsx 파일이 아닙니다 (엑셀 통합 문서가 아님). 엑셀에서 다시 저장해 주세요.`;
    case 'no_sheet':
      return `${file}: "${problem.sheet}" 시트가 없습니다. 있는 시트: ${problem.sheets.join(', ')}`;
    case 'unreadable':
      return `${file}: 파일을 읽을 수 없습니다 (${problem.detail}).`;
  }
}

/** Rows the reader refused, the first few with why. */
export function renderRefused(refused: readonly RefusedRow[], max = 10): string {
  if (refused.length === 0) return '';
  const lines = refused.slice(0, max).map((r) => `  ${r.row}행 "${r.given}": ${refusal(r.problem, 'ko').text}`);
  if (refused.length > max) lines.push(`  … 외 ${refused.length - max}행 (결과 파일에 모두 있습니다)`);
  return `조회하지 않는 행 ${refused.length}개 (쿠펀에 보내지 않음):\n${lines.join('\n')}\n`;
}

export function renderSummary(lines: readonly SummaryLine[], out: string): string {
  const width = Math.max(...lines.map((l) => l.label.length));
  return `${lines.map((l) => `${l.label.padEnd(width + 2, ' ')}${l.value}`).join('\n')}\n결과 파일: ${out}\n`;
}

/** How to continue a stopped run: the same command with `--resume`. */
export function renderResume(argv: readonly string[]): string {
  const args = argv
    .filter((a) => a !== '--force' && a !== '--resume')
    .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`));
  return `이어서 조회하려면: npm run lookup -- ${[...args, '--resume'].join(' ')}\n`;
}
