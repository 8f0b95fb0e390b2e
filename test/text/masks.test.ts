import { describe, expect, it } from 'vitest';
import { redact } from '../../src/log/redact.js';
import { MIN_LENGTH_TO_HINT, maskBarcode, maskNumbersInText, maskPhone, maskPhonesInText, maskTextAbout } from '../../src/text/masks.js';

describe('privacy: one set of masks for logs and display', () => {
  it('masks a barcode to its last four, a short one whole', () => {
    expect(maskBarcode('012345678901')).toBe('••••8901');
    expect(maskBarcode('1'.repeat(MIN_LENGTH_TO_HINT - 1))).toBe('••••');
    expect(maskBarcode('1234567A')).toBe('••••567A');
  });

  it('masks a receiver phone in display shape', () => {
    expect(maskPhone('01012345678')).toBe('010-****-5678');
    expect(maskPhone('0111234567')).toBe('011-***-4567');
  });

  it.each(['010-5555-6666', '010.5555.6666', '010 5555 6666', '01055556666', '+82 10-5555-6666', '(02) 555-6666'])(
    'masks the phone %s in free text, any grouping',
    (phone) => {
      const out = maskPhonesInText(`고객 ${phone} 확인.`);
      expect(out).toBe('고객 ••••6666 확인.');
    },
  );

  it('leaves IP addresses, amounts and short codes alone', () => {
    const text = 'proxy 10.1.20.30:3128 · 잔액 10000원 · 코드 16';
    expect(maskNumbersInText(text)).toBe(text);
  });

  it('masks a known barcode wherever it appears, even a hyphenated code', () => {
    expect(maskTextAbout('CF-ABCD-1234 오류', 'CF-ABCD-1234')).toBe('••••1234 오류');
  });

  it('logs and display agree on a dotted phone', () => {
    expect(redact('call 010.5555.6666')).toBe(maskNumbersInText('call 010.5555.6666'));
    expect(redact('call 010.5555.6666')).not.toContain('5555');
  });
});
