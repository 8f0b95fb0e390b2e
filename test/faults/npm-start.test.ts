/**
 * `npm start` exactly as the README says, on the real process tree (npm → the compiled bot):
 * SIGTERM to npm drains and stops the bot instead of leaving it running as an orphan, and if
 * npm dies outright (SIGKILL, nothing forwarded) the bot notices and stops by itself.
 * The two run one after the other: the first `prestart` compiles, the second finds it done.
 */
import { describe, expect, it } from 'vitest';
import { allText } from '../support/bot-harness.js';
import { FakeSlack } from '../support/fake-slack.js';
import { isBotProcess, spawnBot, type ChildBot } from './child.js';

const GOODS = '0000133518';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** `prestart` compiles the TypeScript first: slow on a busy machine, so a generous bound. */
const START_TIMEOUT_MS = 120_000;

async function untilGone(pid: number, boundMs: number): Promise<boolean> {
  for (let waited = 0; waited < boundMs; waited += 100) {
    if (!isBotProcess(pid)) return true;
    await sleep(100);
  }
  return !isBotProcess(pid);
}

/** A log line that may arrive after npm (the spawned process) exited: poll, bounded. */
async function untilLog(bot: ChildBot, msg: string, boundMs: number): Promise<Record<string, unknown>> {
  for (let waited = 0; waited < boundMs; waited += 100) {
    const hit = bot.logs.find((l) => l.msg === msg);
    if (hit) return hit;
    await sleep(100);
  }
  throw new Error(`no "${msg}" log line within ${boundMs} ms`);
}

async function withNpmStart(fn: (bot: ChildBot, slack: FakeSlack) => Promise<void>, detached = false): Promise<void> {
  const slack = await FakeSlack.start();
  let bot: ChildBot | undefined;
  try {
    bot = await spawnBot(slack, {}, { launcher: 'npm-start', startTimeoutMs: START_TIMEOUT_MS, detached });
    // The bot is npm's descendant, not npm itself: the test is about the whole tree.
    expect(bot.pid).not.toBe(bot.proc.pid);
    expect(isBotProcess(bot.pid)).toBe(true);
    await fn(bot, slack);
  } finally {
    await bot?.dispose();
    await slack.close();
  }
}

describe.sequential('npm start', () => {
  it('SIGTERM to npm drains the bot (its acknowledged card is delivered) and stops it', {
    timeout: START_TIMEOUT_MS + 40_000,
  }, async () => {
    await withNpmStart(async (bot, slack) => {
      // FAULT-SLOW answers after 1.5 s: the lookup is certainly in flight when the signal lands.
      const inFlight = await bot.command(`${GOODS} FAULT-SLOW`);
      expect(inFlight.status).toBe(200);

      process.kill(bot.proc.pid!, 'SIGTERM');
      await bot.waitForLog((l) => l.msg === 'stopped', '"stopped"', 30_000);
      expect(bot.logs.find((l) => l.msg === 'shutting_down')).toMatchObject({ reason: 'SIGTERM', inFlight: 1 });
      expect(bot.logs.find((l) => l.msg === 'stopped')).toMatchObject({ drained: true });
      expect(allText(await slack.post(inFlight.responseUrl))).toContain('미사용');

      expect(await untilGone(bot.pid, 15_000), 'the bot process is still running').toBe(true);
      const exit = await Promise.race([bot.exited, sleep(15_000).then(() => 'npm still running' as const)]);
      expect(exit).toEqual({ code: 0, signal: null });
    });
  });

  it("SIGTERM to the whole process group (systemd's way): one stop, drained, not a forced exit", {
    timeout: START_TIMEOUT_MS + 40_000,
  }, async () => {
    await withNpmStart(async (bot, slack) => {
      const inFlight = await bot.command(`${GOODS} FAULT-SLOW`);
      expect(inFlight.status).toBe(200);
      // npm leads its own group: this reaches npm and the bot, and npm forwards it once more.
      process.kill(-bot.proc.pid!, 'SIGTERM');
      await bot.waitForLog((l) => l.msg === 'stopped', '"stopped"', 30_000);
      expect(bot.logs.some((l) => l.msg === 'forced_exit')).toBe(false);
      expect(bot.logs.find((l) => l.msg === 'stopped')).toMatchObject({ drained: true });
      expect(allText(await slack.post(inFlight.responseUrl))).toContain('미사용');
      expect(await untilGone(bot.pid, 15_000), 'the bot process is still running').toBe(true);
    }, true);
  });

  it('npm killed outright: the bot notices its parent is gone and stops cleanly', { timeout: START_TIMEOUT_MS + 40_000 }, async () => {
    await withNpmStart(async (bot) => {
      process.kill(bot.proc.pid!, 'SIGKILL');
      // The bot still holds our stdout pipe (inherited through npm), so its last lines reach us.
      const gone = await untilLog(bot, 'parent_gone', 30_000);
      expect(gone.level).toBe('warn');
      expect(await untilLog(bot, 'stopped', 30_000)).toMatchObject({ drained: true });
      expect(await untilGone(bot.pid, 15_000), 'the bot process is still running').toBe(true);
    });
  });
});
