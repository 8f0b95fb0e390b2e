/**
 * The README says to stop `npm run sandbox` as any server is stopped: a SIGTERM to the process
 * you started, which is npm. npm forwards the signal to its child; when the script was
 * `tsx src/cli/sandbox.ts` that child was `sh -c`, which died and left the sandbox running,
 * orphaned, on its port. The script now `exec`s tsx (as `start` and `workbench` exec node), so the
 * signal reaches the sandbox and npm exits only after it has closed.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm scripts and signals', () => {
  it('every long-running script execs its program, so npm hands a SIGTERM to it', () => {
    const { scripts } = JSON.parse(readFileSync(`${REPO}/package.json`, 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['start', 'lookup', 'sandbox', 'workbench']) {
      const last = scripts[name]!.split('&&').pop()!.trim();
      expect(last, name).toMatch(/^exec /);
    }
  });

  it('SIGTERM to npm under `npm run sandbox` stops the sandbox and frees its port', async () => {
    // Its own process group, so whatever happens nothing it started outlives the test.
    const npm = spawn('npm', ['run', '-s', 'sandbox'], {
      cwd: REPO,
      env: { ...process.env, SANDBOX_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '';
    npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    npm.stderr.resume();
    const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const onData = (): void => {
          const m = /listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (m) {
            npm.stdout.off('data', onData);
            resolve(Number(m[1]));
          }
        };
        npm.stdout.on('data', onData);
        npm.once('exit', (code) => reject(new Error(`npm run sandbox exited (${code}) before listening:\n${out}`)));
      });
      expect(await accepts(port)).toBe(true);
      process.kill(npm.pid!, 'SIGTERM');
      await exited;
      expect(await accepts(port), 'the sandbox still listens after npm exited').toBe(false);
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  });
});
