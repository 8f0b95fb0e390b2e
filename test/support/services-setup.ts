/**
 * Vitest's global set-up: before any test file, bring up what test/support/services.ts lists and
 * this machine lacks. As root with apt-get (a fresh Debian machine, CI) the packages are
 * installed, saying so; otherwise each missing service gets one line, and its tests skip (or,
 * under CI, fail). `TEST_SERVICES_INSTALL=0` turns installing off.
 */
import { spawnSync } from 'node:child_process';
import { type Facts, locate, missingLines, onPath, packagesFor, SERVICES } from './services.js';

/** apt-get's own waits, so an offline machine or a held lock ends the attempt instead of hanging the run. */
const APT_OPTIONS = ['-o', 'Acquire::http::Timeout=20', '-o', 'Acquire::Retries=1', '-o', 'DPkg::Lock::Timeout=120'];

function apt(args: readonly string[]): { ok: boolean; why: string } {
  const run = spawnSync('apt-get', [...APT_OPTIONS, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 15 * 60_000,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (run.status === 0) return { ok: true, why: '' };
  const last = (run.stderr ?? '').trim().split('\n').at(-1) ?? '';
  return { ok: false, why: run.error ? run.error.message : `exit ${run.status ?? run.signal}${last ? `: ${last}` : ''}` };
}

function install(packages: readonly string[]): void {
  console.log(`test services: installing ${packages.join(' ')} with apt-get (running as root; TEST_SERVICES_INSTALL=0 turns this off)…`);
  const update = apt(['update', '-qq']);
  const done = update.ok ? apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]) : update;
  console.log(done.ok ? 'test services: installed.' : `test services: apt-get failed (${done.why})`);
}

/** Vitest runs a global set-up for the root and again for each project: check once per run. */
const DONE = Symbol.for('coupon-bot.services-checked');

export default function setup(): void {
  const run = globalThis as { [DONE]?: true };
  if (run[DONE]) return;
  run[DONE] = true;
  const ci = Boolean(process.env.CI);
  const root = process.getuid?.() === 0;
  const missing = SERVICES.filter((s) => locate(s) === undefined);
  if (missing.length === 0) return;
  const facts: Facts = {
    missing,
    root,
    ci,
    canInstall: root && onPath('apt-get') !== undefined && process.env.TEST_SERVICES_INSTALL !== '0',
  };
  const packages = packagesFor(facts);
  if (packages.length > 0) install(packages);
  for (const line of missingLines(
    missing.filter((s) => locate(s) === undefined),
    facts,
  ))
    console.log(line);
}
