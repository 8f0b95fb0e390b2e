/**
 * Korea Standard Time calendar arithmetic, the one place that owns it. KST is UTC+9 with no
 * daylight saving, so it is computed by offset: the machine's time zone never matters, and
 * shifting by whole days in UTC arithmetic is exact.
 */
import type { CalendarDate } from './coufun/types.js';

export const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(y: number, m: number): number {
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** A real Gregorian day (month 1–12) in year 1 or later: `2024-02-29` is, `2023-02-29` is not. */
export function isCalendarDay(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Epoch ms of a UTC wall time; unlike `Date.UTC`, years 0–99 are not shifted into the 1900s. */
function utcMs(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  date.setUTCHours(h, mi, s, 0);
  return date.getTime();
}

/** Epoch ms of a KST wall time (month 1–12). Out-of-range fields roll over, as in `Date`. */
export function kstWallMs(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return utcMs(y, m, d, h, mi, s) - KST_OFFSET_MS;
}

/** The KST wall time of an instant, read through the UTC fields of a shifted Date. Throws RangeError for an invalid instant. */
export function kstFields(at: number | Date): Date {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('not a valid instant');
  return new Date(ms + KST_OFFSET_MS);
}

/** `YYYY-MM-DD` of a Date's UTC fields; pass `kstFields(at)` to get the KST day. */
export function utcYmd(k: Date): CalendarDate {
  return `${String(k.getUTCFullYear()).padStart(4, '0')}-${pad2(k.getUTCMonth() + 1)}-${pad2(k.getUTCDate())}`;
}

/** The KST calendar date (`YYYY-MM-DD`) containing an instant. Throws RangeError for an invalid instant. */
export function kstDate(at: number | Date): CalendarDate {
  return utcYmd(kstFields(at));
}

/** Epoch ms of 00:00 KST on the day after `date` (`YYYY-MM-DD`): the first instant it is past. */
export function endOfKstDay(date: CalendarDate): number {
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  return kstWallMs(y, m, d + 1);
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date, or `null` when it is not in that shape. */
function dayNumber(date: CalendarDate): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? utcMs(Number(m[1]), Number(m[2]), Number(m[3])) / DAY_MS : null;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); `null` when either is not. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

/**
 * Whole KST calendar days from the day containing `nowMs` to `date` (`YYYY-MM-DD`):
 * 0 on the day itself, negative once it has passed; `null` when `date` is not `YYYY-MM-DD`.
 */
export function kstDaysUntil(date: CalendarDate, nowMs: number): number | null {
  return daysBetween(kstDate(nowMs), date);
}
