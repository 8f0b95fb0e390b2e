import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { WorkTracker } from '../../src/runtime/work.js';

function setup() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({ clock: () => 0, sink: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
  return { tracker: new WorkTracker(logger), lines };
}

/** A promise the test settles by hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe('WorkTracker', () => {
  it('drain with nothing in flight is immediately true', async () => {
    const { tracker } = setup();
    expect(tracker.size).toBe(0);
    await expect(tracker.drain(0)).resolves.toBe(true);
  });

  it('run starts the task in the background and counts it until it ends', async () => {
    const { tracker } = setup();
    const d = deferred();
    let started = false;
    tracker.run({}, async () => {
      started = true;
      await d.promise;
    });
    expect(tracker.size).toBe(1);
    await tick();
    expect(started).toBe(true);
    d.resolve();
    await tick();
    expect(tracker.size).toBe(0);
  });

  it('drain waits for in-flight work, including work added while draining', async () => {
    const { tracker } = setup();
    const first = deferred();
    const second = deferred();
    const done: string[] = [];
    tracker.run({}, async () => {
      await first.promise;
      done.push('first');
      // A follow-up started by the first task, after drain began.
      tracker.run({}, async () => {
        await second.promise;
        done.push('second');
      });
    });
    let drained: boolean | undefined;
    const draining = tracker.drain(60_000).then((v) => (drained = v));
    await tick();
    expect(drained).toBeUndefined();
    first.resolve();
    await tick();
    expect(done).toEqual(['first']);
    expect(drained).toBeUndefined();
    second.resolve();
    await draining;
    expect(drained).toBe(true);
    expect(done).toEqual(['first', 'second']);
    expect(tracker.size).toBe(0);
  });

  it('drain gives up after the timeout: false, and the work is still counted', async () => {
    const { tracker } = setup();
    const never = deferred();
    tracker.run({}, () => never.promise);
    await expect(tracker.drain(5)).resolves.toBe(false);
    expect(tracker.size).toBe(1);
    never.resolve();
    await tick();
    expect(tracker.size).toBe(0);
  });

  it('a failing task is logged with its context, never thrown, and does not stop drain', async () => {
    const { tracker, lines } = setup();
    tracker.run({ entry: 'command', channel: 'C0123ABCD' }, async () => {
      throw Object.assign(new Error('boom with xoxb-1-2-secret'), { code: 'E_BOOM' });
    });
    tracker.run({ entry: 'sync' }, () => {
      throw new Error('thrown before any await');
    });
    await expect(tracker.drain(60_000)).resolves.toBe(true);
    expect(lines).toHaveLength(2);
    const byEntry = (entry: string) => lines.find((l) => l.entry === entry);
    expect(byEntry('command')).toMatchObject({
      level: 'error',
      msg: 'background_task_failed',
      entry: 'command',
      channel: 'C0123ABCD',
      error: 'Error: boom with xoxb-[redacted]',
      errorCode: 'E_BOOM',
    });
    expect(byEntry('sync')).toMatchObject({ msg: 'background_task_failed', entry: 'sync', error: 'Error: thrown before any await' });
  });

  it('a successful task logs nothing', async () => {
    const { tracker, lines } = setup();
    tracker.run({ entry: 'x' }, async () => undefined);
    await tracker.drain(60_000);
    expect(lines).toEqual([]);
  });

  it('a failed task tells the person, with the reference it was logged under', async () => {
    const { tracker, lines } = setup();
    const told: string[] = [];
    tracker.run(
      { entry: 'command' },
      async () => {
        throw new RangeError('a card that cannot be built');
      },
      async (ref) => told.push(ref),
    );
    await tracker.drain(1000);
    const failed = lines.find((l) => l.msg === 'background_task_failed');
    expect(failed).toMatchObject({ entry: 'command', ref: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(told).toEqual([failed?.ref]);
  });

  it('a failing notice is logged too, never thrown', async () => {
    const { tracker, lines } = setup();
    tracker.run(
      { entry: 'shortcut' },
      async () => {
        throw new Error('boom');
      },
      async () => {
        throw new Error('response_url expired');
      },
    );
    await expect(tracker.drain(1000)).resolves.toBe(true);
    expect(lines.map((l) => l.msg)).toEqual(['background_task_failed', 'failure_notice_failed']);
  });
});
