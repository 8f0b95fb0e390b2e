/**
 * The README's terminal steps work when copied and pasted (issue 10): every `npm run lookup -- …`
 * line in its shell blocks runs in-process (`run`, the function `npm run lookup` calls) against
 * the built-in sandbox and exits 0, and the sample output matches what the first one prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo } from './io.js';

const README = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** The lines of fenced `sh` blocks. */
function shellLines(markdown: string): string[] {
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => m[1]!.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()));
}

/** Shell words of a simple command line: spaces split, double quotes group. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

const LOOKUPS = shellLines(README)
  .filter((l) => l.startsWith('npm run lookup -- ') && !l.includes('--file'))
  .map((l) => words(l.slice('npm run lookup -- '.length)));

describe('README: npm run lookup examples', () => {
  it('has examples, with hyphens, spaces, a catalog name and full-width digits among them', () => {
    const text = LOOKUPS.map((w) => w.join(' ')).join('\n');
    expect(LOOKUPS.length).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/\d{4}-\d{4}-\d{4}/);
    expect(text).toMatch(/\d{4} \d{4} \d{4}/);
    expect(text).toContain('배민 상품권 1만원');
    expect(text).toMatch(/[０-９]/);
  });

  it.each(LOOKUPS.map((w) => [w.join(' '), w] as const))('npm run lookup -- %s → exit 0, one card', async (_line, argv) => {
    const io = captureIo();
    expect(await run(argv, {}, io)).toBe(0);
    expect(io.err()).toBe('');
    expect(io.out().match(/^ {2}상태 /gm)).toHaveLength(1);
  });

  it('the sample output is what the first example prints (dates aside)', async () => {
    const io = captureIo();
    await run(LOOKUPS[0]!, {}, io);
    const sample = /```\n(※ 샌드박스[\s\S]*?)```/.exec(README)?.[1];
    expect(sample).toBeDefined();
    const printed = io.out().split('\n');
    for (const line of sample!.split('\n').filter((l) => l.trim() !== '' && l.trim() !== '…')) {
      const pattern = line
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\d{4}-\d{2}-\d{2}/g, '\\d{4}-\\d{2}-\\d{2}')
        .replace(/\\\(\d+일 남음\\\)/g, '\\(\\d+일 남음\\)');
      expect(
        printed.some((p) => new RegExp(`^${pattern}$`).test(p)),
        line,
      ).toBe(true);
    }
  });
});
