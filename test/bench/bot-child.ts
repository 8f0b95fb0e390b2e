/**
 * One bot in its own process, so the load generator and the fake Slack (in the parent) do not
 * share its event loop: `ours` is the real app via startBot (`redis`: the same on a shared Redis),
 * `naive` is naive-bot.ts. By default
 * each has a sandbox in its own process (ours: the built-in one startBot opens; naive: one started
 * here with the same delay), so both pay for the simulated vendor alike; with `vendorUrl` both use
 * an external one instead. Kind `sandbox` is that external sandbox alone.
 */
import { performance } from 'node:perf_hooks';
import { startBot } from '../../src/bot.js';
import { SANDBOX_POC_ID } from '../../src/coufun/environments.js';
import { startSandbox, type SandboxHandle } from '../../src/coufun/sandbox/server.js';
import { startNaiveBot } from './naive-bot.js';
import type { ChildConfig, ChildMessage, ChildStats, ParentMessage } from './protocol.js';

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const send = (m: ChildMessage): void => {
  process.send?.(m);
};

let warnings = 0;
const warningSamples: string[] = [];
const logSink = (line: string): void => {
  // LOG_LEVEL=warn: anything that reaches the sink is worth counting.
  warnings++;
  if (warningSamples.length < 5) warningSamples.push(String((JSON.parse(line) as { msg?: unknown }).msg));
};

interface Running {
  readonly eventsUrl: string;
  readonly vendorUrl: string;
  readonly sandbox: SandboxHandle | null;
  stop(): Promise<void>;
}

async function startOurs(): Promise<Running> {
  // The sandbox is started here (as for the naive bot) unless the run shares one, so the child
  // knows it and counts its requests; the bot builds its own lookup, as in production.
  const sandbox = config.vendorUrl ? null : await startSandbox({ host: '127.0.0.1', port: 0, delayMs: config.delayMs });
  const vendorUrl = config.vendorUrl ?? sandbox!.url;
  const bot = await startBot(
    {
      SLACK_BOT_TOKEN: config.botToken,
      SLACK_SIGNING_SECRET: config.signingSecret,
      SLACK_API_URL: config.slackApiUrl,
      PORT: '0',
      ALLOWED_CHANNEL_IDS: '*',
      LOG_LEVEL: 'warn',
      COUPON_RATE_LIMIT_PER_MINUTE: '10000',
      COUFUN_ENV: 'sandbox',
      COUFUN_URL: vendorUrl,
      ...(config.kind === 'redis' && config.redisUrl ? { REDIS_URL: config.redisUrl, REDIS_PREFIX: 'coupon-bot-bench:' } : {}),
    },
    { host: '127.0.0.1', logSink },
  );
  if (bot.port === undefined) throw new Error('expected HTTP mode');
  return {
    eventsUrl: `http://127.0.0.1:${bot.port}/slack/events`,
    vendorUrl,
    sandbox,
    stop: async () => {
      await bot.stop('bench');
      await sandbox?.close();
    },
  };
}

async function startNaive(): Promise<Running> {
  const sandbox = config.vendorUrl ? null : await startSandbox({ host: '127.0.0.1', port: 0, delayMs: config.delayMs });
  const vendorUrl = config.vendorUrl ?? sandbox!.url;
  const naive = await startNaiveBot({
    signingSecret: config.signingSecret,
    botToken: config.botToken,
    slackApiUrl: config.slackApiUrl,
    vendorUrl,
    pocId: SANDBOX_POC_ID,
    host: '127.0.0.1',
  });
  return {
    eventsUrl: `http://127.0.0.1:${naive.port}/slack/events`,
    vendorUrl,
    sandbox,
    stop: async () => {
      await naive.close();
      await sandbox?.close();
    },
  };
}

async function startLoneSandbox(): Promise<Running> {
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, delayMs: config.delayMs });
  return { eventsUrl: '', vendorUrl: sandbox.url, sandbox, stop: () => sandbox.close() };
}

function stats(sandbox: SandboxHandle | null, barcode: string | undefined): ChildStats {
  const cpu = process.cpuUsage();
  const loop = performance.eventLoopUtilization();
  // Diagnosis only (NODE_OPTIONS=--expose-gc): collect first, so heapUsed is the live heap.
  // The peak RSS was recorded before, so it is unaffected.
  const maxRss = process.resourceUsage().maxRSS * 1024;
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  return {
    maxRssBytes: maxRss,
    rssBytes: memory.rss,
    heapTotalBytes: memory.heapTotal,
    heapUsedBytes: memory.heapUsed,
    cpuMicros: cpu.user + cpu.system,
    loopActiveMs: loop.active,
    loopIdleMs: loop.idle,
    vendorRequests: sandbox ? sandbox.requestCount() : null,
    vendorRequestsForBarcode: sandbox && barcode !== undefined ? sandbox.requestCount(barcode) : null,
    warnings,
    warningSamples,
  };
}

const running = await (config.kind === 'ours' || config.kind === 'redis'
  ? startOurs()
  : config.kind === 'naive'
    ? startNaive()
    : startLoneSandbox());
process.on('message', (raw) => {
  const m = raw as ParentMessage;
  if (m.type === 'stats') send({ type: 'stats', id: m.id, stats: stats(running.sandbox, m.barcode) });
  if (m.type === 'stop') {
    void running.stop().finally(() => {
      send({ type: 'stopped', id: m.id });
      process.disconnect();
    });
  }
});
// The parent going away (crash, Ctrl-C) must not leave this process behind.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready', eventsUrl: running.eventsUrl, vendorUrl: running.vendorUrl });
