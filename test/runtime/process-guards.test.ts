import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { installProcessGuards, isBrokenOutput, watchParent, type GuardTarget } from '../../src/runtime/process-guards.js';

function fakeProcess(): GuardTarget & EventEmitter & { stdout: EventEmitter; stderr: EventEmitter } {
  return Object.assign(new EventEmitter(), { stdout: new EventEmitter(), stderr: new EventEmitter() });
}

function capture() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ clock: () => 0, sink: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
  return { logger, lines };
}

const epipe = () => Object.assign(new Error('write EPIPE'), { code: 'EPIPE', syscall: 'write' });

describe('installProcessGuards', () => {
  it('logs an uncaught exception at error with its redacted stack, and an unhandled rejection', () => {
    const target = fakeProcess();
    const { logger, lines } = capture();
    installProcessGuards(logger, target);
    target.emit('uncaughtException', new TypeError('bad barcode 012345678901'));
    target.emit('unhandledRejection', new Error('later'));
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      ['error', 'uncaught_exception'],
      ['error', 'unhandled_rejection'],
    ]);
    expect(lines[0]!.error).toBe('TypeError: bad barcode ••••8901');
    expect(String(lines[0]!.stack)).toContain('process-guards.test.ts');
    expect(JSON.stringify(lines)).not.toContain('012345678901');
  });

  it('ignores broken-pipe errors: a closed stdout is not reported through stdout', () => {
    const target = fakeProcess();
    const { logger, lines } = capture();
    installProcessGuards(logger, target);
    for (let i = 0; i < 100; i++) target.emit('uncaughtException', epipe());
    expect(lines).toEqual([]);
    // Errors emitted by the streams themselves have a listener, so they do not become uncaught.
    expect(() => target.stdout.emit('error', epipe())).not.toThrow();
    expect(() => target.stderr.emit('error', epipe())).not.toThrow();
  });

  it('never recurses: an error raised while reporting an error is dropped', () => {
    const target = fakeProcess();
    let calls = 0;
    const { logger: base } = capture();
    const logger = {
      ...base,
      event: () => {
        calls += 1;
        // The log write itself fails and that failure reaches the handler again.
        target.emit('uncaughtException', new Error('while logging'));
        throw new Error('log write failed');
      },
    };
    installProcessGuards(logger, target);
    expect(() => target.emit('uncaughtException', new Error('first'))).not.toThrow();
    expect(calls).toBe(1);
    // And the guard is released afterwards: the next bug is reported again.
    target.emit('uncaughtException', new Error('second'));
    expect(calls).toBe(2);
  });
});

describe('isBrokenOutput', () => {
  it.each([['EPIPE'], ['ERR_STREAM_DESTROYED'], ['EBADF']])('%s is a broken output', (code) => {
    expect(isBrokenOutput(Object.assign(new Error('x'), { code }))).toBe(true);
  });
  it('a bug is not', () => {
    expect(isBrokenOutput(new TypeError('x'))).toBe(false);
    expect(isBrokenOutput(null)).toBe(false);
    expect(isBrokenOutput('EPIPE')).toBe(false);
  });
});

describe('watchParent', () => {
  it('calls back once when the parent process changes, and not before', async () => {
    let ppid = 100;
    let gone = 0;
    const watch = watchParent(() => (gone += 1), { intervalMs: 5, ppid: () => ppid });
    await new Promise((r) => setTimeout(r, 30));
    expect(gone).toBe(0);
    ppid = 1;
    for (let i = 0; i < 100 && gone === 0; i++) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 30));
    expect(gone).toBe(1);
    watch.stop();
  });
});
