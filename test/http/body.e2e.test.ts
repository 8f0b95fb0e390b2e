/**
 * readBody, the one request-body reader, against a real loopback server: a whole body, one over
 * the limit (cut at once, or drained so the 413 is read), a body too slow for its deadline, and
 * a client that hangs up. Every outcome is a value.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { readBody, type BodyResult, type ReadBodyOptions } from '../../src/http/body.js';
import { openRaw } from '../runtime/raw-http.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = undefined;
});

/** A server that reads each body with `options`, answers 200 or 413, and hands the results out. */
async function serve(options: ReadBodyOptions): Promise<{ port: number; results: BodyResult[] }> {
  const results: BodyResult[] = [];
  server = createServer((req, res) => {
    void readBody(req, options).then((read) => {
      results.push(read);
      if (read.ok || read.reason === 'too_large') res.writeHead(read.ok ? 200 : 413, { connection: 'close' }).end();
      else res.destroy();
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, results };
}

describe('readBody', () => {
  it('reads a whole body within the limit', async () => {
    const { port, results } = await serve({ limit: 10 });
    const res = await request(`http://127.0.0.1:${port}/`, { method: 'POST', body: '0123456789' });
    await res.body.text();
    expect(res.statusCode).toBe(200);
    expect(results).toEqual([{ ok: true, body: Buffer.from('0123456789') }]);
  });

  it('past the limit, decides at once without a drain', async () => {
    const { port, results } = await serve({ limit: 4 });
    const c = await openRaw(port);
    try {
      c.write('POST / HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\n\r\n5\r\n01234\r\n');
      await expect.poll(() => results).toEqual([{ ok: false, reason: 'too_large' }]);
    } finally {
      c.dispose();
    }
  });

  it('with a drain, reads the rest so the client gets its 413', async () => {
    const { port, results } = await serve({ limit: 4, drainUpTo: 1000 });
    const res = await request(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'x'.repeat(500) });
    await res.body.text();
    expect(res.statusCode).toBe(413);
    expect(results).toEqual([{ ok: false, reason: 'too_large' }]);
  });

  it('with a drain, cuts a body past the drain bound', async () => {
    const { port, results } = await serve({ limit: 4, drainUpTo: 100 });
    await request(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'x'.repeat(100_000) }).then(
      (res) => res.body.text(),
      () => undefined,
    );
    await expect.poll(() => results).toEqual([{ ok: false, reason: 'aborted' }]);
  });

  it('a body that does not arrive within the deadline is a timeout', async () => {
    const { port, results } = await serve({ limit: 100, timeoutMs: 100 });
    const c = await openRaw(port);
    try {
      c.write('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 10\r\n\r\n01');
      await expect.poll(() => results).toEqual([{ ok: false, reason: 'timeout' }]);
    } finally {
      c.dispose();
    }
  });

  it('a client that hangs up mid-body is aborted', async () => {
    const { port, results } = await serve({ limit: 100 });
    const c = await openRaw(port);
    c.write('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 10\r\n\r\n01');
    await new Promise((r) => setTimeout(r, 50));
    c.dispose();
    await expect.poll(() => results).toEqual([{ ok: false, reason: 'aborted' }]);
  });
});
