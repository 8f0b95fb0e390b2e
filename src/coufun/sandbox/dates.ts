/**
 * KST calendar arithmetic for the sandbox's seeds: every date a seed shows is relative to the
 * injected clock's KST "today", so an unused seed stays unused and an expired one stays expired.
 */

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Dates relative to one KST day, in the vendor's formats. */
export interface KstCalendar {
  /** The KST day `offsetDays` from today, as `YYYYMMDD` (negative = past). */
  day(offsetDays: number): string;
  /** A KST wall-clock instant on that day, as `YYYYMMDDHHMISS`; `hhmmss` is six digits. */
  at(offsetDays: number, hhmmss: string): string;
}

/** The calendar around the KST day containing `nowMs`. */
export function kstCalendar(nowMs: number): KstCalendar {
  // KST has no daylight saving, so shifting by whole days in UTC arithmetic is exact.
  const day = (offsetDays: number): string => {
    const d = new Date(nowMs + KST_OFFSET_MS + offsetDays * DAY_MS);
    return `${d.getUTCFullYear()}${pad2(d.getUTCMonth() + 1)}${pad2(d.getUTCDate())}`;
  };
  return {
    day,
    at: (offsetDays, hhmmss) => {
      if (!/^([01]\d|2[0-3])[0-5]\d[0-5]\d$/.test(hhmmss)) throw new RangeError(`bad time ${hhmmss}`);
      return day(offsetDays) + hhmmss;
    },
  };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
