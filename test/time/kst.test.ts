import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  endOfKstDay,
  formatInKst,
  kstDate,
  kstDayOffset,
  kstDaysUntil,
  parseVendorDate,
  parseVendorTimestamp,
} from '../../src/time/kst.js';

/** A KST wall time as the instant it names (test helper). */
const kstWallMs = (y: number, m: number, d: number, h = 0, mi = 0): number => Date.UTC(y, m - 1, d, h - 9, mi);

// 15:30 UTC on Feb 29 2024 is 00:30 on Mar 1 in Seoul.
const UTC_LATE_FEB29 = Date.UTC(2024, 1, 29, 15, 30);

describe('endOfKstDay', () => {
  it('ends a day at the next KST midnight, across a leap day', () => {
    expect(endOfKstDay('2024-02-28')).toBe(kstWallMs(2024, 2, 29));
    expect(endOfKstDay('2024-02-29')).toBe(kstWallMs(2024, 3, 1));
    expect(new Date(endOfKstDay('2023-12-31')).toISOString()).toBe('2023-12-31T15:00:00.000Z');
  });

  it('refuses a date that is not one', () => {
    expect(() => endOfKstDay('2023-02-29')).toThrow(RangeError);
  });
});

describe('calendar days (strict dayjs parsing)', () => {
  it('knows month lengths and leap years', () => {
    expect(parseVendorDate('20240229')).toBe('2024-02-29');
    expect(parseVendorDate('20000229')).toBe('2000-02-29');
    for (const bad of ['20230229', '19000229', '20240431', '20240001', '20241301', '20240100', '00000101'])
      expect(parseVendorDate(bad), bad).toBeNull();
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
