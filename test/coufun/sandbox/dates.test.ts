import { describe, expect, it } from 'vitest';
import { kstCalendar } from '../../../src/coufun/sandbox/dates.js';
import { FIXED_NOW } from './http.js';

describe('kstCalendar', () => {
  it('takes today from the KST day, not the UTC day', () => {
    // 15:30 UTC on Feb 29 is 00:30 on Mar 1 in Seoul.
    expect(kstCalendar(FIXED_NOW).day(0)).toBe('20240301');
    expect(kstCalendar(Date.UTC(2024, 1, 29, 14, 59, 59)).day(0)).toBe('20240229');
  });

  it('counts days across month and leap-day boundaries', () => {
    const cal = kstCalendar(FIXED_NOW);
    expect(cal.day(-1)).toBe('20240229');
    expect(cal.day(-30)).toBe('20240131');
    expect(cal.day(60)).toBe('20240430');
    expect(cal.day(305)).toBe('20241231');
    expect(cal.day(306)).toBe('20250101');
  });

  it('writes KST timestamps as YYYYMMDDHHMISS and refuses an impossible time', () => {
    const cal = kstCalendar(FIXED_NOW);
    expect(cal.at(-3, '123000')).toBe('20240227123000');
    expect(() => cal.at(0, '246000')).toThrow(RangeError);
    expect(() => cal.at(0, '1230')).toThrow(RangeError);
  });
});
