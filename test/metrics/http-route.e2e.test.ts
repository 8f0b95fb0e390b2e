/** The `/metrics` route of the HTTP front: served with the scrape's own content type, 404 without it. */
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpFront, type HttpFront } from '../../src/runtime/http-front.js';
import { createLogger } from '../../src/log/logger.js';

const fronts: HttpFront[] = [];
const lines: string[] = [];
const logger = createLogger({ level: 'info', sink: (l) => lines.push(l) });

async function front(metrics?: () => Promise<{ contentType: string; body: string }>): Promise<string> {
  const f = await startHttpFront({
    slack: null,
    port: 0,
    host: '127.0.0.1',
    health: () => ({ status: 'ok' }),
    logger,
    ...(metrics ? { metrics } : {}),
  });
  fronts.push(f);
  return `http://127.0.0.1:${f.port}`;
}

afterEach(async () => {
  await Promise.all(fronts.splice(0).map((f) => f.close()));
});

describe('GET /metrics on the HTTP front', () => {
  it('serves the scrape with its content type, fresh on every request', async () => {
    let n = 0;
    const base = await front(async () => ({ contentType: 'text/plain; version=0.0.4; charset=utf-8', body: `demo_total ${++n}\n` }));
    const first = await request(`${base}/metrics`);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-store');
    expect(await first.body.text()).toBe('demo_total 1\n');
    const second = await request(`${base}/metrics?x=1`);
    expect(await second.body.text()).toBe('demo_total 2\n');
  });

  it('is 404 when the front has no metrics, and only answers GET/HEAD', async () => {
    const bare = await front();
    const res = await request(`${bare}/metrics`);
    expect(res.statusCode).toBe(404);
    await res.body.text();
    const base = await front(async () => ({ contentType: 'text/plain', body: 'x 1\n' }));
    const post = await request(`${base}/metrics`, { method: 'POST', body: '' });
    expect(post.statusCode).toBe(404);
    await post.body.text();
  });

  it('answers 500 and logs when the scrape fails', async () => {
    const base = await front(async () => {
      throw new Error('collector broke');
    });
    const res = await request(`${base}/metrics`);
    expect(res.statusCode).toBe(500);
    await res.body.text();
    expect(lines.some((l) => l.includes('metrics_failed'))).toBe(true);
  });
});
