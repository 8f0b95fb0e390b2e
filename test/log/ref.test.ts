import { describe, expect, it } from 'vitest';
import { newRef } from '../../src/log/ref.js';
import { redact } from '../../src/log/redact.js';

describe('newRef', () => {
  it('is eight hex characters starting with a letter, so redaction never masks it', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i += 1) {
      const ref = newRef();
      expect(ref).toMatch(/^[a-f][0-9a-f]{7}$/);
      expect(redact(`참조 ${ref}`)).toBe(`참조 ${ref}`);
      seen.add(ref);
    }
    // Random, not a counter: 2000 draws from 6·16⁷ values all but never collide.
    expect(seen.size).toBeGreaterThan(1990);
  });
});
