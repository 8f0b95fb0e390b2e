/** The terminal report's failures: the number is masked on the subject line and wherever the vendor's text echoes it. */
import { describe, expect, it } from 'vitest';
import { renderJson, renderReport } from '../../src/cli/print.js';
import { errOutcome, NOW_MS, vendorError } from '../support/factories.js';

const LETTERED = 'ABCDEFGH12XY';

describe('renderReport: a failure', () => {
  it('masks the number where the vendor echoes it, as the card does (letters in it, so no digit-run mask can catch it)', () => {
    const outcome = errOutcome(vendorError('16', `쿠폰 ${LETTERED} 처리 오류`), { barcode: LETTERED });
    const text = renderReport([outcome], { nowMs: NOW_MS })
      .map((c) => c.text)
      .join('');
    expect(text).not.toContain(LETTERED);
    expect(text).toContain('••••12XY');
  });

  it('--reveal shows it on the subject line', () => {
    const outcome = errOutcome(vendorError('16', '쿠폰번호 오류'), { barcode: LETTERED });
    const text = renderReport([outcome], { nowMs: NOW_MS, reveal: true })
      .map((c) => c.text)
      .join('');
    expect(text).toContain(`${LETTERED} (`);
  });
});

describe('renderJson', () => {
  it('masks the number where the vendor echoes it unless --reveal', () => {
    const outcome = errOutcome(vendorError('16', `쿠폰 ${LETTERED} 처리 오류`), { barcode: LETTERED });
    expect(renderJson([outcome])).not.toContain(LETTERED);
    expect(renderJson([outcome])).toContain('쿠폰 ••••12XY 처리 오류');
    expect(renderJson([outcome], true)).toContain(`쿠폰 ${LETTERED} 처리 오류`);
  });
});
