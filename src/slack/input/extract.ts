/**
 * Complaint message → candidate barcodes and goods, for the "look up coupon" message shortcut.
 * Pure. Heuristic by nature: it prefers missing a number over offering a customer's phone
 * number, a date or an order number as a coupon; the user confirms before anything is looked up.
 */
import type { Catalog, GoodsEntry } from '../../config/catalog.js';
import { stripSlackMarkup } from './message-text.js';
import { normaliseTyped } from '../../text/typed.js';

export interface Extraction {
  /** Candidate coupon numbers, separators removed, deduplicated, in order of appearance (≤ MAX_EXTRACTED_BARCODES). */
  readonly barcodes: readonly string[];
  /** Catalog entries named in the text, in order of appearance; 0 or > 1 means the caller must ask. */
  readonly goods: readonly GoodsEntry[];
  /** The text that was scanned: Slack markup removed, link labels kept. */
  readonly text: string;
  /** Further distinct candidates beyond the cap, when there were any (a mention says so instead of guessing). */
  readonly more?: number;
}

/** At most this many barcodes are offered from one message. */
export const MAX_EXTRACTED_BARCODES = 5;

/**
 * How much of a message is scanned: Slack's own limit for `text` (40,000) with room for the
 * blocks and attachments of a forwarded message. Every step below is linear, so this bounds
 * one shortcut's parsing time however large the payload is.
 */
export const MAX_SCANNED_CHARS = 120_000;

// An address starts where no address character precedes it: without the lookbehind, a long run
// of `[\w.%+-]` with no `@` is retried from each of its positions (quadratic).
const URL_OR_EMAIL = /\bhttps?:\/\/\S+|(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** A run of ASCII letters/digits, joined across single hyphens or (digit groups only) single spaces. */
interface Run {
  readonly value: string;
  readonly start: number;
  readonly end: number;
  readonly groups: readonly string[];
}

// Written so no two parts can both take the same spaces: `\s*X?[\s…]*$` (the same language)
// retried every split of a run of spaces, a cost per label that grew with the spaces squared.
const GAP = String.raw`(?:\s*(?:은|는|이|가|을|를|의|도|is|was|:))?[\s:：#.=\-()（）\[\]【】<>"'*_~\`]*$`;
const EN = '(?<![A-Za-z])';
const BARCODE_LABEL = new RegExp(
  String.raw`(?:쿠폰(?:\s*(?:번호|코드))?|바코드(?:\s*번호)?|핀\s*번호|(?:상품권|교환권|기프트\s*카드)(?:\s*(?:번호|코드))?|기프티콘(?:\s*번호)?|BARCODE_NUM|${EN}(?:coupon|voucher|gift\s*card|barcode|pin)(?:\s*(?:no|number|num|code|#))?)${GAP}`,
  'i',
);
// Numbers that look like coupons but are labelled as something else.
const OTHER_LABEL = new RegExp(
  String.raw`(?:주문\s*(?:번호|코드|ID|no)|(?:거래|결제|승인|송장|운송장|접수|문의|티켓|사업자(?:\s*등록)?|계좌|카드|수신|수신자|전화|휴대폰|핸드폰|회원)\s*번호|운송장|계좌|연락처|휴대전화|(?:주문|교환|취소|사용|구매|발송|결제|만료|등록)일(?:자|시)?|유효\s*기간|날짜|일자|일시|${EN}(?:(?:order|ticket|invoice|tracking|transaction|account|card|phone|mobile|tel(?:ephone)?)(?:\s*(?:no|number|num|id|#))?|date|expir(?:y|es|ation)))${GAP}`,
  'i',
);
const MOBILE = /^01[016789]\d{7,8}$/;
const LANDLINE = /^0(?:2|3[1-3]|4[1-4]|5[1-5]|6[1-4]|70|80)\d{7,8}$/;
const INTERNATIONAL_BEFORE = /\+\s?(?:\d{1,3}[\s-]?)?$/;
const AMOUNT_AFTER = /^(?:[,.]\d|\s?(?:원|won\b|krw\b))/i;
const AMOUNT_BEFORE = /(?:\d[,.]|[₩$]\s?|krw\s?)$/i;
// After a space-joined digit group these end the run: "… 9012 3000원", "… 9012 12장".
const UNIT_AFTER = /^(?:[,.]\d|\s?(?:원|장|개|건|명|매|회|일|월|년|시|분|초|세|%|won\b|krw\b|ea\b|pcs\b))/i;

/** Find candidate barcodes and catalog goods in a complaint's text (raw Slack text is fine). */
export function extract(text: string, catalog: Catalog): Extraction {
  const readable = normaliseTyped(stripSlackMarkup(text));
  // URLs and e-mail addresses are blanked with spaces so positions keep matching `readable`.
  const scan = readable.slice(0, MAX_SCANNED_CHARS).replace(URL_OR_EMAIL, (m) => ' '.repeat(m.length));
  const goods = findGoods(scan, catalog);
  const barcodes: string[] = [];
  const beyond = new Set<string>();
  for (const run of runs(scan)) {
    if (barcodes.includes(run.value) || beyond.has(run.value) || !isBarcode(run, scan, catalog)) continue;
    if (barcodes.length < MAX_EXTRACTED_BARCODES) barcodes.push(run.value);
    else beyond.add(run.value);
  }
  return { barcodes, goods, text: readable.trim(), ...(beyond.size > 0 ? { more: beyond.size } : {}) };
}

function isBarcode(run: Run, scan: string, catalog: Catalog): boolean {
  const { value, start, end, groups } = run;
  if (value.length < 10 || value.length > 30 || value.replace(/\D/g, '').length < 8) return false;
  if (catalog.nameOf(value) !== undefined) return false;
  const before = scan.slice(Math.max(0, start - 40), start);
  if (OTHER_LABEL.test(before)) return false;
  const after = scan.slice(end, end + 8);
  // An explicit "쿠폰번호:" label outweighs the number merely looking like a phone number.
  const labelled = BARCODE_LABEL.test(before);
  if (!labelled && (INTERNATIONAL_BEFORE.test(before) || MOBILE.test(value) || LANDLINE.test(value))) return false;
  if (groups[0] === '82' && MOBILE.test(`0${value.slice(2)}`)) return false;
  if (AMOUNT_AFTER.test(after) || AMOUNT_BEFORE.test(before)) return false;
  return !startsWithDate(groups);
}

/** `2024-01-15…` or `20240115-0001234` (a date-stamped order number). */
function startsWithDate(groups: readonly string[]): boolean {
  const [a, b, c] = groups;
  if (groups.length >= 3 && a !== undefined && b !== undefined && c !== undefined && /^(?:19|20)\d\d$/.test(a)) {
    return isMonthDay(b, c);
  }
  if (groups.length >= 2 && a !== undefined && /^(?:19|20)\d{6}$/.test(a)) return isMonthDay(a.slice(4, 6), a.slice(6));
  return false;
}

function isMonthDay(month: string, day: string): boolean {
  const m = Number(month);
  const d = Number(day);
  return /^\d{1,2}$/.test(month) && /^\d{1,2}$/.test(day) && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/**
 * Letter/digit runs. Hyphens join any runs (`0123-4567-8901`, `CF-1234-5678`); a single space
 * joins only digit groups of 3–6 digits where every group but the last has the same length and
 * the last is no longer, so `0123 4567 8901` is one barcode but `… 8901 3000원`, `010 1234 5678`
 * or a number in the next sentence are not swallowed. One lazy pass: what a space join needs to
 * know about the groups so far is kept as it grows, never recomputed, and the caller stops
 * reading once it has enough barcodes.
 */
function* runs(scan: string): Generator<Run> {
  let groups: string[] = [];
  let start = 0;
  let end = 0;
  let sep: '' | '-' | ' ' = '';
  // Every group so far is all digits and as long as the first (what a space join requires).
  let uniform = false;
  for (const m of scan.matchAll(/[A-Za-z0-9]+/g)) {
    const text = m[0];
    const at = m.index;
    const between = at - end === 1 && groups.length > 0 ? scan[end] : undefined;
    const digits = DIGITS.test(text);
    const size = groups[0]?.length ?? 0;
    if (between === '-' && sep !== ' ') {
      sep = '-';
      uniform &&= digits && text.length === size;
    } else if (
      between === ' ' &&
      sep !== '-' &&
      uniform &&
      spaceJoins(size, text, digits, scan.slice(at + text.length, at + text.length + 6))
    ) {
      sep = ' ';
      uniform = text.length === size;
    } else {
      if (groups.length > 0) yield { value: groups.join(''), start, end, groups };
      groups = [];
      start = at;
      sep = '';
      uniform = digits;
    }
    groups.push(text);
    end = at + text.length;
  }
  if (groups.length > 0) yield { value: groups.join(''), start, end, groups };
}

const DIGITS = /^\d+$/;

/** Whether a space joins `next` to digit groups of `size` digits each. */
function spaceJoins(size: number, next: string, nextIsDigits: boolean, after: string): boolean {
  if (size < 3 || size > 6 || next.length < 3 || next.length > size || !nextIsDigits) return false;
  return !UNIT_AFTER.test(after);
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Catalog IDs as whole tokens and catalog names anywhere; a name inside a longer matched name
 * does not count. Entries come in order of their first counted mention. Each pattern's matches
 * do not overlap, so whether a longer match contains a name is one binary search per pattern,
 * not a comparison with every other match.
 */
function findGoods(scan: string, catalog: Catalog): GoodsEntry[] {
  const found = patternsOf(catalog).map(({ entry, id, name }) => ({ entry, ids: spansOf(scan, id), names: spansOf(scan, name) }));
  const firsts: { entry: GoodsEntry; start: number }[] = [];
  for (const { entry, ids, names } of found) {
    const others = found.filter((f) => f.entry !== entry).flatMap((f) => [f.ids, f.names]);
    const byName = names.find((h) => !others.some((spans) => containsLonger(spans, h)));
    const start = Math.min(ids[0]?.start ?? Infinity, byName?.start ?? Infinity);
    if (start !== Infinity) firsts.push({ entry, start });
  }
  if (firsts.length === 0) return byBrand(scan, catalog);
  // Stable: entries mentioned at the same place keep catalog order.
  firsts.sort((a, b) => a.start - b.start);
  return firsts.map((f) => f.entry);
}

/**
 * When no ID or full name is in the text, the first word of a catalog name (its brand, e.g.
 * "스타벅스" for "스타벅스 아메리카노 T") stands for the products it begins: one product is the
 * answer, several are for the person to choose between. People write the brand, not the full
 * catalog name ("@coupon-bot 0123-4567-8901 스타벅스"); a word of fewer than two characters
 * stands for nothing, and a mistyped full name is not guessed for (see `brandPattern`).
 */
function byBrand(scan: string, catalog: Catalog): GoodsEntry[] {
  const firsts: { entry: GoodsEntry; start: number }[] = [];
  for (const { entry, brand } of patternsOf(catalog)) {
    const hit = brand ? spansOf(scan, brand)[0] : undefined;
    if (hit) firsts.push({ entry, start: hit.start });
  }
  firsts.sort((a, b) => a.start - b.start);
  return firsts.map((f) => f.entry);
}

function spansOf(scan: string, pattern: RegExp): Span[] {
  return Array.from(scan.matchAll(pattern), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Whether one of `spans` (sorted, non-overlapping) covers `h` and is longer. Only the last one starting at or before `h` can. */
function containsLonger(spans: readonly Span[], h: Span): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= h.start) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const o = at < 0 ? undefined : spans[at];
  return o !== undefined && o.end >= h.end && o.end - o.start > h.end - h.start;
}

interface GoodsPatterns {
  readonly entry: GoodsEntry;
  readonly id: RegExp;
  readonly name: RegExp;
  /** The name's first word, when the name has more than one and it is long enough to mean something. */
  readonly brand: RegExp | null;
}

// The catalog is fixed at start-up: compile its patterns once, not on every shortcut.
const PATTERNS = new WeakMap<Catalog, readonly GoodsPatterns[]>();

function patternsOf(catalog: Catalog): readonly GoodsPatterns[] {
  let patterns = PATTERNS.get(catalog);
  if (!patterns) {
    patterns = catalog.entries.map((entry) => ({
      entry,
      id: new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(entry.id)}(?![A-Za-z0-9_-])`, 'g'),
      name: namePattern(entry.name),
      brand: brandPattern(entry.name),
    }));
    PATTERNS.set(catalog, patterns);
  }
  return patterns;
}

/** Case-insensitive, any whitespace between words; ASCII letters/digits at an edge must not run on. */
function namePattern(name: string): RegExp {
  const words = name.normalize('NFC').trim().split(/\s+/).map(escapeRegExp).join(String.raw`\s+`);
  const head = /^[A-Za-z0-9]/.test(name.trim()) ? '(?<![A-Za-z0-9])' : '';
  const tail = /[A-Za-z0-9]$/.test(name.trim()) ? '(?![A-Za-z0-9])' : '';
  return new RegExp(`${head}${words}${tail}`, 'giu');
}

/**
 * The first word of a name, where it is not followed by the name's second word: someone who went
 * on to write the rest of the name and got it wrong ("GS25 Cafe Lattes") is not guessed for.
 */
function brandPattern(name: string): RegExp | null {
  const words = name.normalize('NFC').trim().split(/\s+/);
  const [first = '', second = ''] = words;
  if (words.length < 2 || [...first].length < 2) return null;
  const brand = namePattern(first);
  return new RegExp(`${brand.source}(?!\\s+${escapeRegExp(second)})`, brand.flags);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
