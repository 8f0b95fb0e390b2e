/**
 * Korea Standard Time, the one place that owns date work, done by dayjs. KST is UTC+9 with no
 * daylight saving, so every instant is read and written at a fixed +09:00 offset (the `utc`
 * plugin): the machine's time zone never matters and no time-zone database is needed. The
 * vendor's `YYYYMMDD` / `YYYYMMDDHHmmss` are parsed strictly (`customParseFormat`) as KST.
 */
import dayjs, { type Dayjs } from 'dayjs';
import { LRUCache } from 'lru-cache';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import utc from 'dayjs/plugin/utc.js';
import type { CalendarDate } from './calendar-date.js';

dayjs.extend(utc);
dayjs.extend(customParseFormat);

/** KST's offset from UTC, in minutes (dayjs `utcOffset`). */
const KST_OFFSET_MIN = 9 * 60;
const ISO_DAY = 'YYYY-MM-DD';

/**
 * Strict parses already made, by format and text. The same few dates come back on every lookup
 * (a coupon's order, expiry and use dates, today), and dayjs's strict parse was the bot's largest
 * cost of its own per lookup in the benchmark's profile; a Dayjs is immutable, so it is shared.
 */
const parsed = new LRUCache<string, { readonly day: Dayjs | null }>({ max: 4096 });

/** A strict parse of a KST wall time: the date must exist and read back exactly as written. */
function parseKstWall(raw: string, format: string): Dayjs | null {
  const key = `${format}\u0000${raw}`;
  const hit = parsed.get(key);
  if (hit) return hit.day;
  // Parsed as a UTC wall time, then moved to +09:00 keeping that wall time.
  const wall = dayjs.utc(raw, format, true);
  // Strict mode already refuses a text that does not format back to itself (`20230231`).
  const day = !wall.isValid() || wall.year() < 1000 ? null : wall.utcOffset(KST_OFFSET_MIN, true);
  parsed.set(key, { day });
  return day;
}

/** An instant seen at +09:00. Throws RangeError for an invalid instant. */
function inKst(at: number | Date): Dayjs {
  const d = dayjs(at);
  if (!d.isValid()) throw new RangeError('not a valid instant');
  return d.utcOffset(KST_OFFSET_MIN);
}

/** The vendor's `YYYYMMDD` as `YYYY-MM-DD` when it is a real calendar day (not `20230231`), else `null`. */
export function parseVendorDate(raw: string): CalendarDate | null {
  return /^\d{8}$/.test(raw) ? (parseKstWall(raw, 'YYYYMMDD')?.format(ISO_DAY) ?? null) : null;
}

/** The vendor's `YYYYMMDDHHmmss`, a KST wall time, as the instant it names, else `null`. */
export function parseVendorTimestamp(raw: string): Date | null {
  return /^\d{14}$/.test(raw) ? (parseKstWall(raw, 'YYYYMMDDHHmmss')?.toDate() ?? null) : null;
}

/** An instant in KST with a dayjs format string, e.g. `YYYY-MM-DD HH:mm`. Throws RangeError for an invalid instant. */
export function formatInKst(at: number | Date, format: string): string {
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
  const day = parseKstWall(date, ISO_DAY);
  if (!day) throw new RangeError(`not a calendar date: ${date}`);
  return day.add(1, 'day').valueOf();
}

/** Whole calendar days from `from` to `to` (both `YYYY-MM-DD`); `null` when either is not. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number | null {
  const a = parseKstWall(from, ISO_DAY);
  const b = parseKstWall(to, ISO_DAY);
  return a === null || b === null ? null : b.diff(a, 'day');
}

/**
 * Whole KST calendar days from the day containing `nowMs` to `date` (`YYYY-MM-DD`):
 * 0 on the day itself, negative once it has passed; `null` when `date` is not `YYYY-MM-DD`.
 */
export function kstDaysUntil(date: CalendarDate, nowMs: number): number | null {
  return daysBetween(kstDate(nowMs), date);
}
