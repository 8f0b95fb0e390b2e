/**
 * `/coupon` text → what the user asked for. Pure. Goods may be a catalog ID or a catalog name
 * (names can contain spaces, so the longest leading run of words naming a catalog entry wins);
 * otherwise the first word is taken as a raw goods ID. Every value is checked with the
 * protocol's own rules, so nothing invalid ever reaches the vendor.
 */
import type { Catalog } from '../config/catalog.js';
import { MAX_BARCODES } from '../config/limits.js';
import { validateField } from '../coufun/validate.js';
import type { ValidationError } from '../coufun/errors.js';
import { normaliseTyped } from '../text/typed.js';

export interface GoodsChoice {
  readonly goodsId: string;
  readonly name?: string;
}

export type CouponCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'lookup'; readonly goods: GoodsChoice; readonly barcodes: readonly string[] }
  | { readonly kind: 'missing_barcode'; readonly goods: GoodsChoice }
  | { readonly kind: 'too_many_barcodes'; readonly given: number; readonly max: number }
  | { readonly kind: 'invalid'; readonly error: ValidationError; readonly position?: number };

const HELP_WORDS = new Set(['', 'help', '도움말', '?', '-h', '--help']);

export function parseCouponCommand(text: string, catalog: Catalog): CouponCommand {
  const words = normaliseTyped(text).trim().split(/\s+/).filter(Boolean).map(ungroup);
  if (words.length === 0 || (words.length === 1 && HELP_WORDS.has(words[0]!.toLowerCase()))) return { kind: 'help' };

  const { goods, rest: typed } = takeGoods(words, catalog);
  const rest = joinGroups(typed);
  const goodsProblem = validateField('GOODS_ID', goods.goodsId);
  if (goodsProblem) return { kind: 'invalid', error: goodsProblem };
  const checked = checkBarcodes(rest);
  if (checked.kind === 'missing_barcode') return { kind: 'missing_barcode', goods };
  return checked.kind === 'ok' ? { kind: 'lookup', goods, barcodes: checked.barcodes } : checked;
}

export type BarcodeCheck =
  | { readonly kind: 'ok'; readonly barcodes: readonly string[] }
  | { readonly kind: 'missing_barcode' }
  | { readonly kind: 'too_many_barcodes'; readonly given: number; readonly max: number }
  | { readonly kind: 'invalid'; readonly error: ValidationError; readonly position: number };

/**
 * The one check for a list of typed barcodes (command and form alike): at least one, at most
 * MAX_BARCODES distinct, each valid by the protocol's rules. Positions count entries as typed
 * (duplicates included): that is what the user sees.
 */
export function checkBarcodes(typed: readonly string[]): BarcodeCheck {
  if (typed.length === 0) return { kind: 'missing_barcode' };
  const barcodes = [...new Set(typed)];
  if (barcodes.length > MAX_BARCODES) return { kind: 'too_many_barcodes', given: barcodes.length, max: MAX_BARCODES };
  for (const [i, barcode] of typed.entries()) {
    const problem = validateField('BARCODE_NUM', barcode);
    if (problem) return { kind: 'invalid', error: problem, position: i + 1 };
  }
  return { kind: 'ok', barcodes };
}

/**
 * The coupon numbers in typed text, read exactly as `/coupon` reads the numbers after the goods
 * (normalised, `0123-4567-8901` and `0123 4567 8901` each one number); not yet checked. A bulk
 * list's cell goes through here, so a cell and a command agree on what a number is.
 */
export function readTypedNumbers(text: string): string[] {
  return joinGroups(normaliseTyped(text).trim().split(/\s+/).filter(Boolean).map(ungroup));
}

/**
 * The form's barcodes box: one coupon per line (or comma), each normalised like `/coupon`
 * input; spaces and hyphens inside a line are the printed grouping (`0123-4567-8901`).
 */
export function readBarcodeLines(text: string): string[] {
  return normaliseTyped(text)
    .split(/[\r\n,]+/)
    .map((line) => line.replace(/[\s-]/g, ''))
    .filter(Boolean);
}

/**
 * `0123-4567-8901` as printed on a coupon → `012345678901`, as the message shortcut reads it.
 * Only digit groups are joined: a word with letters keeps its hyphens.
 */
function ungroup(word: string): string {
  return /^\d+(?:-\d+)+$/.test(word) ? word.replace(/-/g, '') : word;
}

/**
 * `0123 4567 8901` → `012345678901`: consecutive short digit groups (3–6 digits, too short to be
 * a coupon number on their own) are one number printed in groups.
 */
function joinGroups(words: readonly string[]): string[] {
  const out: string[] = [];
  let group = '';
  for (const word of words) {
    if (/^\d{3,6}$/.test(word)) {
      group += word;
      continue;
    }
    if (group) out.push(group);
    group = '';
    out.push(word);
  }
  if (group) out.push(group);
  return out;
}

/**
 * The longest leading run of words naming a catalog entry, else the first word as a raw ID. A
 * run longer than the catalog's longest name (in words) cannot name anything, so only that
 * many prefixes are tried: the work grows with the text, not with its square.
 */
function takeGoods(words: readonly string[], catalog: Catalog): { goods: GoodsChoice; rest: readonly string[] } {
  for (let n = Math.min(words.length, longestNameWords(catalog)); n >= 1; n -= 1) {
    const entry = catalog.find(words.slice(0, n).join(' '));
    if (entry) return { goods: { goodsId: entry.id, name: entry.name }, rest: words.slice(n) };
  }
  return { goods: { goodsId: words[0]! }, rest: words.slice(1) };
}

// The catalog is fixed at start-up: count its names' words once.
const LONGEST = new WeakMap<Catalog, number>();

/** Words in the catalog's longest name (at least 1: an ID is one word). */
function longestNameWords(catalog: Catalog): number {
  let longest = LONGEST.get(catalog);
  if (longest === undefined) {
    longest = Math.max(1, ...catalog.entries.map((e) => e.name.trim().split(/\s+/).length));
    LONGEST.set(catalog, longest);
  }
  return longest;
}
