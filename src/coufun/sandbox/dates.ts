/**
 * The sandbox's seed dates: every date a seed shows is relative to the injected clock's KST
 * "today", so an unused seed stays unused and an expired one stays expired.
 */
import { kstDayOffset } from '../../time/kst.js';

/** Dates relative to one KST day, in the vendor's formats. */
export interface KstCalendar {
  /** The KST day `offsetDays` from today, as `YYYYMMDD` (negative = past). */
  day(offsetDays: number): string;
  /** A KST wall-clock instant on that day, as `YYYYMMDDHHMISS`; `hhmmss` is six digits. */
  at(offsetDays: number, hhmmss: string): string;
}

/** The calendar around the KST day containing `nowMs`. */
export function kstCalendar(nowMs: number): KstCalendar {
  const day = (offsetDays: number): string => kstDayOffset(nowMs, offsetDays, 'YYYYMMDD');
  return {
    day,
    at: (offsetDays, hhmmss) => {
      if (!/^([01]\d|2[0-3])[0-5]\d[0-5]\d$/.test(hhmmss)) throw new RangeError(`bad time ${hhmmss}`);
      return day(offsetDays) + hhmmss;
    },
  };
}
