/**
 * The bench's bulk section, measured in the same run: (1) 2,000 distinct items against the
 * sandbox at its fixed delay, wall time against the pacing floor max(N/R, N × delay / C), at the
 * default settings and at R = 50, C = 16; (2) the interactive `/coupon` end-to-end p50 with and
 * without a bulk job running in the same bot; (3) vendor requests per distinct item, on one
 * process and over two replicas on one Redis (BullMQ). Figures and ratios, no asserted limits.
 */
import type { Dispatcher } from 'undici';
import { startBot } from '../../src/bot.js';
import { createRedisQueue } from '../../src/bulk/queue/bullmq/queue.js';
import { createMemoryQueue } from '../../src/bulk/queue/memory.js';
import { BULK_DEFAULTS } from '../../src/config/bulk.js';
import { createCoufunClient } from '../../src/coufun/client.js';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { createLookupService } from '../../src/lookup/service.js';
import type { RedisServer } from '../support/redis-server.js';
import type { FakeSlack } from '../support/fake-slack.js';
import { sendCommand } from './load.js';
import { summarize } from './stats.js';
import { createValueCodec } from '../../src/stores/value-codec.js';

export interface PacingRow {
  readonly rate: number;
  readonly concurrency: number;
  readonly items: number;
  readonly wallMs: number;
  readonly floorMs: number;
  /** Wall time over the floor (target ≤ 1.1). */
  readonly ratio: number;
  /** Vendor requests per distinct item (target 1.00). */
  readonly perItem: number;
}

export interface BulkBench {
  readonly delayMs: number;
  readonly pacing: readonly PacingRow[];
  readonly interactive: { readonly aloneP50: number; readonly withBulkP50: number; readonly ratio: number; readonly n: number };
  readonly replicas: { readonly items: number; readonly perItem: number; readonly wallMs: number } | null;
}

const items = (tag: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ goodsId: '0000999999', barcode: `SIM${tag}${String(i).padStart(6, '0')}` }));

export async function pacingRow(vendor: SandboxHandle, delayMs: number, rate: number, concurrency: number, n: number): Promise<PacingRow> {
  const lookup = createLookupService({
    client: createCoufunClient({ url: vendor.url, timeoutMs: 5000, env: {} }),
    env: 'sandbox',
    pocId: 'SANDBOX',
    cacheTtlMs: 15_000,
  });
  const queue = createMemoryQueue({ lookup, ratePerSecond: rate, concurrency, stallMs: 120_000 });
  const before = vendor.requestCount();
  try {
    const end = await (await queue.start({ items: items(`P${rate}x`, n), meta: { startedBy: 'bench', label: 'bench' } })).finished;
    const floorMs = Math.max((n / rate) * 1000, (n * delayMs) / concurrency);
    return {
      rate,
      concurrency,
      items: n,
      wallMs: end.elapsedMs,
      floorMs,
      ratio: end.elapsedMs / floorMs,
      perItem: (vendor.requestCount() - before) / n,
    };
  } finally {
    await queue.close();
    await lookup.close();
  }
}

async function interactive(vendor: SandboxHandle, slack: FakeSlack, dispatcher: Dispatcher, n: number): Promise<BulkBench['interactive']> {
  const secret = 'bench-bulk-secret';
  const bot = await startBot(
    {
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      ALLOWED_CHANNEL_IDS: '*',
      LOG_LEVEL: 'warn',
      COUFUN_URL: vendor.url,
      BULK_RATE_PER_SECOND: '50',
      BULK_CONCURRENCY: '16',
    },
    { host: '127.0.0.1', logSink: () => undefined },
  );
  const target = { eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`, secret, slack, dispatcher, deadlineMs: 10_000 };
  const measure = async (tag: string): Promise<number> => {
    const samples: number[] = [];
    for (let i = 0; i < n; i += 1) {
      const s = await sendCommand(target, `bulk-${tag}-${i}`, `UBENCH${tag}${i}`, `0000999999 SIMI${tag}${String(i).padStart(5, '0')}`);
      if (s.e2eMs !== null) samples.push(s.e2eMs);
    }
    return summarize(samples).p50;
  };
  try {
    await measure('warm');
    const aloneP50 = await measure('alone');
    const job = await bot.bulk.start({ items: items('BG', 2000), meta: { startedBy: 'bench', label: 'bench' } });
    const withBulkP50 = await measure('bulk');
    job.cancel('bench');
    await job.finished;
    return { aloneP50, withBulkP50, ratio: withBulkP50 / aloneP50, n };
  } finally {
    await bot.stop('bench');
  }
}

async function twoReplicas(vendor: SandboxHandle, redis: RedisServer, n: number): Promise<BulkBench['replicas']> {
  const codec = createValueCodec(Buffer.alloc(32, 9));
  const config = { ...BULK_DEFAULTS, ratePerSecond: 50, concurrency: 16 };
  const services = [0, 1].map(() =>
    createLookupService({
      client: createCoufunClient({ url: vendor.url, timeoutMs: 5000, env: {} }),
      env: 'sandbox',
      pocId: 'SANDBOX',
      cacheTtlMs: 15_000,
    }),
  );
  const workers = await Promise.all(
    services.map((lookup) => createRedisQueue({ url: redis.url, prefix: 'bench-bulk:', codec, lookup, config, work: true })),
  );
  const before = vendor.requestCount();
  try {
    const end = await (await workers[0]!.start({ items: items('R', n), meta: { startedBy: 'bench', label: 'bench' } })).finished;
    return { items: n, perItem: (vendor.requestCount() - before) / n, wallMs: end.elapsedMs };
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await Promise.all(services.map((s) => s.close()));
  }
}

export async function measureBulk(o: {
  readonly delayMs: number;
  readonly items: number;
  readonly slack: FakeSlack;
  readonly dispatcher: Dispatcher;
  readonly redis: RedisServer | null;
  readonly progress: (text: string) => void;
}): Promise<BulkBench> {
  const vendor = await startSandbox({ host: '127.0.0.1', port: 0, delayMs: o.delayMs });
  try {
    const pacing: PacingRow[] = [];
    for (const [rate, concurrency] of [
      [BULK_DEFAULTS.ratePerSecond, BULK_DEFAULTS.concurrency],
      [50, 16],
    ] as const) {
      o.progress(
        `bulk: ${o.items} items at R=${rate}, C=${concurrency} (floor ${Math.round(Math.max(o.items / rate, (o.items * o.delayMs) / 1000 / concurrency))} s)…`,
      );
      pacing.push(await pacingRow(vendor, o.delayMs, rate, concurrency, o.items));
    }
    o.progress('bulk: interactive /coupon p50 without and with a bulk job…');
    const inter = await interactive(vendor, o.slack, o.dispatcher, 60);
    o.progress('bulk: two replicas on one Redis…');
    const replicas = o.redis ? await twoReplicas(vendor, o.redis, o.items) : null;
    return { delayMs: o.delayMs, pacing, interactive: inter, replicas };
  } finally {
    await vendor.close();
  }
}

export function renderBulk(b: BulkBench): string {
  const lines = [`Bulk checks (sandbox delay ${b.delayMs} ms)`, '  R    C   items  wall      floor     wall/floor  requests/item'];
  for (const r of b.pacing) {
    lines.push(
      `  ${String(r.rate).padEnd(4)} ${String(r.concurrency).padEnd(3)} ${String(r.items).padEnd(6)} ${(r.wallMs / 1000).toFixed(1).padStart(6)} s ${(r.floorMs / 1000).toFixed(1).padStart(6)} s  ${r.ratio.toFixed(3).padStart(9)}   ${r.perItem.toFixed(2)}`,
    );
  }
  const i = b.interactive;
  lines.push(
    `  /coupon e2e p50: alone ${i.aloneP50.toFixed(1)} ms, with a bulk job ${i.withBulkP50.toFixed(1)} ms (×${i.ratio.toFixed(3)}, n=${i.n} each)`,
  );
  if (b.replicas)
    lines.push(
      `  two replicas (BullMQ, R=50 C=16): ${b.replicas.items} items, ${b.replicas.perItem.toFixed(2)} requests/item, ${(b.replicas.wallMs / 1000).toFixed(1)} s`,
    );
  return lines.join('\n');
}
