/** Targets of issues 5 and 8, judged from the measurements, and the printed table. Pure. */
import type { IdenticalRow, LevelRow } from './measure.js';
import type { BotKind } from './protocol.js';
import { ms } from './stats.js';

export interface MemoryRow {
  readonly bot: BotKind;
  readonly peakRssMb: number;
  /** At the end of the run: RSS now, and the V8 heap committed / used within it. */
  readonly rssMb: number;
  readonly heapTotalMb: number;
  readonly heapUsedMb: number;
  readonly warnings: number;
  readonly warningSamples: readonly string[];
}

export interface Target {
  readonly name: string;
  readonly actual: string;
  readonly pass: boolean;
}

export interface BenchResult {
  readonly delayMs: number;
  readonly users: number;
  readonly vendorProcess: boolean;
  /** 1-minute load average before and after, and the CPU count: context for every number here. */
  readonly machine: { readonly cpus: number; readonly loadBefore: number; readonly loadAfter: number };
  readonly deadlineMs: number;
  readonly rows: readonly LevelRow[];
  readonly identical: readonly IdenticalRow[];
  readonly memory: readonly MemoryRow[];
  readonly targets: readonly Target[];
}

export const RSS_LIMIT_MB = 150;

function row(rows: readonly LevelRow[], bot: BotKind, c: number): LevelRow | undefined {
  return rows.find((r) => r.bot === bot && r.concurrency === c);
}

export function evaluateTargets(rows: readonly LevelRow[], identical: readonly IdenticalRow[], memory: readonly MemoryRow[]): Target[] {
  const targets: Target[] = [];
  const c1 = row(rows, 'ours', 1);
  if (c1) {
    const gap = c1.e2e.p50 - c1.raw.p50;
    targets.push({ name: 'c=1: e2e p50 − raw p50 ≤ 2 ms', actual: `${ms(gap, 2)} ms`, pass: gap <= 2 });
  }
  const c50 = row(rows, 'ours', 50);
  const naive50 = row(rows, 'naive', 50);
  if (c50 && naive50) {
    const x = c50.lookupsPerSec / naive50.lookupsPerSec;
    targets.push({
      name: 'c=50: throughput ≥ 2× naive',
      actual: `${x.toFixed(2)}× (${c50.lookupsPerSec.toFixed(0)} vs ${naive50.lookupsPerSec.toFixed(0)}/s)`,
      pass: x >= 2,
    });
  }
  if (c50) {
    targets.push({ name: 'c=50: ack p99 ≤ 100 ms', actual: `${ms(c50.ack.p99)} ms`, pass: c50.ack.p99 <= 100 });
    const ratio = c50.e2e.p50 / c50.raw.p50;
    targets.push({
      name: 'c=50: e2e p50 ≤ 1.5× raw p50',
      actual: `${ratio.toFixed(2)}× (${ms(c50.e2e.p50)} vs ${ms(c50.raw.p50)} ms)`,
      pass: ratio <= 1.5,
    });
    targets.push({ name: 'c=50: 0 lost', actual: `${c50.lost} lost`, pass: c50.lost === 0 });
  }
  const naiveCpu = naive50 && c50 ? c50.cpuMsPerLookup / naive50.cpuMsPerLookup : undefined;
  if (naiveCpu !== undefined) {
    targets.push({
      name: 'c=50: cpu/lookup ≤ 0.6× naive',
      actual: `${naiveCpu.toFixed(2)}× (${ms(c50!.cpuMsPerLookup, 2)} vs ${ms(naive50!.cpuMsPerLookup, 2)} ms)`,
      pass: naiveCpu <= 0.6,
    });
  }
  for (const c of [1, 50]) {
    const memory = row(rows, 'ours', c);
    const onRedis = row(rows, 'redis', c);
    if (!memory || !onRedis) continue;
    const added = onRedis.e2e.p50 - memory.e2e.p50;
    targets.push({
      name: `c=${c}: Redis adds ≤ 1 ms to e2e p50`,
      actual: `${ms(added, 2)} ms (${ms(onRedis.e2e.p50)} vs ${ms(memory.e2e.p50)} ms)`,
      pass: added <= 1,
    });
  }
  const split = identical.find((r) => r.bot === 'redis×2');
  if (split) {
    targets.push({
      name: `${split.sent} identical over 2 replicas → ≤ 2`,
      actual: `${split.vendorRequests} (${split.cards}/${split.sent} cards)`,
      pass: split.vendorRequests <= 2 && split.cards === split.sent,
    });
  }
  const same = identical.find((r) => r.bot === 'ours');
  if (same) {
    targets.push({
      name: `${same.sent} identical → 1 vendor request`,
      actual: `${same.vendorRequests} (${same.cards}/${same.sent} cards)`,
      pass: same.vendorRequests === 1 && same.cards === same.sent,
    });
  }
  const mem = memory.find((m) => m.bot === 'ours');
  if (mem)
    targets.push({ name: `peak RSS < ${RSS_LIMIT_MB} MB`, actual: `${mem.peakRssMb.toFixed(1)} MB`, pass: mem.peakRssMb < RSS_LIMIT_MB });
  return targets;
}

function table(head: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

const pair = (a: number, b: number): string => `${ms(a)} / ${ms(b)}`;

export function renderReport(r: BenchResult): string {
  const levels = table(
    [
      'bot',
      'c',
      'n',
      'raw p50/p99',
      'ack p50/p99',
      'e2e p50/p99',
      'e2e−raw',
      'e2e/raw',
      'lookups/s',
      'raw/s',
      'lost',
      'bad',
      'cpu/lookup',
      'bot loop',
      'harness loop',
      'peak RSS',
    ],
    r.rows.map((x) => [
      x.bot,
      String(x.concurrency),
      String(x.requests),
      pair(x.raw.p50, x.raw.p99),
      pair(x.ack.p50, x.ack.p99),
      pair(x.e2e.p50, x.e2e.p99),
      ms(x.e2e.p50 - x.raw.p50, 2),
      (x.e2e.p50 / x.raw.p50).toFixed(2),
      x.lookupsPerSec.toFixed(0),
      x.rawPerSec.toFixed(0),
      String(x.lost),
      String(x.failedAcks + x.errorCards),
      `${ms(x.cpuMsPerLookup, 2)} ms`,
      `${(x.loopBusy * 100).toFixed(0)}%`,
      `${(x.harnessBusy * 100).toFixed(0)}%`,
      `${x.peakRssMb.toFixed(0)} MB`,
    ]),
  );
  const same = table(
    ['bot', 'sent', 'success cards', 'vendor requests', 'e2e p50/p99', 'peak RSS'],
    r.identical.map((x) => [
      x.bot,
      String(x.sent),
      String(x.cards),
      String(x.vendorRequests),
      pair(x.e2e.p50, x.e2e.p99),
      `${x.peakRssMb.toFixed(0)} MB`,
    ]),
  );
  const mem = table(
    ['bot', 'peak RSS', 'RSS at end', 'V8 heap committed/used', 'warn+ log lines'],
    r.memory.map((m) => [
      m.bot,
      `${m.peakRssMb.toFixed(1)} MB`,
      `${m.rssMb.toFixed(0)} MB`,
      `${m.heapTotalMb.toFixed(0)} / ${m.heapUsedMb.toFixed(0)} MB`,
      m.warnings === 0 ? '0' : `${m.warnings} (${m.warningSamples.join(', ')})`,
    ]),
  );
  const targets = r.targets.map((t) => `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(38)} ${t.actual}`).join('\n');
  const met = r.targets.filter((t) => t.pass).length;
  return [
    `coupon-bot benchmark — sandbox delay ${r.delayMs} ms, lost = no card within ${r.deadlineMs} ms, times in ms (latencies p50 / p99)`,
    `users: ${r.users === 0 ? 'a new one per request' : `${r.users}, cycled`}; sandbox: ${r.vendorProcess ? 'one process of its own, shared' : "inside each bot's process"}`,
    `machine: ${r.machine.cpus} CPUs, load average ${r.machine.loadBefore.toFixed(2)} before, ${r.machine.loadAfter.toFixed(2)} after (other processes skew every number)`,
    '',
    levels,
    '',
    'ours = the bot in memory mode, redis = the same bot with REDIS_URL (a local redis-server), naive = test/bench/naive-bot.ts.',
    'bad = ack not 200, or a card that is not a coupon. cpu/lookup (all threads) and bot loop (event-loop busy share)',
    `are the bot process during its run${r.vendorProcess ? '' : ', its in-process sandbox included'}; harness loop = load generator + fake Slack.`,
    '',
    same,
    ...(r.identical.some((x) => x.bot === 'redis×2')
      ? ['redis×2 = the burst sent round-robin to two replicas (two processes) on one Redis and one vendor.']
      : []),
    '',
    mem,
    '',
    'Targets (ours):',
    targets,
    '',
    `Targets met: ${met}/${r.targets.length}`,
  ].join('\n');
}
