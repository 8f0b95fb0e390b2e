/**
 * The benchmark's phases: warm-up, one concurrency level for every bot (each bot's raw vendor
 * baseline, then the bot under the same load), and the identical-lookups burst.
 */
import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { SANDBOX_POC_ID } from '../../src/coufun/environments.js';
import { encodeRequest } from '../../src/coufun/codec.js';
import type { BotProcess } from './bots.js';
import type { FakeSlack } from '../support/fake-slack.js';
import { closedLoop, rawVendor, sendCommand, type CommandSample, type SlackTarget } from './load.js';
import type { BotKind, ChildStats } from './protocol.js';
import { summarize, type Summary } from './stats.js';

/** Any sandbox product: `SIM…` barcodes are answered for all of them. */
export const GOODS_ID = '0000999999';

export interface BenchContext {
  readonly slack: FakeSlack;
  readonly secret: string;
  readonly deadlineMs: number;
  /** Keep-alive pools: load generator → bots, and the raw baseline → sandboxes. */
  readonly toBots: Dispatcher;
  readonly toVendor: Dispatcher;
  /** Run-wide sequence: every request gets its own barcode and response_url. */
  seq: number;
  /** 0: every request from a new user (each costs the bot a users.info); N: cycle through N users. */
  readonly users: number;
}

export interface LevelRow {
  readonly bot: BotKind;
  readonly concurrency: number;
  readonly requests: number;
  /** Straight POSTs to this bot's sandbox at the same concurrency. */
  readonly raw: Summary;
  readonly ack: Summary;
  readonly e2e: Summary;
  readonly lookupsPerSec: number;
  readonly rawPerSec: number;
  /** No card within the deadline. */
  readonly lost: number;
  /** Ack not HTTP 200. */
  readonly failedAcks: number;
  /** A card came, but not a successful lookup. */
  readonly errorCards: number;
  /** The bot process's CPU time per lookup, and its event loop's busy share, during the bot phase. */
  readonly cpuMsPerLookup: number;
  readonly loopBusy: number;
  /** The benchmark's own process (load generator + fake Slack) during the bot phase: if it saturates, the numbers are the harness's. */
  readonly harnessBusy: number;
  /** The bot process's peak RSS so far, MB. */
  readonly peakRssMb: number;
}

export interface IdenticalRow {
  /** `ours`, `naive`, `redis`, or `redis×2` (the burst split over two replicas on one Redis). */
  readonly bot: string;
  readonly sent: number;
  readonly cards: number;
  readonly vendorRequests: number;
  readonly e2e: Summary;
  readonly peakRssMb: number;
}

/** A card that shows the coupon, not an error: the synthetic coupons are all unused. */
export function isSuccessCard(kind: BotKind, body: string): boolean {
  return kind === 'naive' ? !body.includes('Error ') : body.includes('미사용');
}

function nextIds(ctx: BenchContext): { id: string; user: string; barcode: string } {
  const n = ctx.seq++;
  const u = ctx.users === 0 ? n : n % ctx.users;
  return { id: `r${n}`, user: `UB${u.toString(36).toUpperCase().padStart(6, '0')}`, barcode: `SIM${n.toString().padStart(9, '0')}` };
}

function target(ctx: BenchContext, bot: BotProcess): SlackTarget {
  return { eventsUrl: bot.eventsUrl, secret: ctx.secret, slack: ctx.slack, dispatcher: ctx.toBots, deadlineMs: ctx.deadlineMs };
}

function command(ctx: BenchContext, bot: BotProcess): () => Promise<CommandSample> {
  const t = target(ctx, bot);
  return () => {
    const { id, user, barcode } = nextIds(ctx);
    return sendCommand(t, id, user, `${GOODS_ID} ${barcode}`);
  };
}

function raw(ctx: BenchContext, bot: BotProcess): () => Promise<number | null> {
  return () =>
    rawVendor(bot.vendorUrl, encodeRequest({ pocId: SANDBOX_POC_ID, goodsId: GOODS_ID, barcode: nextIds(ctx).barcode }), ctx.toVendor);
}

export async function warmUp(ctx: BenchContext, bot: BotProcess, n: number): Promise<void> {
  if (n === 0) return;
  await closedLoop(10, n, raw(ctx, bot));
  await closedLoop(10, n, command(ctx, bot));
}

function finite(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}

/** One bot's share of a level, summed over the rounds. */
interface Tally {
  readonly raw: (number | null)[];
  readonly commands: CommandSample[];
  rawWallMs: number;
  wallMs: number;
  cpuMicros: number;
  loopActiveMs: number;
  loopIdleMs: number;
  harnessActiveMs: number;
  harnessIdleMs: number;
  last: ChildStats | null;
}

async function round(ctx: BenchContext, bot: BotProcess, concurrency: number, n: number, t: Tally): Promise<void> {
  const rawRun = await closedLoop(concurrency, n, raw(ctx, bot));
  t.raw.push(...rawRun.results);
  t.rawWallMs += rawRun.wallMs;
  const before = await bot.stats();
  const harness = performance.eventLoopUtilization();
  const run = await closedLoop(concurrency, n, command(ctx, bot));
  const busy = performance.eventLoopUtilization(harness);
  const after = await bot.stats();
  t.commands.push(...run.results);
  t.wallMs += run.wallMs;
  t.cpuMicros += after.cpuMicros - before.cpuMicros;
  t.loopActiveMs += after.loopActiveMs - before.loopActiveMs;
  t.loopIdleMs += after.loopIdleMs - before.loopIdleMs;
  t.harnessActiveMs += busy.active;
  t.harnessIdleMs += busy.idle;
  t.last = after;
}

function row(kind: BotKind, concurrency: number, t: Tally): LevelRow {
  const arrived = t.commands.filter((r) => r.card !== null);
  const rawOk = finite(t.raw);
  return {
    bot: kind,
    concurrency,
    requests: t.commands.length,
    raw: summarize(rawOk),
    ack: summarize(finite(t.commands.map((r) => r.ackMs))),
    e2e: summarize(finite(t.commands.map((r) => r.e2eMs))),
    lookupsPerSec: (arrived.length / t.wallMs) * 1000,
    rawPerSec: (rawOk.length / t.rawWallMs) * 1000,
    lost: t.commands.length - arrived.length,
    failedAcks: t.commands.filter((r) => r.status !== 200).length,
    errorCards: arrived.filter((r) => !isSuccessCard(kind, r.card!)).length,
    cpuMsPerLookup: t.cpuMicros / 1000 / t.commands.length,
    loopBusy: t.loopActiveMs / (t.loopActiveMs + t.loopIdleMs),
    harnessBusy: t.harnessActiveMs / (t.harnessActiveMs + t.harnessIdleMs),
    peakRssMb: (t.last?.maxRssBytes ?? Number.NaN) / 1e6,
  };
}

/**
 * One concurrency level for every bot. The requests are split into `rounds` rounds; in each,
 * every bot gets its raw vendor baseline and then its share of the load, in an order that
 * alternates per round. On a shared machine, noise then lands on both bots alike instead of
 * on whichever happened to run during someone else's build.
 */
export async function measureLevel(
  ctx: BenchContext,
  bots: readonly BotProcess[],
  concurrency: number,
  requests: number,
  rounds: number,
): Promise<LevelRow[]> {
  const tallies = bots.map(
    (): Tally => ({
      raw: [],
      commands: [],
      rawWallMs: 0,
      wallMs: 0,
      cpuMicros: 0,
      loopActiveMs: 0,
      loopIdleMs: 0,
      harnessActiveMs: 0,
      harnessIdleMs: 0,
      last: null,
    }),
  );
  const k = Math.max(1, Math.min(rounds, Math.floor(requests / concurrency)));
  for (let r = 0; r < k; r++) {
    const n = Math.floor(requests / k) + (r < requests % k ? 1 : 0);
    const order = r % 2 === 0 ? bots.map((_, i) => i) : bots.map((_, i) => bots.length - 1 - i);
    for (const i of order) await round(ctx, bots[i]!, concurrency, n, tallies[i]!);
  }
  return bots.map((bot, i) => row(bot.kind, concurrency, tallies[i]!));
}

/**
 * `n` lookups of one fresh barcode from `n` users, all at once, spread round-robin over `bots`
 * (replicas of one deployment sharing one vendor, whose request count is the answer).
 */
export async function measureIdentical(
  ctx: BenchContext,
  bots: readonly BotProcess[],
  n: number,
  label: string = bots[0]!.kind,
): Promise<IdenticalRow> {
  const barcode = nextIds(ctx).barcode;
  const targets = bots.map((bot) => target(ctx, bot));
  const run = await closedLoop(n, n, (i) => {
    const { id, user } = nextIds(ctx);
    return sendCommand(targets[i % targets.length]!, id, user, `${GOODS_ID} ${barcode}`);
  });
  const vendorRequests = await bots[0]!.vendorRequestsFor(barcode);
  const peaks = await Promise.all(bots.map(async (bot) => (await bot.stats()).maxRssBytes / 1e6));
  return {
    bot: label,
    sent: n,
    cards: run.results.filter((r) => r.card !== null && isSuccessCard(bots[0]!.kind, r.card)).length,
    vendorRequests,
    e2e: summarize(finite(run.results.map((r) => r.e2eMs))),
    peakRssMb: Math.max(...peaks),
  };
}
