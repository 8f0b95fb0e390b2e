import { describe, expect, it } from 'vitest';
import { measureLongInput, renderLongInput } from './long-input.js';

describe('long-input bench row', () => {
  it('times both parsers on every shape and names the worst case', () => {
    const rows = measureLongInput(2_000, 2);
    expect(rows.map((r) => r.parser)).toEqual(expect.arrayContaining(['command', 'shortcut']));
    expect(rows.length).toBe(14);
    for (const r of rows) {
      expect(r.chars).toBe(2_000);
      expect(Number.isFinite(r.maxMs) && r.maxMs >= r.p50Ms).toBe(true);
    }
    const text = renderLongInput(rows);
    expect(text).toMatch(/one request's parse time at 2,000 characters/);
    expect(text).toMatch(/^worst case: \d+\.\d\d ms wall \((command|shortcut), .+\); \d+\.\d\d ms CPU/m);
  });
});
