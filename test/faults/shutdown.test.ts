/**
 * Shutdown of the real process (`node --import tsx src/main.ts`): a signal stops new Slack
 * requests (503), lets the lookups already acknowledged finish and reach their response_urls,
 * then exits 0. A grace period shorter than the work ends the process anyway, saying so.
 * Lookups run against the sandbox inside the child (FAULT-SLOW answers after 1.5 s, FAULT-HANG
 * never does); Slack is a FakeSlack in this process. The process guards of main.ts are
 * reached through a fault injected into the child on SIGUSR2 (see child.ts).
 *
 * The tests run concurrently (each child spends most of its time starting up or waiting), so
 * each owns its FakeSlack and child; ordering is asserted on the child's log, never on time.
 */
import { describe, expect, it } from 'vitest';
import { allText } from '../support/bot-harness.js';
import { FakeSlack } from '../support/fake-slack.js';
import { linesAfter, spawnBot, type ChildBot, type LogLine, type SpawnOptions } from './child.js';

const GOODS = '0000133518';
const SLOW = 'FAULT-SLOW';
const HANG = 'FAULT-HANG';

async function withChild(
  env: Record<string, string>,
  options: SpawnOptions,
  fn: (bot: ChildBot, slack: FakeSlack) => Promise<void>,
): Promise<void> {
  const slack = await FakeSlack.start();
  let bot: ChildBot | undefined;
  try {
    bot = await spawnBot(slack, env, options);
    await fn(bot, slack);
  } finally {
    await bot?.dispose();
    await slack.close();
  }
}

/** A latch: users.info calls wait on it, which holds every /coupon answer until it opens. */
function latch(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

const isLookupOf = (barcodeTail: string) => (l: LogLine) => l.msg === 'lookup' && String(l.barcode).endsWith(barcodeTail);

describe.concurrent('the real process', { timeout: 120_000 }, () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s: refuses new Slack requests with 503, delivers every acknowledged card, exits 0 drained',
    async (signal) => {
      const usersInfo = latch();
      await withChild({}, {}, async (bot, slack) => {
        // The cards wait for users.info (the user's locale), so the work is certainly still in
        // flight after the signal, however slow the machine; the lookups themselves are slow too.
        slack.on('users.info', async (params) => {
          await usersInfo.wait;
          return { body: { ok: true, user: { id: params.user, locale: 'ko-KR' } } };
        });
        // Different users: the default per-user rate limit stays out of the way.
        const inFlight = await Promise.all(['U0A', 'U0B', 'U0C'].map((user) => bot.command(`${GOODS} ${SLOW}`, user)));
        expect(inFlight.map((a) => a.status)).toEqual([200, 200, 200]);

        bot.proc.kill(signal);
        const shutting = await bot.waitForLog((l) => l.msg === 'shutting_down', 'shutting_down');
        expect(shutting).toMatchObject({ reason: signal, inFlight: 3 });

        const late = await bot.command(`${GOODS} 001133518001`, 'U0D');
        expect(late.status).toBe(503);
        expect(late.headers['retry-after']).toBe('5');
        const health = await bot.get('/healthz');
        expect(health.status).toBe(503);
        expect(JSON.parse(health.body)).toMatchObject({ status: 'shutting_down', inFlight: 3 });
        expect(bot.hasExited()).toBe(false);

        usersInfo.open();
        expect(await bot.exited).toEqual({ code: 0, signal: null });
        for (const a of inFlight) {
          const posts = slack.postsTo(a.responseUrl);
          expect(posts).toHaveLength(1);
          expect(allText(posts[0])).toContain('미사용'); // the card itself, not an error
        }
        // The refused request never reached a listener or the vendor.
        expect(slack.postsTo(late.responseUrl)).toHaveLength(0);
        expect(bot.logs.filter((l) => l.msg === 'lookup')).toHaveLength(3);
        expect(bot.logs.find((l) => l.msg === 'stopped')).toMatchObject({ drained: true });
        expect(bot.logs.some((l) => l.msg === 'shutdown_grace_expired')).toBe(false);
        expect(bot.stderr()).toBe('');
      }).finally(usersInfo.open);
    },
  );

  it('grace period shorter than the work: exits 0 without waiting for a hanging vendor call, logging the abandoned work', async () => {
    // The vendor deadline is far longer than the grace period: if shutdown waited for the
    // hanging request, the lookup would end in TIMEOUT (and be logged) before `stopped`.
    // COUFUN_TIMEOUT_MS stays moderate only so that a regression fails in seconds.
    await withChild({ SHUTDOWN_GRACE_MS: '200', COUFUN_TIMEOUT_MS: '3000' }, {}, async (bot) => {
      const hung = await bot.command(`${GOODS} ${HANG}`);
      expect(hung.status).toBe(200);

      bot.proc.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      expect(bot.logs.find((l) => l.msg === 'shutdown_grace_expired')).toMatchObject({ abandoned: 1 });
      expect(bot.logs.find((l) => l.msg === 'stopped')).toMatchObject({ drained: false });
      // An abandoned call may be cut off (and logged) on the way out, but never by its deadline.
      const beforeStopped = bot.logs.slice(
        0,
        bot.logs.findIndex((l) => l.msg === 'stopped'),
      );
      const timedOut = beforeStopped.filter((l) => isLookupOf('HANG')(l) && l.outcome === 'TIMEOUT');
      expect(timedOut, 'shutdown waited for the vendor deadline').toEqual([]);
    });
  });

  it('a second signal forces exit 1 while work is still draining', async () => {
    await withChild({ SHUTDOWN_GRACE_MS: '60000', COUFUN_TIMEOUT_MS: '60000' }, {}, async (bot) => {
      expect((await bot.command(`${GOODS} ${HANG}`)).status).toBe(200);

      bot.proc.kill('SIGTERM');
      await bot.waitForLog((l) => l.msg === 'shutting_down', 'shutting_down');
      bot.proc.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 1, signal: null });
      expect(bot.logs.find((l) => l.msg === 'forced_exit')).toMatchObject({ signal: 'SIGTERM' });
      expect(linesAfter(bot.logs, (l) => l.msg === 'shutting_down').some((l) => l.msg === 'stopped')).toBe(false);
    });
  });

  it('process guards: an uncaught exception and an unhandled rejection are logged, the bot keeps serving and still stops cleanly', async () => {
    await withChild({}, { injectFaults: true }, async (bot, slack) => {
      bot.proc.kill('SIGUSR2');
      const uncaught = await bot.waitForLog((l) => l.msg === 'uncaught_exception', 'uncaught_exception');
      const rejection = await bot.waitForLog((l) => l.msg === 'unhandled_rejection', 'unhandled_rejection');
      expect(uncaught).toMatchObject({ level: 'error', error: expect.stringContaining('injected uncaught exception') });
      expect(rejection).toMatchObject({ level: 'error', error: expect.stringContaining('injected unhandled rejection') });

      const next = await bot.command(`${GOODS} 001133518001`);
      expect(next.status).toBe(200);
      expect(allText(await slack.post(next.responseUrl))).toContain('미사용');
      expect(bot.hasExited()).toBe(false);

      bot.proc.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
    });
  });
});
