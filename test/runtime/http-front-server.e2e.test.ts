/**
 * The HTTP front's server without Slack (Socket Mode's health port): the connection cap,
 * `/healthz` and `/metrics`.
 */
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { startHttpFront, type HttpFront, type HttpFrontOptions } from '../../src/runtime/http-front.js';
import { head, openRaw, within, type RawConnection } from './raw-http.js';

const lines: Record<string, unknown>[] = [];
const logger = createLogger({ sink: (l) => lines.push(JSON.parse(l) as Record<string, unknown>) });
let front: HttpFront | undefined;
const open: RawConnection[] = [];

async function start(extra: Partial<HttpFrontOptions> = {}): Promise<HttpFront> {
  front = await startHttpFront({ slack: null, port: 0, host: '127.0.0.1', health: () => ({ status: 'ok' }), logger, ...extra });
  return front;
}

afterEach(async () => {
  for (const c of open.splice(0)) c.dispose();
  await front?.close();
  front = undefined;
});

describe('HTTP front server', () => {
  it('caps concurrent connections: one past the cap is closed at once, the others still work', async () => {
    const f = await start({ limits: { maxConnections: 3 } });
    for (let i = 0; i < 3; i++) open.push(await openRaw(f.port));
    const extra = await openRaw(f.port);
    open.push(extra);
    await within(extra.closed, 10_000, 'connection past the cap closed');
    expect(extra.received()).toBe('');
    const first = open[0]!;
    first.write(head({}, '/healthz', 'GET'));
    for (let i = 0; i < 100 && first.status() === undefined; i++) await new Promise((r) => setTimeout(r, 20));
    expect(first.status()).toBe(200);
  });

  it('serves GET /metrics from its source, and 404 without one', async () => {
    const without = await start();
    const none = await request(`http://127.0.0.1:${without.port}/metrics`);
    await none.body.text();
    expect(none.statusCode).toBe(404);
    await without.close();

    const f = await start({ metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'coupon_lookups_total 3\n' }) });
    const res = await request(`http://127.0.0.1:${f.port}/metrics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4');
    expect(await res.body.text()).toBe('coupon_lookups_total 3\n');
  });

  it('a failing metrics source is a 500 and a log line, not a hang', async () => {
    const f = await start({ metrics: async () => Promise.reject(new Error('registry broke')) });
    const res = await request(`http://127.0.0.1:${f.port}/metrics`);
    await res.body.text();
    expect(res.statusCode).toBe(500);
    expect(lines.some((l) => l.msg === 'metrics_failed')).toBe(true);
  });

  it('without Slack (Socket Mode) /slack/events is not served', async () => {
    const f = await start();
    const res = await request(`http://127.0.0.1:${f.port}/slack/events`, { method: 'POST', body: '{}' });
    await res.body.text();
    expect(res.statusCode).toBe(404);
  });
});
