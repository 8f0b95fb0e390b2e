/**
 * Korea Standard Time, the one place that owns date work. KST is UTC+9 with no daylight
 * saving, so every instant is read and written at a fixed +09:00 offset: the machine's time
 * zone never matters and no time-zone database is needed. The vendor's `YYYYMMDD` /
 * `YYYYMMDDHHmmss` are parsed strictly (the date must exist) as KST by plain arithmetic;
 * free-form formats and day shifts go through dayjs (`utc` plugin).
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { CalendarDate } from './coufun/types.js';

dayjs.extend(utc);

/** KST's offset from UTC, in minutes (dayjs `utcOffset`). */
const KST_OFFSET_MIN = 9 * 60;
const ISO_DAY = 'YYYY-MM-DD';
/** The card's answer time. */
const KST_MINUTE = 'YYYY-MM-DD HH:mm';

/*
 * Fast paths for the fixed shapes every lookup parses and prints (the vendor's dates, the
 * card's expiry countdown and answer time). Profiling showed dayjs's strict parse (parse, then
 * format to compare) at ~5 % of the bot's CPU per lookup; for fixed-width digit shapes the same
 * strictness is a range check plus Date.UTC reading the day back. Same answers as the dayjs
 * path (years 1000–9999; anything else still goes through dayjs).
 */
const KST_OFFSET_MS = KST_OFFSET_MIN * 60_000;
const DAY_MS = 86_400_000;
const ISO_DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Epoch ms of a KST wall time when it exists (no 31 April, no 24:00), else `null`. */
function kstWallMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // A day past the month's end rolls into the next month: the day no longer reads back.
  return new Date(wall).getUTCDate() === d ? wall - KST_OFFSET_MS : null;
}

const digits = (raw: string, from: number, to: number): number => Number(raw.slice(from, to));

/** `YYYY-MM-DD` (exactly that shape) as the instant of 00:00 KST that day, else `null`. */
function kstDayStartMs(date: string): number | null {
  return ISO_DAY_SHAPE.test(date) ? kstWallMs(digits(date, 0, 4), digits(date, 5, 7), digits(date, 8, 10)) : null;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** The KST wall clock of an instant, or `null` outside years 1000–9999 (left to dayjs). */
function kstWallFields(at: number | Date): Date | null {
  const ms = typeof at === 'number' ? at : at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('not a valid instant');
  const wall = new Date(ms + KST_OFFSET_MS);
  const y = wall.getUTCFullYear();
  return y >= 1000 && y <= 9999 ? wall : null;
}

function isoDayOf(wall: Date): string {
  return `${wall.getUTCFullYear()}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`;
}

/** An instant seen at +09:00. Throws RangeError for an invalid instant. */
function inKst(at: number | Date): Dayjs {
  const d = dayjs(at);
  if (!d.isValid()) throw new RangeError('not a valid instant');
  return d.utcOffset(KST_OFFSET_MIN);
}

/** The vendor's `YYYYMMDD` as `YYYY-MM-DD` when it is a real calendar day (not `20230231`), else `null`. */
export function parseVendorDate(raw: string): CalendarDate | null {
  if (!/^\d{8}$/.test(raw) || kstWallMs(digits(raw, 0, 4), digits(raw, 4, 6), digits(raw, 6, 8)) === null) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 6)}-${raw.slice(6, 8)}`;
}

/** The vendor's `YYYYMMDDHHmmss`, a KST wall time, as the instant it names, else `null`. */
export function parseVendorTimestamp(raw: string): Date | null {
  if (!/^\d{14}$/.test(raw)) return null;
  const ms = kstWallMs(digits(raw, 0, 4), digits(raw, 4, 6), digits(raw, 6, 8), digits(raw, 8, 10), digits(raw, 10, 12), digits(raw, 12, 14));
  return ms === null ? null : new Date(ms);
}

/** An instant in KST with a dayjs format string, e.g. `YYYY-MM-DD HH:mm`. Throws RangeError for an invalid instant. */
export function formatInKst(at: number | Date, format: string): string {
  if (format === ISO_DAY || format === KST_MINUTE) {
    const wall = kstWallFields(at);
    if (wall !== null) {
      const day = isoDayOf(wall);
      return format === ISO_DAY ? day : `${day} ${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`;
    }
  }
  return inKst(at).format(format);
}

/** The KST calendar date (`YYYY-MM-DD`) containing an instant. Throws RangeError for an invalid instant. */
export function kstDate(at: number | Date): CalendarDate {
  return formatInKst(at, ISO_DAY);
}

/** The KST day `offsetDays` after the one containing `at` (negative = before), in `format`. */
export function kstDayOffset(at: number | Date, offsetDays: number, format = ISO_DAY): string {
  return inKst(at).add(offsetDays, 'day').format(format);
}

/** Epoch ms of 00:00 KST on the day after `date` (`YYYY-MM-DD`): the first instant it is past. */
export function endOfKstDay(date: CalendarDate): number {
  const start = kstDayStartMs(date);
  if (start === null) throw new RangeError(`not a calendar date: ${date}`);
  return start + DAY_MS;
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); `null` when either is not. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number | null {
  const a = kstDayStartMs(from);
  const b = kstDayStartMs(to);
  // Both are KST midnights and KST has no daylight saving: an exact multiple of a day.
  return a === null || b === null ? null : Math.round((b - a) / DAY_MS);
}

/**
 * Whole KST calendar days from the day containing `nowMs` to `date` (`YYYY-MM-DD`):
 * 0 on the day itself, negative once it has passed; `null` when `date` is not `YYYY-MM-DD`.
 */
export function kstDaysUntil(date: CalendarDate, nowMs: number): number | null {
  return daysBetween(kstDate(nowMs), date);
}
