/**
 * The reader of the bot's stdout goes away (a log shipper restarts, `npm start | tee` dies) on
 * the real process: the bot keeps acknowledging and delivering cards, does not spin on EPIPE,
 * still says `ok` honestly, and SIGTERM still drains and exits 0.
 */
import { describe, expect, it } from 'vitest';
import { allText } from '../support/bot-harness.js';
import { FakeSlack } from '../support/fake-slack.js';
import { cpuSeconds, spawnBot } from './child.js';

const GOODS = '0000133518';
const BARCODE = '001133518001';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU share of one core the process used over `ms` of idleness. */
async function idleCpuShare(pid: number, ms: number): Promise<number> {
  const cpu0 = cpuSeconds(pid);
  const t0 = performance.now();
  await sleep(ms);
  const cpu1 = cpuSeconds(pid);
  return (cpu1 - cpu0) / ((performance.now() - t0) / 1000);
}

describe.concurrent('a closed stdout', { timeout: 120_000 }, () => {
  // At debug every request writes a dozen lines (Bolt's, the Web API client's): many more
  // failed writes than at info, and the same outcome.
  it.each(['info', 'debug'])('LOG_LEVEL=%s: keeps serving cards, stays idle, and still stops on SIGTERM', async (level) => {
    const slack = await FakeSlack.start();
    const bot = await spawnBot(slack, { LOG_LEVEL: level });
    try {
      // A lookup while the reader is alive, for comparison.
      const before = await bot.command(`${GOODS} ${BARCODE}`, 'U0BEFORE');
      expect(before.status).toBe(200);
      await slack.post(before.responseUrl);

      // The reader goes away: every later write to the pipe fails with EPIPE.
      bot.proc.stdout!.destroy();
      await sleep(200);

      // Several lookups after the pipe closed (distinct users: the rate limit stays out of it);
      // each writes log lines (the audit line at least) that can no longer be delivered.
      for (const user of ['U0D1', 'U0D2', 'U0D3', 'U0D4', 'U0D5', 'U0D6']) {
        const answer = await bot.command(`${GOODS} ${BARCODE}`, user);
        expect(answer.status, `ack for ${user}`).toBe(200);
        const card = await slack.post(answer.responseUrl);
        expect(allText(card)).toContain('미사용');
      }

      // Idle: no busy loop on EPIPE. CPU time used over the interval, not a response time.
      const share = await idleCpuShare(bot.pid, 2000);
      expect(share, `idle CPU share ${share.toFixed(2)} of one core`).toBeLessThan(0.3);

      const health = await bot.get('/healthz');
      expect(health.status).toBe(200);
      // Still serving, so still ok; but it says the log lines are being dropped.
      expect(JSON.parse(health.body)).toMatchObject({ status: 'ok', inFlight: 0, logOutput: 'closed' });

      bot.proc.kill('SIGTERM');
      const exit = await Promise.race([bot.exited, sleep(20_000).then(() => 'still running' as const)]);
      expect(exit).toEqual({ code: 0, signal: null });
      // Nothing was reported on stderr either: the EPIPE did not become an uncaught exception.
      expect(bot.stderr()).toBe('');
    } finally {
      await bot.dispose();
      await slack.close();
    }
  });
});
