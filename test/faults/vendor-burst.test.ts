/**
 * Every sandbox fault mixed into one burst of concurrent `/coupon` requests through the real
 * Bolt receiver: each request gets exactly one answer at its response_url (a card, or a card
 * saying what went wrong), none is lost or left hanging, and afterwards no work, socket or
 * server is left behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_POC_ID } from '../../src/coufun/environments.js';
import { createCoufunClient } from '../../src/coufun/client.js';
import { TimeoutError } from '../../src/coufun/errors.js';
import { startSandbox } from '../../src/coufun/sandbox/server.js';
import { allText, startHarness, type Harness } from '../support/bot-harness.js';

const TIMEOUT_MS = 800;
const GOODS = '0000133518';

/**
 * Outcome label (as in the `lookup` audit line) of each fault. Any lookup may also end at the
 * deadline (TIMEOUT) on a busy machine: sixty requests, 1 MiB oversize streams and the sandbox
 * share two cores here. What may never happen is a fault read as a coupon, or no answer.
 */
const FAULTS: Readonly<Record<string, string>> = {
  'FAULT-SLOW': 'unused', // slowed to 300 ms below, inside the deadline
  'FAULT-HANG': 'TIMEOUT',
  'FAULT-500': 'HTTP_STATUS',
  'FAULT-HTML': 'BAD_RESPONSE',
  'FAULT-TRUNCATED': 'BAD_RESPONSE',
  'FAULT-OVERSIZE': 'OVERSIZE',
  'FAULT-REDIRECT': 'HTTP_STATUS',
  'FAULT-RESET': 'NETWORK',
};
const FAULT_BARCODES = Object.keys(FAULTS);

interface Planned {
  readonly user: string;
  readonly barcodes: readonly string[];
}

/** 60 requests, one user each: 12 good ones, each fault 5–7 times, 16 of those with a good barcode next to the fault. */
function plan(): Planned[] {
  let sim = 0;
  const good = (): string => `SIM${String(++sim).padStart(8, '0')}`;
  return Array.from({ length: 60 }, (_, i) => {
    const user = `U0BURST${String(i).padStart(2, '0')}`;
    if (i % 5 === 0) return { user, barcodes: [good()] };
    const fault = FAULT_BARCODES[i % FAULT_BARCODES.length]!;
    return { user, barcodes: i % 3 === 0 ? [good(), fault] : [fault] };
  });
}

const expectedLabels = (barcode: string): readonly string[] => [FAULTS[barcode] ?? 'unused', 'TIMEOUT'];
const tail = (barcode: string): string => `••••${barcode.slice(-4)}`;

/** Socket and server handles of this process, by type. */
function netHandles(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) if (/^TCP/.test(r)) out[r] = (out[r] ?? 0) + 1;
  return out;
}

async function until(pred: () => boolean, timeoutMs: number): Promise<boolean> {
  for (const end = Date.now() + timeoutMs; !pred(); ) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a burst of /coupon requests with every vendor fault mixed in', () => {
  it('answers each request exactly once, then leaves no work, sockets or servers behind', async () => {
    const baseline = netHandles();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      h = await startHarness({ COUFUN_TIMEOUT_MS: String(TIMEOUT_MS), ALLOWED_CHANNEL_IDS: '*' }, { sandbox: { slowMs: 300 } });
      const harness = h;
      const requests = plan();
      const answers = await Promise.all(requests.map((r) => harness.command({ text: `${GOODS} ${r.barcodes.join(' ')}`, user: r.user })));
      expect(answers.map((a) => a.status)).toEqual(requests.map(() => 200));

      // Liveness bound, generous on purpose: one vendor deadline plus a wide margin for a busy
      // machine. A request left hanging (or lost) fails here with its response_url named.
      const bound = TIMEOUT_MS + 10_000;
      await Promise.all(answers.map((a) => harness.slack.post(a.responseUrl, 1, bound)));
      expect(await until(() => harness.bot.work.size === 0, 5_000), 'background work left after every answer').toBe(true);

      requests.forEach((req, i) => {
        const posts = harness.slack.postsTo(answers[i]!.responseUrl);
        expect(posts, `answers for request ${i}`).toHaveLength(1);
        const [card] = posts;
        expect(card).toMatchObject({ response_type: 'ephemeral' });
        const text = allText(card);
        for (const barcode of req.barcodes) expect(text, `request ${i}`).toContain(tail(barcode));
        // One audit line per barcode, with an outcome the fault can produce.
        const audit = harness.logs.filter((l) => l.msg === 'lookup' && l.user === req.user);
        expect(audit.map((l) => l.barcode).sort()).toEqual(req.barcodes.map(tail).sort());
        for (const line of audit) {
          const barcode = req.barcodes.find((b) => tail(b) === line.barcode)!;
          expect(expectedLabels(barcode), `request ${i} ${barcode}`).toContain(line.outcome);
        }
      });
      // The hanging vendor call ended at the client's deadline, and the card says so.
      const hang = requests.findIndex((r) => r.barcodes.includes('FAULT-HANG'));
      expect(allText(harness.slack.postsTo(answers[hang]!.responseUrl)[0])).toContain(`${TIMEOUT_MS}ms`);

      const totalBarcodes = requests.reduce((n, r) => n + r.barcodes.length, 0);
      expect(harness.bot.lookup.service.health().lookups).toBe(totalBarcodes);
      // Full barcodes never reach the logs, not even in error lines.
      const logText = JSON.stringify(harness.logs);
      for (const barcode of [...FAULT_BARCODES, 'SIM00000001']) expect(logText).not.toContain(barcode);
      expect(harness.logs.filter((l) => l.level === 'error')).toEqual([]);

      expect(await harness.bot.stop('test')).toEqual({ drained: true });
      await harness.close();
      h = undefined;
      // Nothing answers late after the stop.
      requests.forEach((_, i) => expect(harness.slack.postsTo(answers[i]!.responseUrl)).toHaveLength(1));
      // Servers (front, sandbox, fake Slack) and every socket (keep-alive pool, hanging vendor
      // connection, response_url posts) are gone: back to what the process had before.
      const released = await until(() => JSON.stringify(netHandles()) === JSON.stringify(baseline), 5_000);
      expect(released ? baseline : netHandles()).toEqual(baseline);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('memory after fault bursts', () => {
  it('returns to its baseline: nothing per request is retained once the answers are out', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'vitest.config.ts runs the workers with --expose-gc').toBeTypeOf('function');
    h = await startHarness({ COUFUN_TIMEOUT_MS: String(TIMEOUT_MS), ALLOWED_CHANNEL_IDS: '*' }, { sandbox: { slowMs: 300 } });
    const harness = h;
    const burst = async (round: number): Promise<void> => {
      const requests = plan().map((r) => ({ ...r, user: `${r.user}R${round}` }));
      const answers = await Promise.all(requests.map((r) => harness.command({ text: `${GOODS} ${r.barcodes.join(' ')}`, user: r.user })));
      await Promise.all(answers.map((a) => harness.slack.post(a.responseUrl, 1, TIMEOUT_MS + 10_000)));
      expect(await until(() => harness.bot.work.size === 0, 5_000)).toBe(true);
    };
    const settledHeap = async (): Promise<number> => {
      // Let sockets close and timers fire, then collect twice (weak references need two passes).
      await new Promise((r) => setTimeout(r, 200));
      gc!();
      gc!();
      return process.memoryUsage().heapUsed;
    };
    // The first burst loads code paths and fills caches that live for the process.
    await burst(0);
    const baseline = await settledHeap();
    for (let round = 1; round <= 4; round += 1) await burst(round);
    const after = await settledHeap();
    // Four bursts of 60 requests, ~80 lookups each: a leak of even 20 KiB per request would
    // show as ~5 MB. The bound leaves room for the logs the harness itself keeps in memory.
    const logBytes = JSON.stringify(harness.logs).length * 2;
    expect(after - baseline).toBeLessThan(4 * 1024 * 1024 + logBytes);
  });
});

describe('the vendor deadline under concurrency', () => {
  it('cuts a hanging vendor off at COUFUN_TIMEOUT_MS, never before', async () => {
    // Staggered overlapping calls to a vendor that never answers. The deadline is a lower
    // bound a monotonic timer guarantees, so this holds however busy the machine is; a
    // coarser timer racing the deadline would end some calls early, with a TIMEOUT (and a
    // card saying "did not answer within 800 ms") before 800 ms had passed.
    const sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
    const client = createCoufunClient({ url: sandbox.url, timeoutMs: TIMEOUT_MS, env: {} });
    try {
      const calls = Array.from({ length: 16 }, async (_, i) => {
        await new Promise((r) => setTimeout(r, i * 37));
        const started = performance.now();
        const error = await client.query({ pocId: SANDBOX_POC_ID, goodsId: GOODS, barcode: 'FAULT-HANG' }).then(
          () => null,
          (e: unknown) => e,
        );
        const cause = (error as { cause?: { code?: string } } | null)?.cause?.code;
        return { error, elapsedMs: Math.round(performance.now() - started), cause };
      });
      const results = await Promise.all(calls);
      for (const r of results) expect(r.error).toBeInstanceOf(TimeoutError);
      // Rounded ms: allow 1 ms of rounding below the deadline.
      const early = results.filter((r) => r.elapsedMs < TIMEOUT_MS - 1).map(({ elapsedMs, cause }) => ({ elapsedMs, cause }));
      expect(early, 'calls ended before the deadline').toEqual([]);
    } finally {
      await client.close();
      await sandbox.close();
    }
  });
});
