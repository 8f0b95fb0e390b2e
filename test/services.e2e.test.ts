/**
 * The set-up's two paths for real, each a child `vitest run` on a PATH with nothing but Node:
 * - no apt-get (or not root): the run passes, a Redis test file's tests are skipped, and one
 *   line names the service and the command that installs it;
 * - root with apt-get (here a stand-in that records its arguments and installs nothing): it says
 *   what it installs, runs `apt-get update` and one `apt-get install` for every missing package.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A directory holding only `node` (plus `extra` files), for PATH. */
function nodeOnly(extra: Record<string, string> = {}): string {
  const bin = mkdtempSync(join(tmpdir(), 'node-only-'));
  dirs.push(bin);
  symlinkSync(process.execPath, join(bin, basename(process.execPath)));
  for (const [name, script] of Object.entries(extra)) {
    writeFileSync(join(bin, name), script);
    chmodSync(join(bin, name), 0o755);
  }
  return bin;
}

async function vitest(file: string, bin: string): Promise<string[]> {
  const { HOME } = process.env;
  const run = await promisify(execFile)(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', file], {
    cwd: ROOT,
    env: { PATH: bin, NO_COLOR: '1', ...(HOME ? { HOME } : {}) },
    timeout: 60_000,
  });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: terminal colours, should any remain
  return run.stdout.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
}

describe.concurrent('a machine without redis-server', () => {
  it('skips the Redis tests with one line, and the run passes', async () => {
    const lines = await vitest('test/stores/redis/redis-state.e2e.test.ts', nodeOnly());
    expect(lines.filter((l) => l.includes('redis-server'))).toEqual([
      expect.stringMatching(
        /^skipped: the Redis and replica tests, redis-server not found \(install it: (sudo )?apt-get install -y redis-server\)$/,
      ),
    ]);
    expect(lines.join('\n')).not.toMatch(/installing/);
    expect(lines.find((l) => /^\s*Tests\s/.test(l))).toMatch(/^\s*Tests\s+\d+ skipped \(\d+\)$/);
  });

  it.runIf(process.getuid?.() === 0)(
    'as root with apt-get: says what it installs, and installs every missing package at once',
    async () => {
      const log = join(nodeOnly(), 'apt.log');
      const bin = nodeOnly({ 'apt-get': `#!/bin/sh\necho "$DEBIAN_FRONTEND $*" >> '${log}'\n` });
      const lines = await vitest('test/pools.test.ts', bin);
      expect(lines).toContain(
        'test services: installing redis-server chromium prometheus with apt-get (running as root; TEST_SERVICES_INSTALL=0 turns this off)…',
      );
      expect(lines).toContain('test services: installed.');
      const calls = readFileSync(log, 'utf8').trim().split('\n');
      expect(calls).toHaveLength(2);
      expect(calls[0]).toMatch(/^noninteractive .* update -qq$/);
      expect(calls[1]).toMatch(/^noninteractive .* install -y -qq --no-install-recommends redis-server chromium prometheus$/);
      // The stand-in installed nothing, so the services are still reported missing.
      expect(lines.filter((l) => l.startsWith('skipped: '))).toHaveLength(3);
    },
  );
});
