/**
 * An `.xlsx` workbook's worksheet → cells, with the library every spreadsheet tool reads
 * (exceljs). A numeric cell keeps the digits Excel stored; a number shown through a zero-padded
 * format (`000000000000`) reads as the person sees it, leading zeros included.
 */
import ExcelJS from 'exceljs';
import type { Cell, Table, TableProblem, TableRow } from './table.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function readWorkbook(
  bytes: Uint8Array,
  sheet: string | undefined,
): Promise<{ ok: true; table: Table } | { ok: false; problem: TableProblem }> {
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b)) return { ok: false, problem: { kind: 'not_xlsx' } };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch (e) {
    return { ok: false, problem: { kind: 'unreadable', detail: e instanceof Error ? e.message.slice(0, 120) : 'xlsx' } };
  }
  const sheets = workbook.worksheets;
  const names = sheets.map((s) => s.name);
  const chosen =
    sheet === undefined
      ? sheets[0]
      : (sheets.find((s) => s.name.trim().toLowerCase() === sheet.trim().toLowerCase()) ??
        (/^\d+$/.test(sheet) ? sheets[Number(sheet) - 1] : undefined));
  if (chosen === undefined) return { ok: false, problem: { kind: 'no_sheet', sheet: sheet ?? '1', sheets: names } };
  const rows: TableRow[] = [];
  chosen.eachRow({ includeEmpty: false }, (row) => {
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellOf(row.getCell(c)));
    rows.push({ row: row.number, cells });
  });
  return { ok: true, table: { format: 'xlsx', sheet: chosen.name, rows } };
}

function cellOf(cell: ExcelJS.Cell): Cell {
  const value = cell.type === ExcelJS.ValueType.Formula ? (cell.result as ExcelJS.CellValue) : cell.value;
  if (typeof value === 'number') return { text: numberText(value, cell.numFmt), numeric: true };
  if (value === null || value === undefined) return { text: '', numeric: false };
  if (typeof value === 'string') return { text: value, numeric: false };
  if (typeof value === 'boolean') return { text: String(value).toUpperCase(), numeric: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), numeric: false };
  if (typeof value === 'object' && 'richText' in value) return { text: value.richText.map((r) => r.text).join(''), numeric: false };
  if (typeof value === 'object' && 'text' in value && typeof value.text === 'string') return { text: value.text, numeric: false };
  return { text: cell.text ?? '', numeric: false };
}

/** A number as Excel shows it: through a zero-padded format (`000000000000`) when it has one. */
function numberText(value: number, numFmt: string | undefined): string {
  const plain = Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value);
  const padded = numFmt !== undefined && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0;
  return padded ? plain.padStart(numFmt.length, '0') : plain;
}
