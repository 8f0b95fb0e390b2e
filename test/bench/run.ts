/**
 * `npm run bench`: the real app (startBot, HTTP mode, built-in sandbox with a fixed vendor
 * delay) in memory mode and on Redis, against a naive Bolt bot under the same closed-loop load
 * of signed `/coupon` requests, plus a burst of identical lookups (also split over two replicas
 * on one Redis). Prints a report; exits 0 unless something crashes.
 * Progress goes to stderr, so `--json` leaves stdout machine-readable.
 */
import { availableParallelism, loadavg } from 'node:os';
import { Agent } from 'undici';
import { BotProcess } from './bots.js';
import { FastFakeSlack } from './fake-slack-fast.js';
import { measureIdentical, measureLevel, warmUp, type BenchContext, type IdenticalRow, type LevelRow } from './measure.js';
import { parseBenchArgs, type BenchOptions } from './options.js';
import type { BotKind } from './protocol.js';
import { evaluateTargets, renderReport, type BenchResult, type MemoryRow } from './report.js';
import { measureLongInput, renderLongInput } from './long-input.js';
import { startRedisServer, type RedisServer } from '../support/redis-server.js';
import { measureBulk, renderBulk, type BulkBench } from './bulk.js';

const SECRET = 'bench-signing-secret';

function optionsOrExit(argv: readonly string[]): BenchOptions {
  try {
    return parseBenchArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n`);
    return process.exit(2);
  }
}

const options = optionsOrExit(process.argv.slice(2));
const progress = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

progress('long input: parsing 40,000-character requests…');
const longInput = measureLongInput();
const loadBefore = loadavg()[0]!;
const slack = await FastFakeSlack.start();
const ctx: BenchContext = {
  slack,
  secret: SECRET,
  deadlineMs: options.deadlineMs,
  // Enough sockets for the identical burst, all kept alive across levels.
  toBots: new Agent({ connections: null, keepAliveTimeout: 60_000 }),
  toVendor: new Agent({ connections: null, keepAliveTimeout: 60_000 }),
  seq: 0,
  users: options.users,
};
const base = { slackApiUrl: slack.apiUrl, signingSecret: SECRET, botToken: 'xoxb-bench', delayMs: options.delayMs };

const bots: BotProcess[] = [];
let vendor: BotProcess | null = null;
let redis: RedisServer | null = null;
let secondReplica: BotProcess | null = null;
try {
  progress('starting bots…');
  if (options.vendorProcess) vendor = await BotProcess.spawn({ ...base, kind: 'sandbox' });
  if (options.redis) {
    try {
      redis = await startRedisServer();
    } catch (e) {
      progress(`no Redis rows: ${(e as Error).message}`);
    }
  }
  const spawn = (kind: BotKind): Promise<BotProcess> =>
    BotProcess.spawn(
      { ...base, kind, ...(vendor ? { vendorUrl: vendor.vendorUrl } : {}), ...(redis ? { redisUrl: redis.url } : {}) },
      vendor,
    );
  bots.push(await spawn('ours'), await spawn('naive'));
  if (redis) bots.push(await spawn('redis'));
  for (const bot of bots) {
    progress(`warming up ${bot.kind} (${options.warmup} requests)…`);
    await warmUp(ctx, bot, options.warmup);
  }
  const rows: LevelRow[] = [];
  for (const c of options.levels) {
    progress(`c=${c}: ${options.requests(c)} requests per bot, in ${options.rounds} interleaved rounds…`);
    rows.push(...(await measureLevel(ctx, bots, c, options.requests(c), options.rounds)));
  }
  const identical: IdenticalRow[] = [];
  for (const bot of options.identical > 0 ? bots : []) {
    progress(`${options.identical} identical lookups: ${bot.kind}…`);
    identical.push(await measureIdentical(ctx, [bot], options.identical));
  }
  const first = bots.find((b) => b.kind === 'redis');
  if (first && options.identical > 0) {
    // A second replica of the Redis deployment: same Redis, same vendor, its own process.
    secondReplica = await spawn('redis');
    await warmUp(ctx, secondReplica, Math.min(50, options.warmup));
    progress(`${options.identical} identical lookups split over two replicas on one Redis…`);
    identical.push(await measureIdentical(ctx, [first, secondReplica], options.identical, 'redis×2'));
  }
  const memory: MemoryRow[] = [];
  for (const bot of bots) {
    const s = await bot.stats();
    memory.push({
      bot: bot.kind,
      peakRssMb: s.maxRssBytes / 1e6,
      rssMb: s.rssBytes / 1e6,
      heapTotalMb: s.heapTotalBytes / 1e6,
      heapUsedMb: s.heapUsedBytes / 1e6,
      warnings: s.warnings,
      warningSamples: s.warningSamples,
    });
  }
  const bulk: BulkBench | null =
    options.bulkItems > 0
      ? await measureBulk({ delayMs: options.delayMs, items: options.bulkItems, slack, dispatcher: ctx.toBots, redis, progress })
      : null;
  const result: BenchResult = {
    delayMs: options.delayMs,
    users: options.users,
    vendorProcess: options.vendorProcess,
    machine: { cpus: availableParallelism(), loadBefore, loadAfter: loadavg()[0]! },
    deadlineMs: options.deadlineMs,
    rows,
    identical,
    memory,
    targets: evaluateTargets(rows, identical, memory),
  };
  process.stdout.write(
    options.json
      ? `${JSON.stringify({ ...result, longInput, bulk }, null, 2)}\n`
      : `${renderReport(result)}\n\n${renderLongInput(longInput)}\n${bulk ? `\n${renderBulk(bulk)}\n` : ''}`,
  );
} finally {
  await Promise.all([...bots, ...(secondReplica ? [secondReplica] : [])].map((b) => b.stop()));
  await vendor?.stop();
  await redis?.stop();
  await slack.close();
  await ctx.toBots.close();
  await ctx.toVendor.close();
}
