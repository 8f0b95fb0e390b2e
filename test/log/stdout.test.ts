import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deadSafeDestination } from '../../src/log/stdout.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('deadSafeDestination', () => {
  it('keeps the order of lines written while an earlier write is in flight', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dest-')), 'log');
    const fd = openSync(file, 'w');
    const dest = deadSafeDestination(fd);
    const lines = Array.from({ length: 200 }, (_, i) => `{"n":${i}}\n`);
    for (const line of lines) dest.write(line);
    await dest.drain(5_000);
    expect(readFileSync(file, 'utf8')).toBe(lines.join(''));
    closeSync(fd);
  });

  it('writes lines to its descriptor and flushes them on request', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dest-')), 'log');
    const fd = openSync(file, 'w');
    const dest = deadSafeDestination(fd);
    dest.write('{"a":1}\n');
    dest.write('{"b":2}\n');
    await dest.drain(5_000);
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
    expect(dest.dead).toBe(false);
    closeSync(fd);
  });

  it('goes quiet after the first write error instead of throwing or retrying', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dest-')), 'log');
    const fd = openSync(file, 'w');
    const dest = deadSafeDestination(fd);
    dest.write('first\n');
    await sleep(50);
    closeSync(fd); // every later write fails (EBADF), like EPIPE on a pipe whose reader left
    dest.write('second\n');
    for (let i = 0; i < 50 && !dest.dead; i++) await sleep(20);
    expect(dest.dead).toBe(true);
    // Later lines are dropped without a system call, so nothing can throw or spin.
    expect(() => {
      for (let i = 0; i < 1000; i++) dest.write(`line ${i}\n`);
    }).not.toThrow();
    await dest.drain(5_000); // resolves at once: nothing is pending on a dead output
    expect(readFileSync(file, 'utf8')).toBe('first\n');
  });

  it('drops lines past its buffer bound while the reader is slow, never holding them all', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dest-')), 'log');
    const fd = openSync(file, 'w');
    const dest = deadSafeDestination(fd, 1024);
    // Synchronous burst: nothing can be written out in between, so the buffer fills.
    for (let i = 0; i < 1000; i++) dest.write(`${'x'.repeat(60)}\n`);
    await dest.drain(5_000);
    const written = readFileSync(file, 'utf8').length;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(1000 * 61);
    closeSync(fd);
  });
});
