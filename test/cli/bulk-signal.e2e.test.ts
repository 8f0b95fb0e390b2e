/**
 * A bulk run stopped half way by SIGTERM (as a terminal's Ctrl-C reaches it, several times within
 * milliseconds) and resumed: the stopped run writes what it has and exits 130, the resumed one
 * asks Coufun only for what is missing, and every row is answered exactly once. The vendor is a
 * sandbox on loopback counting requests per number; the CLI is the real program in a child process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { run } from '../../src/cli/run.js';
import { captureIo } from './io.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ITEMS = 400;
const CONCURRENCY = 4;
let vendor: SandboxHandle;
let dir: string;
beforeAll(async () => {
  vendor = await startSandbox({ host: '127.0.0.1', port: 0, delayMs: 5 });
  dir = mkdtempSync(join(tmpdir(), 'bulk-signal-'));
});
afterAll(() => vendor.close());

/** The vendor's test server, played by the sandbox above (read once it listens). */
const vendorEnv = () => ({ COUFUN_ENV: 'test', COUFUN_POC_ID: 'SANDBOX', COUFUN_URL: vendor.url, COUFUN_CACHE_TTL_MS: '0' });

it('SIGTERM half way (to the process group, and again by npm): results so far written, exit 130; --resume finishes, every row answered once', async () => {
  const file = join(dir, 'list.csv');
  const barcodes = Array.from({ length: ITEMS }, (_, i) => `SIM${String(i).padStart(8, '0')}`);
  writeFileSync(file, `쿠폰번호\n${barcodes.join('\n')}\n`);
  const argv = ['--file', file, '--goods', '0000999999', '--rate', '200', '--concurrency', String(CONCURRENCY)];
  const childEnv = { ...process.env, ...vendorEnv() };
  // `npm run lookup` in a process group of its own, signalled as a terminal does: the whole group
  // gets SIGTERM, and npm forwards it to the program once more.
  const child = spawn('npm', ['run', '-s', 'lookup', '--', ...argv], {
    cwd: ROOT,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  child.stdout.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const journal = join(dir, 'list.result.csv.journal');
  const lines = (): number => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').length - 2 : 0);
  try {
    for (let i = 0; i < 400 && lines() < ITEMS / 2; i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(lines()).toBeGreaterThanOrEqual(ITEMS / 2);
    process.kill(-child.pid!, 'SIGTERM');
    expect(await exited).toBe(130);
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  expect(err).toMatch(/이어서 조회하려면: npm run lookup -- .* --resume/);
  const stopped = parse(readFileSync(join(dir, 'list.result.csv')).subarray(3).toString('utf8')) as string[][];
  const answeredFirst = stopped.slice(1).filter((r) => r[15] === '00').length;
  expect(answeredFirst).toBeGreaterThanOrEqual(ITEMS / 2);
  expect(answeredFirst).toBeLessThan(ITEMS);
  expect(stopped.slice(1).filter((r) => r[15] === 'NOT_CHECKED')).toHaveLength(ITEMS - answeredFirst);

  const io = captureIo();
  const code = await run([...argv, '--resume'], vendorEnv(), io);
  expect(io.err()).toMatch(/진행 \d+\/400/);
  expect(code).toBe(0);
  const table = parse(readFileSync(join(dir, 'list.result.csv')).subarray(3).toString('utf8')) as string[][];
  expect(table.slice(1).map((r) => r[3])).toEqual(barcodes);
  expect(table.slice(1).every((r) => r[15] === '00')).toBe(true);
  const perNumber = barcodes.map((b) => vendor.requestCount(b));
  expect(Math.min(...perNumber)).toBe(1);
  // Only the lookups in flight at the stop may have been asked twice.
  expect(vendor.requestCount()).toBeLessThanOrEqual(ITEMS + CONCURRENCY);
  expect(existsSync(journal)).toBe(false);
});
