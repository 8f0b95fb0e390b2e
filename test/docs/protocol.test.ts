/**
 * docs/protocol.md's result-code table is the code's table: every code src/coufun/codes.ts knows
 * and no other, each with its audience and whether it is retried, and the meaning the card
 * shows in English (src/display/vendor-hints.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_RESULT_CODES, resultCodeInfo } from '../../src/coufun/codes.js';
import type { ResultAudience } from '../../src/coufun/types.js';
import { vendorCodeWords } from '../../src/display/vendor-hints.js';

const DOC = readFileSync(new URL('../../docs/protocol.md', import.meta.url), 'utf8');
const section = DOC.slice(DOC.indexOf('## Result codes'), DOC.indexOf('\n## ', DOC.indexOf('## Result codes') + 1));
const rows = [...section.matchAll(/^\| `(\d\d)` \| ([^|]+) \| ([^|]+) \| ([^|]+) \|$/gm)].map((m) => ({
  code: m[1]!,
  meaning: m[2]!.trim(),
  who: m[3]!.trim(),
  retried: m[4]!.trim(),
}));

const AUDIENCE: Readonly<Record<string, ResultAudience>> = {
  operator: 'operator',
  'the person asking': 'user',
  transient: 'transient',
  unknown: 'unknown',
};

describe('docs/protocol.md: result codes', () => {
  it('lists every code the bot knows, once, ascending', () => {
    expect(rows.map((r) => r.code)).toEqual([...KNOWN_RESULT_CODES]);
  });

  it.each(rows.map((r) => [r.code, r] as const))('%s: who can act and whether it is retried, as in codes.ts', (code, row) => {
    const info = resultCodeInfo(code);
    expect(AUDIENCE[row.who], row.who).toBe(info.audience);
    expect(row.retried).toBe(info.retryable ? 'once, after a pause' : 'no');
  });

  it.each(rows.filter((r) => r.code !== '00').map((r) => [r.code, r.meaning] as const))(
    '%s reads "%s", as the card says',
    (code, meaning) => {
      expect(vendorCodeWords(code, 'en')?.meaning).toBe(meaning);
    },
  );

  it('names the operator codes in its prose as the table does', () => {
    const operator = rows.filter((r) => r.who === 'operator').map((r) => `\`${r.code}\``);
    expect(section).toContain(`Codes ${operator.slice(0, -1).join(', ')} and ${operator.at(-1)} are for the bot's operator`);
  });
});
