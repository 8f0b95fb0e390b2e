/**
 * `npm run sandbox -- --list` as a child process: it must show the very listing
 * `npm run lookup -- --list` shows (one renderer serves both), then the sandbox's rules.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderSeedList } from '../../src/cli/print.js';
import { SANDBOX_GOODS, SANDBOX_SEEDS } from '../../src/coufun/sandbox/seeds.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function runSandbox(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/sandbox.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run sandbox -- --list', () => {
  it('prints the lookup CLI seed listing, then the rules, and exits 0', async () => {
    const run = await runSandbox(['--list']);

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout.startsWith(renderSeedList(SANDBOX_SEEDS, SANDBOX_GOODS))).toBe(true);
    expect(run.stdout).toContain('Rules: any other barcode answers code 16');
    expect(run.stdout).toContain('a POC_ID other than SANDBOX answers 02');
  });
});
