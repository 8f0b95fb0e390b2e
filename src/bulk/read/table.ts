/**
 * A list's file → a table of cells, by format: CSV/TSV (any delimiter Excel writes), plain text
 * (one line, one row) and `.xlsx` (one worksheet). A cell remembers whether the spreadsheet held
 * it as a number, which is how Excel-damaged coupon numbers are told apart (damage.ts). No I/O:
 * bytes in, cells out.
 */
import { parse } from 'csv-parse/sync';
import { decodeText, type TextEncoding } from './decode.js';
import { readWorkbook } from './xlsx.js';

/** One cell as the person sees it. */
export interface Cell {
  readonly text: string;
  /** The spreadsheet stored a number here (an `.xlsx` numeric cell), not text. */
  readonly numeric: boolean;
}

/** One row: its number as the person sees it (the spreadsheet's row, the file's line) and its cells. */
export interface TableRow {
  readonly row: number;
  readonly cells: readonly Cell[];
}

export type ListFormat = 'csv' | 'tsv' | 'txt' | 'xlsx';

export interface Table {
  readonly format: ListFormat;
  /** Text formats only. */
  readonly encoding?: TextEncoding;
  /** `.xlsx` only: the worksheet read. */
  readonly sheet?: string;
  readonly rows: readonly TableRow[];
}

/** Why a file could not be turned into a table. */
export type TableProblem =
  | { readonly kind: 'unsupported_format'; readonly extension: string }
  | { readonly kind: 'legacy_xls' }
  | { readonly kind: 'not_xlsx' }
  | { readonly kind: 'no_sheet'; readonly sheet: string; readonly sheets: readonly string[] }
  | { readonly kind: 'unreadable'; readonly detail: string };

/** The format a file name says, or null for one we do not read. */
export function formatOf(fileName: string): ListFormat | 'xls' | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt' || ext === 'xlsx' || ext === 'xls') return ext;
  return null;
}

/** Read `bytes` as the format `fileName` names. `sheet`: an `.xlsx` worksheet's name or 1-based number. */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  sheet?: string,
): Promise<{ ok: true; table: Table } | { ok: false; problem: TableProblem }> {
  const format = formatOf(fileName);
  if (format === null) return { ok: false, problem: { kind: 'unsupported_format', extension: /\.[^.]*$/.exec(fileName)?.[0] ?? '' } };
  if (format === 'xls') return { ok: false, problem: { kind: 'legacy_xls' } };
  if (format === 'xlsx') return readWorkbook(bytes, sheet);
  const { encoding, text } = decodeText(bytes);
  if (format === 'txt') {
    const rows = text.split(/\r\n|\r|\n/).map((line, i) => ({ row: i + 1, cells: [{ text: line, numeric: false }] }));
    return { ok: true, table: { format, encoding, rows } };
  }
  try {
    const records = parse(text, {
      delimiter: format === 'tsv' ? '\t' : sniffDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
    const rows = records.map((cells, i) => ({ row: i + 1, cells: cells.map((t) => ({ text: t, numeric: false })) }));
    return { ok: true, table: { format, encoding, rows } };
  } catch (e) {
    return { ok: false, problem: { kind: 'unreadable', detail: e instanceof Error ? e.message.slice(0, 120) : 'CSV' } };
  }
}

/** A `.csv` may be comma-, semicolon- or tab-separated (Excel's choice depends on the PC's locale). */
function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 5).join('\n');
  const count = (d: string): number => first.split(d).length - 1;
  const candidates = [',', '\t', ';'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}
