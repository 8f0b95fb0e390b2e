/**
 * Which columns hold the coupon numbers and the goods: by header (`쿠폰번호`, `바코드`,
 * `BARCODE_NUM`, …; `상품ID`, `상품명`, `GOODS_ID`, …; case, spacing and `_`/`-` ignored), or,
 * with no header row, the first column that reads as coupon numbers and a column of catalog
 * products beside it. Pure.
 */
import type { Catalog } from '../../config/catalog.js';
import { validateField } from '../../coufun/validate.js';
import { readTypedNumbers } from '../../input/command-text.js';
import type { Cell, TableRow } from './table.js';

const BARCODE_HEADERS = [
  '쿠폰번호',
  '쿠폰',
  '쿠폰코드',
  '바코드',
  '바코드번호',
  '핀번호',
  'barcode',
  'barcode_num',
  'barcodeno',
  'barcodenumber',
  'coupon',
  'couponno',
  'couponnumber',
  'couponcode',
  'pin',
  'pinno',
];
const GOODS_HEADERS = [
  '상품id',
  '상품',
  '상품명',
  '상품코드',
  '상품번호',
  '상품아이디',
  'goods',
  'goods_id',
  'goodsname',
  'goodsno',
  'product',
  'productid',
  'productname',
];

/** A header as compared: NFC, lower case, without spaces, `_`, `-`, `.` or brackets. */
export function headerKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-.()[\]]/g, '');
}

const BARCODE_KEYS = new Set(BARCODE_HEADERS.map(headerKey));
const GOODS_KEYS = new Set(GOODS_HEADERS.map(headerKey));

export const isBarcodeHeader = (text: string): boolean => BARCODE_KEYS.has(headerKey(text));
export const isGoodsHeader = (text: string): boolean => GOODS_KEYS.has(headerKey(text));

/** Where the columns are (0-based), and the header row if there is one. */
export interface Columns {
  readonly barcode: number | null;
  readonly goods: number | null;
  /** The header row's number, or null when the list has none. */
  readonly headerRow: number | null;
  /** The header's words for each found column (for the detection note). */
  readonly names: { readonly barcode?: string; readonly goods?: string };
}

const blank = (cell: Cell | undefined): boolean => (cell?.text.trim() ?? '') === '';
export const isBlankRow = (row: TableRow): boolean => row.cells.every(blank);

/** Find the columns of a table whose first non-blank row is `first`. */
export function findColumns(rows: readonly TableRow[], catalog: Catalog): Columns {
  const first = rows.find((r) => !isBlankRow(r));
  if (first === undefined) return { barcode: null, goods: null, headerRow: null, names: {} };
  const b = first.cells.findIndex((c) => isBarcodeHeader(c.text));
  const g = first.cells.findIndex((c) => isGoodsHeader(c.text));
  if (b >= 0 || g >= 0) {
    return {
      barcode: b >= 0 ? b : null,
      goods: g >= 0 ? g : null,
      headerRow: first.row,
      names: { ...(b >= 0 ? { barcode: first.cells[b]!.text.trim() } : {}), ...(g >= 0 ? { goods: first.cells[g]!.text.trim() } : {}) },
    };
  }
  const width = Math.max(...rows.map((r) => r.cells.length));
  const columnCells = (c: number): Cell[] => rows.map((r) => r.cells[c]).filter((cell): cell is Cell => !blank(cell));
  let barcode: number | null = null;
  for (let c = 0; c < width && barcode === null; c += 1) {
    const cells = columnCells(c);
    if (cells.length > 0 && cells.filter(looksLikeCoupon).length * 2 >= cells.length) barcode = c;
  }
  let goods: number | null = null;
  for (let c = 0; c < width && goods === null; c += 1) {
    const cells = columnCells(c);
    if (c !== barcode && cells.length > 0 && cells.every((cell) => catalog.find(cell.text) !== null)) goods = c;
  }
  return { barcode, goods, headerRow: null, names: {} };
}

/** A cell that reads as one coupon number (or as one Excel damaged: digits, `E+`, `.0`). */
function looksLikeCoupon(cell: Cell): boolean {
  const text = cell.text.trim();
  if (/^\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/.test(text) && text.replace(/\D/g, '').length >= 6) return true;
  const numbers = readTypedNumbers(text);
  return numbers.length === 1 && numbers[0]!.length >= 8 && /\d/.test(numbers[0]!) && validateField('BARCODE_NUM', numbers[0]!) === null;
}
