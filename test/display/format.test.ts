import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDuration, formatKst, formatWon, kstIso } from '../../src/display/format.js';
import { maskBarcode, maskPhone } from '../../src/text/masks.js';
import { kstDate, kstDaysUntil } from '../../src/time/kst.js';

/** 2024-02-29 15:30 UTC = 2024-03-01 00:30 KST: the KST day is already the next UTC day (leap year). */
const UTC_LATE_FEB29 = Date.UTC(2024, 1, 29, 15, 30, 0);

describe('formatWon', () => {
  it('groups thousands, Korean suffix and English prefix', () => {
    expect(formatWon(2500, 'ko')).toBe('2,500원');
    expect(formatWon(2500, 'en')).toBe('₩2,500');
    expect(formatWon(1_234_567, 'ko')).toBe('1,234,567원');
    expect(formatWon(10_000, 'en')).toBe('₩10,000');
    expect(formatWon(999, 'ko')).toBe('999원');
    expect(formatWon(0, 'ko')).toBe('0원');
    expect(formatWon(0, 'en')).toBe('₩0');
  });

  it('drops fractions and keeps the sign of whole amounts', () => {
    expect(formatWon(2500.9, 'ko')).toBe('2,500원');
    expect(formatWon(-1500, 'ko')).toBe('-1,500원');
    expect(formatWon(-1500, 'en')).toBe('-₩1,500');
    // A dropped fraction must not leave a negative zero.
    expect(formatWon(-0.5, 'ko')).toBe('0원');
    expect(formatWon(-0.5, 'en')).toBe('₩0');
  });
});

describe('formatDate', () => {
  it('turns the vendor YYYYMMDD into YYYY-MM-DD and keeps YYYY-MM-DD', () => {
    expect(formatDate('20231231')).toBe('2023-12-31');
    expect(formatDate('2023-12-31')).toBe('2023-12-31');
  });

  it('returns anything else unchanged rather than hiding it', () => {
    expect(formatDate('2023/12/31')).toBe('2023/12/31');
    expect(formatDate('202312')).toBe('202312');
    expect(formatDate('')).toBe('');
  });
});

describe('formatKst / kstIso / kstDate', () => {
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('shows the KST wall time, which crosses UTC midnight into the next day', () => {
    expect(formatKst(UTC_LATE_FEB29)).toBe('2024-03-01 00:30');
    expect(kstIso(UTC_LATE_FEB29)).toBe('2024-03-01T00:30:00+09:00');
    expect(kstDate(UTC_LATE_FEB29)).toBe('2024-03-01');
    // One minute before KST midnight is still the UTC day.
    const beforeMidnight = Date.UTC(2024, 1, 29, 14, 59, 59);
    expect(formatKst(beforeMidnight)).toBe('2024-02-29 23:59');
    expect(kstIso(beforeMidnight)).toBe('2024-02-29T23:59:59+09:00');
    expect(kstDate(beforeMidnight)).toBe('2024-02-29');
  });

  it('accepts a Date as well as epoch ms, and rolls over the year', () => {
    const newYear = new Date('2023-12-31T15:00:00Z');
    expect(formatKst(newYear)).toBe('2024-01-01 00:00');
    expect(kstIso(newYear)).toBe('2024-01-01T00:00:00+09:00');
    expect(formatKst(new Date('2023-09-15T03:30:00Z'))).toBe('2023-09-15 12:30');
  });

  it('does not depend on the machine time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatKst(UTC_LATE_FEB29)).toBe('2024-03-01 00:30');
    expect(kstIso(UTC_LATE_FEB29)).toBe('2024-03-01T00:30:00+09:00');
    process.env.TZ = 'Pacific/Kiritimati';
    expect(formatKst(UTC_LATE_FEB29)).toBe('2024-03-01 00:30');
  });

  it('throws RangeError for an invalid instant', () => {
    expect(() => formatKst(Number.NaN)).toThrow(RangeError);
    expect(() => kstIso(new Date('not a date'))).toThrow(RangeError);
    expect(() => formatKst(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('kstDaysUntil', () => {
  it('counts KST calendar days, not UTC days', () => {
    // At 2024-03-01 00:30 KST (still Feb 29 in UTC) March 1st is today, Feb 29 is yesterday.
    expect(kstDaysUntil('2024-03-01', UTC_LATE_FEB29)).toBe(0);
    expect(kstDaysUntil('2024-02-29', UTC_LATE_FEB29)).toBe(-1);
    expect(kstDaysUntil('2024-03-02', UTC_LATE_FEB29)).toBe(1);
    // One second before KST midnight, March 1st is still tomorrow.
    expect(kstDaysUntil('2024-03-01', Date.UTC(2024, 1, 29, 14, 59, 59))).toBe(1);
  });

  it('spans months, leap days and years', () => {
    expect(kstDaysUntil('2024-03-31', UTC_LATE_FEB29)).toBe(30);
    expect(kstDaysUntil('2025-03-01', UTC_LATE_FEB29)).toBe(365);
    expect(kstDaysUntil('2023-03-01', UTC_LATE_FEB29)).toBe(-366);
    expect(kstDaysUntil('2024-01-01', Date.UTC(2023, 11, 31, 14, 0, 0))).toBe(1);
  });

  it('is null for a date that is not YYYY-MM-DD', () => {
    expect(kstDaysUntil('20240301', UTC_LATE_FEB29)).toBeNull();
    expect(kstDaysUntil('soon', UTC_LATE_FEB29)).toBeNull();
    expect(kstDaysUntil('', UTC_LATE_FEB29)).toBeNull();
  });
});

describe('maskPhone', () => {
  // The digits that must never appear in a masked number.
  const MIDDLE = '1234';

  it('masks an 11-digit mobile number with or without separators', () => {
    expect(maskPhone('010-1234-5678')).toBe('010-****-5678');
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone(' 010 1234 5678 ')).toBe('010-****-5678');
    expect(maskPhone('010.1234.5678')).toBe('010-****-5678');
  });

  it('masks an old 10-digit number with a 3-digit middle', () => {
    expect(maskPhone('0111234567')).toBe('011-***-4567');
    expect(maskPhone('011-123-4567')).toBe('011-***-4567');
  });

  it('keeps only the last 4 digits of +82 forms and never shows the middle', () => {
    for (const raw of ['+82 10-1234-5678', '+82-10-1234-5678', '+821012345678', '+82 (0)10 1234 5678']) {
      const masked = maskPhone(raw);
      expect(masked, raw).toBe('***-5678');
      expect(masked, raw).not.toContain(MIDDLE);
    }
    expect(maskPhone('+82 11 123 4567')).toBe('***-4567');
  });

  it('masks garbage whole or to its last 4 digits, and empty input to empty', () => {
    expect(maskPhone('abc')).toBe('***');
    expect(maskPhone('1234')).toBe('***');
    expect(maskPhone('unknown-12')).toBe('***');
    expect(maskPhone('02-1234-5678')).toBe('***-5678');
    expect(maskPhone('')).toBe('');
    expect(maskPhone('   ')).toBe('');
  });

  it('never returns a value containing the full number or its middle block', () => {
    const inputs = ['010-1234-5678', '01012345678', '+82 10 1234 5678', '0111234567', '010 1234 5678 ext 9', 'tel:01012345678'];
    for (const raw of inputs) {
      const masked = maskPhone(raw);
      expect(masked, raw).not.toContain(MIDDLE);
      expect(masked.replace(/\D/g, '').length, raw).toBeLessThanOrEqual(7);
    }
  });
});

describe('maskBarcode', () => {
  it('shows only the last 4 characters of a barcode of 8 or more', () => {
    expect(maskBarcode('ABC1234567890')).toBe('••••7890');
    expect(maskBarcode('12345678')).toBe('••••5678');
    expect(maskBarcode('  012345678902  ')).toBe('••••8902');
  });

  it('masks a short value whole and never reveals the length', () => {
    expect(maskBarcode('1234567')).toBe('••••');
    expect(maskBarcode('AB')).toBe('••••');
    expect(maskBarcode('')).toBe('••••');
    expect(maskBarcode('0123456789012345678901234567890').length).toBe(maskBarcode('12345678').length);
  });
});

describe('formatDuration', () => {
  it('shows milliseconds under a second', () => {
    expect(formatDuration(0, 'ko')).toBe('0ms');
    expect(formatDuration(42, 'en')).toBe('42ms');
    expect(formatDuration(849.6, 'ko')).toBe('850ms');
  });

  it('shows seconds with one decimal from a second up, per locale', () => {
    expect(formatDuration(1000, 'ko')).toBe('1초');
    expect(formatDuration(1234, 'ko')).toBe('1.2초');
    expect(formatDuration(1250, 'en')).toBe('1.3 s');
    expect(formatDuration(5000, 'en')).toBe('5 s');
    expect(formatDuration(60_000, 'ko')).toBe('60초');
  });

  it('never shows 1000ms: a value that rounds to a second reads as seconds', () => {
    expect(formatDuration(999.6, 'ko')).toBe('1초');
    expect(formatDuration(999.6, 'en')).toBe('1 s');
    expect(formatDuration(999.4, 'en')).toBe('999ms');
  });
});
