/**
 * The reader: a list's bytes → rows to look up, rows refused and why, or a refusal of the whole
 * file. Limits (file size, rows) are checked here, before anything is sent anywhere. Every
 * coupon number is read as `/coupon` reads typed text (`readTypedNumbers`, the protocol's own
 * check) and every goods cell by `/coupon`'s goods resolver. No I/O.
 */
import { type Catalog, resolveGoods } from '../../config/catalog.js';
import { validateField } from '../../coufun/validate.js';
import type { ValidationError } from '../../coufun/errors.js';
import { parseCouponCommand, readTypedNumbers } from '../../input/command-text.js';
import { findColumns, isBarcodeHeader, isBlankRow, type Columns } from './columns.js';
import { columnDamage, type Damage } from './damage.js';
import { readTable, type Cell, type Table, type TableProblem, type TableRow } from './table.js';

export interface ReadOptions {
  readonly catalog: Catalog;
  /** The product for rows without one (`--goods`): an ID or a catalog name, as typed. */
  readonly goods?: string;
  /** An `.xlsx` worksheet by name or 1-based number (default the first). */
  readonly sheet?: string;
  readonly maxItems: number;
  readonly maxFileBytes: number;
}

/** One row to look up. `given` is the coupon number as the list gave it (shown in the result). */
export interface ListRow {
  readonly row: number;
  readonly given: string;
  readonly barcode: string;
  readonly goodsId: string;
  readonly goodsName?: string;
}

/** Why one row is not looked up. */
export type RowProblem =
  | { readonly kind: 'damaged'; readonly damage: Damage }
  | { readonly kind: 'invalid'; readonly error: ValidationError }
  | { readonly kind: 'several'; readonly count: number }
  | { readonly kind: 'missing_number' }
  | { readonly kind: 'no_goods' }
  | { readonly kind: 'invalid_goods'; readonly error: ValidationError };

export interface RefusedRow {
  readonly row: number;
  readonly given: string;
  readonly goodsId?: string;
  readonly problem: RowProblem;
}

/** Why nothing of a file can be looked up. */
export type ListProblem =
  | TableProblem
  | { readonly kind: 'too_large'; readonly bytes: number; readonly limit: number }
  | { readonly kind: 'too_many_rows'; readonly rows: number; readonly limit: number }
  | { readonly kind: 'empty' }
  | { readonly kind: 'no_coupon_column' }
  | { readonly kind: 'no_goods' }
  | { readonly kind: 'invalid_goods_option'; readonly error: ValidationError };

export interface ReadList {
  readonly format: Table['format'];
  readonly encoding?: Table['encoding'];
  readonly sheet?: string;
  readonly columns: Columns;
  readonly rows: readonly ListRow[];
  readonly refused: readonly RefusedRow[];
  /** Blank rows and repeated headers left out. */
  readonly skipped: number;
}

export type ReadOutcome = { readonly ok: true; readonly list: ReadList } | { readonly ok: false; readonly problem: ListProblem };

/** Read one list file. */
export async function readList(bytes: Uint8Array, fileName: string, options: ReadOptions): Promise<ReadOutcome> {
  if (bytes.byteLength > options.maxFileBytes) return fail({ kind: 'too_large', bytes: bytes.byteLength, limit: options.maxFileBytes });
  let fallback: { goodsId: string; name?: string } | undefined;
  if (options.goods !== undefined) {
    fallback = resolveGoods(options.catalog, options.goods);
    const error = validateField('GOODS_ID', fallback.goodsId);
    if (error) return fail({ kind: 'invalid_goods_option', error });
  }
  const read = await readTable(bytes, fileName, options.sheet);
  if (!read.ok) return fail(read.problem);
  const { table } = read;
  const lines = table.format === 'txt' ? table.rows.map((r) => splitLine(r, options.catalog)) : table.rows;
  const columns: Columns =
    table.format === 'txt' ? { ...findColumns(lines, options.catalog), barcode: 0, goods: 1 } : findColumns(lines, options.catalog);
  const data = lines.filter((r) => !isBlankRow(r) && r.row !== columns.headerRow && !isRepeatedHeader(r, columns));
  if (data.length === 0) return fail({ kind: 'empty' });
  if (columns.barcode === null) return fail({ kind: 'no_coupon_column' });
  if (data.length > options.maxItems) return fail({ kind: 'too_many_rows', rows: data.length, limit: options.maxItems });
  const goodsCol = columns.goods;
  if (fallback === undefined && (goodsCol === null || data.every((r) => blankAt(r, goodsCol)))) return fail({ kind: 'no_goods' });

  const barcodeCol = columns.barcode;
  const damage = columnDamage(data.map((r) => r.cells[barcodeCol] ?? EMPTY));
  const rows: ListRow[] = [];
  const refused: RefusedRow[] = [];
  data.forEach((r, i) => {
    const given = (r.cells[barcodeCol]?.text ?? '').trim();
    const goodsText = goodsCol === null ? '' : (r.cells[goodsCol]?.text ?? '').trim();
    const goods = goodsText !== '' ? resolveGoods(options.catalog, goodsText) : fallback;
    const read = readRow(given, goods, damage[i] ?? null);
    if ('problem' in read) refused.push({ row: r.row, given, ...(goods ? { goodsId: goods.goodsId } : {}), problem: read.problem });
    else rows.push({ row: r.row, given, ...read });
  });
  const list: ReadList = {
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.sheet ? { sheet: table.sheet } : {}),
    columns,
    rows,
    refused,
    skipped: table.rows.length - data.length,
  };
  return { ok: true, list };
}

const EMPTY: Cell = { text: '', numeric: false };

/** One row's number and goods, checked: what to look up, or why not. */
function readRow(
  given: string,
  goods: { goodsId: string; name?: string } | undefined,
  damage: Damage | null,
): { barcode: string; goodsId: string; goodsName?: string } | { problem: RowProblem } {
  if (damage) return { problem: { kind: 'damaged', damage } };
  const numbers = readTypedNumbers(given);
  if (numbers.length === 0) return { problem: { kind: 'missing_number' } };
  if (numbers.length > 1) return { problem: { kind: 'several', count: numbers.length } };
  const invalid = validateField('BARCODE_NUM', numbers[0]!);
  if (invalid) return { problem: { kind: 'invalid', error: invalid } };
  if (goods === undefined) return { problem: { kind: 'no_goods' } };
  const badGoods = validateField('GOODS_ID', goods.goodsId);
  if (badGoods) return { problem: { kind: 'invalid_goods', error: badGoods } };
  return { barcode: numbers[0]!, goodsId: goods.goodsId, ...(goods.name ? { goodsName: goods.name } : {}) };
}

function fail(problem: ListProblem): ReadOutcome {
  return { ok: false, problem };
}

function blankAt(row: TableRow, col: number): boolean {
  return (row.cells[col]?.text.trim() ?? '') === '';
}

/** A header repeated further down (lists glued together): its coupon cell is a coupon header. */
function isRepeatedHeader(row: TableRow, columns: Columns): boolean {
  const cell = columns.barcode === null ? undefined : row.cells[columns.barcode];
  return cell !== undefined && isBarcodeHeader(cell.text);
}

/**
 * A plain-text line: one coupon number, or `goods number` as `/coupon` reads it (the goods an ID
 * or a catalog name). Becomes cells [number, goods].
 */
function splitLine(row: TableRow, catalog: Catalog): TableRow {
  const line = row.cells[0]?.text ?? '';
  if (readTypedNumbers(line).length <= 1) return { row: row.row, cells: [{ text: line, numeric: false }] };
  const command = parseCouponCommand(line, catalog);
  if (command.kind === 'lookup' && command.barcodes.length === 1) {
    return {
      row: row.row,
      cells: [
        { text: command.barcodes[0]!, numeric: false },
        { text: command.goods.goodsId, numeric: false },
      ],
    };
  }
  return { row: row.row, cells: [{ text: line, numeric: false }] };
}
