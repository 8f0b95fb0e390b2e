/** normaliseTyped: what people type or paste, read the same way by the command, the catalog and the extractor. */
import { describe, expect, it } from 'vitest';
import { normaliseTyped } from '../../src/text/typed.js';

describe('normaliseTyped', () => {
  it('full-width digits and letters (a Korean IME) become ASCII', () => {
    expect(normaliseTyped('０１２３ＡＢｃ')).toBe('0123ABc');
  });

  it('dash look-alikes become "-", no-break spaces become spaces', () => {
    expect(normaliseTyped('0123\u20134567\u22128901\uff0d1\u00a02')).toBe('0123-4567-8901-1 2');
  });

  it('composes Hangul typed as separate jamo (NFC), so names compare equal', () => {
    const decomposed = '스타벅스'.normalize('NFD');
    expect(decomposed).not.toBe('스타벅스');
    expect(normaliseTyped(decomposed)).toBe('스타벅스');
  });
});
