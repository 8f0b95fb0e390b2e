/**
 * What the run's set-up decides about the system services some tests need
 * (test/support/services.ts): where each is found, what it installs, and the one line each
 * missing service gets: skipped on a developer's machine, failing under CI, a note if optional.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Facts,
  installCommand,
  locate,
  missingLines,
  packagesFor,
  SERVICES,
  type Service,
  service,
  skips,
} from './support/services.js';

const dir = mkdtempSync(join(tmpdir(), 'services-'));
const fake = join(dir, 'redis-server');
writeFileSync(fake, '#!/bin/sh\n');
chmodSync(fake, 0o755);
writeFileSync(join(dir, 'promtool'), 'not executable');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byName = (name: string): Service => SERVICES.find((s) => s.name === name)!;
const redis = byName('redis-server');
const chromium = byName('chromium');
const promtool = byName('promtool');
const nanum = byName('fonts-nanum');

describe('the service list', () => {
  it('names the packages a fresh Debian machine needs, each a command or a file', () => {
    expect(SERVICES.flatMap((s) => s.packages)).toEqual([
      'redis-server',
      'chromium',
      'prometheus',
      'fonts-nanum',
      'fonts-noto-color-emoji',
    ]);
    expect(new Set(SERVICES.map((s) => s.name)).size).toBe(SERVICES.length);
    for (const s of SERVICES) expect(s.neededBy.length, s.name).toBeGreaterThan(5);
  });
});

describe('locate', () => {
  it('finds a command on PATH only when it is executable', () => {
    expect(locate(redis, { PATH: `/nonexistent:${dir}` })).toBe(fake);
    expect(locate(promtool, { PATH: dir })).toBeUndefined();
    expect(locate(redis, { PATH: '' })).toBeUndefined();
  });

  it('takes the override variable first, and only if it points at a program', () => {
    expect(locate(redis, { PATH: '', REDIS_SERVER: fake })).toBe(fake);
    expect(locate(redis, { PATH: dir, REDIS_SERVER: join(dir, 'missing') })).toBeUndefined();
  });

  it('checks a file for the fonts', () => {
    expect(locate({ ...nanum, find: { file: dir } })).toBe(dir);
    expect(locate({ ...nanum, find: { file: join(dir, 'none') } })).toBeUndefined();
  });
});

describe('the decision', () => {
  const facts = (over: Partial<Facts>): Facts => ({
    missing: [redis, chromium, promtool],
    canInstall: true,
    root: true,
    ci: false,
    ...over,
  });

  it('installs every missing package once, in list order, only where it can', () => {
    expect(packagesFor(facts({}))).toEqual(['redis-server', 'chromium', 'prometheus']);
    expect(packagesFor(facts({ missing: [redis, redis] }))).toEqual(['redis-server']);
    expect(packagesFor(facts({ canInstall: false }))).toEqual([]);
  });

  it('a missing service skips its tests with one line naming it and the command that installs it', () => {
    expect(missingLines([redis], { root: false, ci: false })).toEqual([
      'skipped: the Redis and replica tests, redis-server not found (install it: sudo apt-get install -y redis-server)',
    ]);
    expect(installCommand(promtool, true)).toBe('apt-get install -y prometheus');
    expect(skips(redis, false, false)).toBe(true);
    expect(skips(redis, true, false)).toBe(false);
  });

  it('under CI nothing is skipped: the line says the tests will fail', () => {
    expect(missingLines([chromium], { root: true, ci: true })).toEqual([
      'CI: chromium is missing, so the workbench browser tests will fail (apt-get install -y chromium)',
    ]);
    expect(skips(chromium, false, true)).toBe(false);
  });

  it('an optional one (fonts) is a note and skips nothing', () => {
    expect(missingLines([nanum], { root: true, ci: false })[0]).toMatch(/^note: fonts-nanum not found, for readable Korean/);
    expect(skips(nanum, false, false)).toBe(false);
  });

  it('service() answers a test file: the path found, or the bare command and whether to skip', () => {
    expect(service('redis-server', { PATH: dir })).toEqual({ path: fake, skip: false });
    expect(service('redis-server', { PATH: '' })).toEqual({ path: 'redis-server', skip: true });
    expect(service('redis-server', { PATH: '', CI: 'true' })).toEqual({ path: 'redis-server', skip: false });
  });
});
