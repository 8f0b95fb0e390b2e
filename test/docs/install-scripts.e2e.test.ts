/**
 * `npm ci` prints no install-script notice (README, "Prerequisites"): every dependency with an
 * install script is answered in package.json's `allowScripts`, as npm itself reports. Skipped
 * with npm versions before 11, which have no such check (and run the scripts).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('install scripts', () => {
  it('npm reports none left unreviewed', async (ctx) => {
    const ls = await promisify(execFile)('npm', ['install-scripts', 'ls'], { cwd: ROOT, timeout: 30_000 }).catch(
      (e: { stdout?: string; stderr?: string }) => e,
    );
    if (/Unknown command/i.test(`${ls.stdout}${ls.stderr}`)) ctx.skip();
    expect(ls.stdout?.trim()).toBe('No packages with unreviewed install scripts.');
  });
});
