import { describe, expect, it } from 'vitest';
import { KNOWN_RESULT_CODES, resultCodeInfo } from '../../src/coufun/codes.js';

describe('resultCodeInfo', () => {
  it.each(['01', '02', '98', '95'])('%s is the operator’s problem', (code) => {
    expect(resultCodeInfo(code)).toEqual({ code, known: true, audience: 'operator', retryable: false });
  });

  it.each(['03', '04', '05', '08', '09', '10', '16', '17', '18', '26', '30', '31'])('%s is for the user', (code) => {
    expect(resultCodeInfo(code)).toEqual({ code, known: true, audience: 'user', retryable: false });
  });

  it.each(['50', '23'])('%s is transient and worth a retry', (code) => {
    expect(resultCodeInfo(code)).toEqual({ code, known: true, audience: 'transient', retryable: true });
  });

  it('99 is known but nobody in particular can fix it', () => {
    expect(resultCodeInfo('99')).toEqual({ code: '99', known: true, audience: 'unknown', retryable: false });
  });

  it('00 is known success', () => {
    expect(resultCodeInfo('00')).toMatchObject({ known: true, retryable: false });
  });

  it.each(['11', '51', '1', '001', '', 'constructor', '__proto__', 'toString'])('%j is unknown, never a crash', (code) => {
    expect(resultCodeInfo(code)).toEqual({ code, known: false, audience: 'unknown', retryable: false });
  });

  // The table is meant to grow (docs/architecture.md, "Where a change goes": a hint is one row here plus its words), so this
  // pins the codes documented today without turning a new row into a third file to edit.
  it('lists the table: every documented code, ascending, each once', () => {
    expect(KNOWN_RESULT_CODES).toEqual(
      expect.arrayContaining([
        '00',
        '01',
        '02',
        '03',
        '04',
        '05',
        '08',
        '09',
        '10',
        '16',
        '17',
        '18',
        '23',
        '26',
        '30',
        '31',
        '50',
        '95',
        '98',
        '99',
      ]),
    );
    expect(KNOWN_RESULT_CODES).toEqual([...new Set(KNOWN_RESULT_CODES)].sort());
    for (const code of KNOWN_RESULT_CODES) {
      expect(code).toMatch(/^\d{2}$/);
      expect(resultCodeInfo(code).known).toBe(true);
    }
  });
});

describe('one table plus words: every known failure code has words in both languages', () => {
  it('vendor-hints words every code codes.ts knows (and no other)', async () => {
    const { vendorCodeWords } = await import('../../src/display/vendor-hints.js');
    for (const code of KNOWN_RESULT_CODES.filter((c) => c !== '00')) {
      for (const locale of ['ko', 'en'] as const) {
        const words = vendorCodeWords(code, locale);
        expect(words?.meaning, `${code} ${locale}`).toBeTruthy();
        expect(words?.hint, `${code} ${locale}`).toBeTruthy();
      }
    }
    expect(vendorCodeWords('11', 'ko')).toBeNull();
  });
});
