import { describe, expect, it } from 'vitest';
import { daysBetween, endOfKstDay, formatInKst, isCalendarDay, kstDate, kstDayOffset, kstDaysUntil, kstWallMs, parseVendorDate, parseVendorTimestamp } from '../src/kst.js';

// 15:30 UTC on Feb 29 2024 is 00:30 on Mar 1 in Seoul.
const UTC_LATE_FEB29 = Date.UTC(2024, 1, 29, 15, 30);

describe('kstWallMs / endOfKstDay', () => {
  it('reads a KST wall time as the instant nine hours earlier in UTC', () => {
    expect(new Date(kstWallMs(2024, 3, 1, 0, 30)).toISOString()).toBe('2024-02-29T15:30:00.000Z');
  });

  it('keeps two-digit years as written (Date.UTC would move them to the 1900s)', () => {
    expect(kstDate(kstWallMs(99, 12, 31))).toBe('0099-12-31');
  });

  it('ends a day at the next KST midnight, across a leap day', () => {
    expect(endOfKstDay('2024-02-28')).toBe(kstWallMs(2024, 2, 29));
    expect(endOfKstDay('2024-02-29')).toBe(kstWallMs(2024, 3, 1));
  });
});

describe('isCalendarDay', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDay(2024, 2, 29)).toBe(true);
    expect(isCalendarDay(2023, 2, 29)).toBe(false);
    expect(isCalendarDay(2000, 2, 29)).toBe(true);
    expect(isCalendarDay(1900, 2, 29)).toBe(false);
    expect(isCalendarDay(2024, 4, 31)).toBe(false);
  });

  it('refuses month 0 or 13, day 0 and year 0', () => {
    expect(isCalendarDay(2024, 0, 1)).toBe(false);
    expect(isCalendarDay(2024, 13, 1)).toBe(false);
    expect(isCalendarDay(2024, 1, 0)).toBe(false);
    expect(isCalendarDay(0, 1, 1)).toBe(false);
  });
});

describe('kstDate / daysBetween / kstDaysUntil', () => {
  it('takes the KST day, not the UTC one', () => {
    expect(kstDate(UTC_LATE_FEB29)).toBe('2024-03-01');
    expect(kstDate(new Date(UTC_LATE_FEB29 - 31 * 60 * 1000))).toBe('2024-02-29');
  });

  it('counts whole days either way and refuses other shapes', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2024-03-01', '2023-03-01')).toBe(-366);
    expect(daysBetween('2024-03-01', '20240301')).toBeNull();
    expect(kstDaysUntil('2024-03-01', UTC_LATE_FEB29)).toBe(0);
  });

  it('throws RangeError for an instant that is not one', () => {
    expect(() => formatInKst(Number.NaN, 'YYYY')).toThrow(RangeError);
    expect(() => kstDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('vendor formats, parsed by dayjs as Korea time', () => {
  it('reads YYYYMMDD strictly: a real day or nothing', () => {
    expect(parseVendorDate('20240229')).toBe('2024-02-29');
    for (const bad of ['20230229', '20231301', '2024022', '2024-02-29', '00991231', '']) expect(parseVendorDate(bad)).toBeNull();
  });

  it('reads YYYYMMDDHHmmss as KST wall time', () => {
    expect(parseVendorTimestamp('20240301003000')?.toISOString()).toBe('2024-02-29T15:30:00.000Z');
    for (const bad of ['20240301240000', '20240301006000', '20240230120000', '2024030100300']) expect(parseVendorTimestamp(bad)).toBeNull();
  });

  it('formats and shifts by KST days whatever the machine zone', () => {
    expect(formatInKst(UTC_LATE_FEB29, 'YYYY-MM-DD HH:mm')).toBe('2024-03-01 00:30');
    expect(formatInKst(UTC_LATE_FEB29, 'YYYY-MM-DDTHH:mm:ssZ')).toBe('2024-03-01T00:30:00+09:00');
    expect(kstDayOffset(UTC_LATE_FEB29, -1, 'YYYYMMDD')).toBe('20240229');
    expect(kstDayOffset(UTC_LATE_FEB29, 365)).toBe('2025-03-01');
  });

  it('counts days across a year end and a leap day', () => {
    expect(daysBetween('2023-12-31', '2024-03-01')).toBe(61);
    expect(kstDaysUntil('2024-02-29', UTC_LATE_FEB29)).toBe(-1);
  });
});
