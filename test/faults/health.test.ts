/**
 * `GET /healthz` on the bot's own HTTP server: "ok", "degraded" after HEALTH_DEGRADED_AFTER
 * vendor failures in a row (read from counters, so a probe never calls the vendor), back to
 * "ok" after a success, and 503 "shutting_down" while a stop drains.
 */
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { allText, startHarness, type Harness } from '../support/bot-harness.js';

const GOODS = '0000133518';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Probe {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: Record<string, unknown>;
}

async function healthz(harness: Harness, method: 'GET' | 'HEAD' = 'GET'): Promise<Probe> {
  const res = await request(`http://127.0.0.1:${harness.bot.port}/healthz`, { method });
  const text = await res.body.text();
  const contentType = res.headers['content-type'];
  return {
    status: res.statusCode,
    contentType: typeof contentType === 'string' ? contentType : undefined,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** One /coupon, waited for until its card arrived and the work behind it ended. */
async function lookUp(harness: Harness, barcode: string): Promise<string> {
  const answer = await harness.command({ text: `${GOODS} ${barcode}` });
  expect(answer.status).toBe(200);
  const card = allText(await harness.slack.post(answer.responseUrl));
  for (let i = 0; harness.bot.work.size > 0 && i < 250; i++) await new Promise((r) => setTimeout(r, 20));
  return card;
}

describe('/healthz', () => {
  it('answers 200 ok with the mode, environment and counters, and nothing secret', async () => {
    h = await startHarness({ HEALTH_DEGRADED_AFTER: '2' });
    const probe = await healthz(h);
    expect(probe.status).toBe(200);
    expect(probe.contentType).toContain('application/json');
    expect(probe.body).toMatchObject({
      status: 'ok',
      mode: 'http',
      coufunEnv: 'sandbox',
      vendor: { consecutiveFailures: 0, lookups: 0, requests: 0 },
      inFlight: 0,
    });
    expect(typeof probe.body.version).toBe('string');
    const text = JSON.stringify(probe.body);
    expect(text).not.toContain('xoxb-');
    expect(text).not.toContain('test-signing-secret');

    const head = await healthz(h, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toEqual({});
  });

  it('turns degraded after HEALTH_DEGRADED_AFTER vendor failures in a row, without asking the vendor, and recovers on a success', async () => {
    h = await startHarness({ HEALTH_DEGRADED_AFTER: '2', COUFUN_TIMEOUT_MS: '2000' });
    const harness = h;
    const sandbox = harness.bot.lookup.sandbox!;

    expect(await lookUp(harness, 'FAULT-500')).toContain('HTTP 500');
    // One failure is below the threshold.
    expect((await healthz(harness)).body).toMatchObject({ status: 'ok', vendor: { consecutiveFailures: 1 } });

    // An operator-side vendor code counts as a failure too (the vendor is up but unusable).
    await lookUp(harness, 'ERR01-IP');
    const requestsBefore = sandbox.requestCount();
    const countersBefore = harness.bot.lookup.service.health();
    const probes = [];
    for (let i = 0; i < 5; i++) probes.push(await healthz(harness));
    for (const probe of probes) {
      // Degraded is still HTTP 200: the bot itself works and must not be restarted for it.
      expect(probe.status).toBe(200);
      expect(probe.body).toMatchObject({ status: 'degraded', vendor: { consecutiveFailures: 2 } });
    }
    expect(sandbox.requestCount()).toBe(requestsBefore);
    expect(harness.bot.lookup.service.health()).toEqual(countersBefore);

    expect(await lookUp(harness, '001133518002')).toContain('사용');
    expect((await healthz(harness)).body).toMatchObject({ status: 'ok', vendor: { consecutiveFailures: 0 } });
  });

  it('a user-side vendor answer (already used coupon) resets the count: the vendor is up', async () => {
    h = await startHarness({ HEALTH_DEGRADED_AFTER: '2', COUFUN_TIMEOUT_MS: '2000' });
    await lookUp(h, 'FAULT-HTML');
    await lookUp(h, 'ERR17-USED');
    await lookUp(h, 'FAULT-HTML');
    expect((await healthz(h)).body).toMatchObject({ status: 'ok', vendor: { consecutiveFailures: 1 } });
  });

  it('says shutting_down with 503 while a stop drains, and Slack requests get 503', async () => {
    h = await startHarness({ HEALTH_DEGRADED_AFTER: '2' }, { sandbox: { slowMs: 400 } });
    const harness = h;
    const slow = await harness.command({ text: `${GOODS} FAULT-SLOW` });
    expect(slow.status).toBe(200);

    const stopped = harness.bot.stop('test');
    const probe = await healthz(harness);
    expect(probe.status).toBe(503);
    expect(probe.body).toMatchObject({ status: 'shutting_down', inFlight: 1 });
    const late = await harness.command({ text: `${GOODS} 001133518001` });
    expect(late.status).toBe(503);

    expect(await stopped).toEqual({ drained: true });
    expect(allText(harness.slack.postsTo(slow.responseUrl)[0])).toContain('미사용');
    expect(harness.slack.postsTo(late.responseUrl)).toEqual([]);
  });
});
