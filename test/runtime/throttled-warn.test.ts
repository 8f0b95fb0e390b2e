import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { ThrottledWarn } from '../../src/runtime/throttled-warn.js';

describe('ThrottledWarn', () => {
  it('logs the first at once, then one summary per interval with what it held back', () => {
    let now = 0;
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ clock: () => now, sink: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
    const warn = new ThrottledWarn(logger, 'request_refused', () => now, 60_000);
    warn.note('missing');
    for (let i = 0; i < 500; i++) warn.note(i % 2 ? 'mismatch' : 'missing');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'request_refused', reason: 'missing' });
    now = 60_000;
    warn.note('future');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ reason: 'future', suppressed: { missing: 250, mismatch: 250 } });
    now = 70_000;
    warn.note('future');
    expect(lines).toHaveLength(2);
  });
});
