/**
 * The result as `.xlsx`: a header row, coupon numbers and dates as text cells (Excel must not
 * turn `012345678902` into a number), amounts as numbers, and the summary on a second sheet.
 */
import ExcelJS from 'exceljs';
import type { Locale } from '../../display/index.js';
import type { ResultRow } from '../results/rows.js';
import type { SummaryLine } from '../results/summary-view.js';
import { bulkWords, COLUMNS, type Column } from '../results/words.js';

const WIDTH: Partial<Record<Column, number>> = { row: 6, goodsName: 24, barcode: 22, reason: 30, message: 30, verdict: 10 };
const NUMBERS = new Set<Column>(['row', 'remain', 'total']);

export async function resultXlsx(rows: readonly ResultRow[], summary: readonly SummaryLine[], locale: Locale): Promise<Buffer> {
  const words = bulkWords(locale);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(words.sheets.results, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: words.header[c],
    key: c,
    width: WIDTH[c] ?? 14,
    // Text format ('@'): a coupon number or a date stays exactly as written.
    style: NUMBERS.has(c) ? { numFmt: c === 'row' ? '0' : '#,##0' } : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(Object.fromEntries(COLUMNS.map((c) => [c, row[c] === '' ? null : row[c]])));
  }
  const second = book.addWorksheet(words.sheets.summary);
  second.columns = [
    { key: 'label', width: 36 },
    { key: 'value', width: 80 },
  ];
  for (const line of summary) second.addRow(line);
  return Buffer.from(await book.xlsx.writeBuffer());
}
