import { describe, expect, it } from 'vitest';
import { isChannelAllowed, parseAllowlist } from '../src/config/allowlist.js';

describe('parseAllowlist', () => {
  it('unset → no channel allowed, no problem', () => {
    const { allowlist, problems } = parseAllowlist(undefined);
    expect(allowlist).toEqual({ all: false, ids: new Set() });
    expect(problems).toEqual([]);
    expect(isChannelAllowed(allowlist, 'C0123ABCD')).toBe(false);
  });

  it('"*" alone (spaces allowed) → every channel', () => {
    for (const raw of ['*', ' * ', '*,', ', *']) {
      const { allowlist, problems } = parseAllowlist(raw);
      expect(allowlist, raw).toEqual({ all: true });
      expect(problems).toEqual([]);
    }
  });

  it('comma-separated IDs, trimmed, empty items skipped, duplicates collapsed', () => {
    const { allowlist, problems } = parseAllowlist(' C0123ABCD , G0ABCDEFG,,D0ZZZ99, C0123ABCD ');
    expect(problems).toEqual([]);
    expect(allowlist.all).toBe(false);
    if (allowlist.all) return;
    expect([...allowlist.ids]).toEqual(['C0123ABCD', 'G0ABCDEFG', 'D0ZZZ99']);
  });

  it.each([
    ['lower case', 'c0123abcd'],
    ['user ID', 'U0123ABCD'],
    ['channel name', '#general'],
    ['too short', 'C1'],
    ['a URL', 'https://x.slack.com/archives/C0123ABCD'],
  ])('reports a bad ID (%s) and keeps the good ones', (_name, bad) => {
    const { allowlist, problems } = parseAllowlist(`C0123ABCD,${bad}`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`"${bad}"`);
    expect(allowlist).toEqual({ all: false, ids: new Set(['C0123ABCD']) });
  });

  it('"*" mixed with IDs is a problem, not a wildcard', () => {
    const { allowlist, problems } = parseAllowlist('*,C0123ABCD');
    expect(allowlist.all).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"*"');
  });

  it('lists every bad ID at once', () => {
    expect(parseAllowlist('x,y,C0123ABCD,z').problems).toHaveLength(3);
  });
});

describe('isChannelAllowed', () => {
  const some = parseAllowlist('C0123ABCD,G0ABCDEFG').allowlist;
  it('allows listed channels only', () => {
    expect(isChannelAllowed(some, 'C0123ABCD')).toBe(true);
    expect(isChannelAllowed(some, 'G0ABCDEFG')).toBe(true);
    expect(isChannelAllowed(some, 'C9999ZZZZ')).toBe(false);
    expect(isChannelAllowed(some, undefined)).toBe(false);
  });

  it('"*" allows any channel, even an unknown one', () => {
    const all = parseAllowlist('*').allowlist;
    expect(isChannelAllowed(all, 'C9999ZZZZ')).toBe(true);
    expect(isChannelAllowed(all, undefined)).toBe(true);
  });
});

/** A clock the test moves by hand. */
