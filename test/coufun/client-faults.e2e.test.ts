import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoufunClient, type CoufunClient, type CoufunClientOptions } from '../../src/coufun/client.js';
import { BadResponseError, HttpStatusError, NetworkError, OversizeError, TimeoutError } from '../../src/coufun/errors.js';
import { eucKr, MANUAL_SUCCESS_XML } from './fixtures.js';
import { sendXml, serve, successFor, type Handler, type Loopback } from './client-servers.js';

const REQ = { pocId: 'POC01', goodsId: 'G100', barcode: '012345678901' };

const servers: Loopback[] = [];
let client: CoufunClient | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function vendor(handler: Handler): Promise<Loopback> {
  const s = await serve(handler);
  servers.push(s);
  return s;
}

function clientFor(s: Loopback, options: Partial<CoufunClientOptions> = {}): CoufunClient {
  client = createCoufunClient({ url: s.url, timeoutMs: 5000, env: {}, sleep: async () => {}, ...options });
  return client;
}

const hang = (): void => {};

/** Streams `chunk` until the client goes away or `limit` bytes are written; reports bytes written. */
function streamForever(res: ServerResponse, written: { bytes: number }, limit: number): void {
  const chunk = Buffer.alloc(16 * 1024, 0x41);
  res.writeHead(200, { 'content-type': 'text/xml; charset=EUC-KR' });
  const pump = (): void => {
    while (!res.destroyed && written.bytes < limit) {
      written.bytes += chunk.byteLength;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  pump();
}

describe('client deadline', () => {
  it('gives up on a hanging server with TimeoutError, once, and closes the socket', async () => {
    const s = await vendor(hang);
    const c = clientFor(s, { timeoutMs: 300 });

    const error = await c.query(REQ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(300);
    expect(s.requests).toHaveLength(1);
    await s.allSocketsClosed();
  });

  it('also times out when headers arrive but the body never ends', async () => {
    const s = await vendor((_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/xml; charset=EUC-KR' });
      res.write('<?xml version="1.0"?><COUFUNSEARCH>');
    });
    const c = clientFor(s, { timeoutMs: 300 });

    await expect(c.query(REQ)).rejects.toBeInstanceOf(TimeoutError);
    expect(s.requests).toHaveLength(1);
    await s.allSocketsClosed();
  });
});

describe('client transport failures', () => {
  it('reports a refused connection as NetworkError after its retries', async () => {
    const s = await serve(hang);
    await s.close(); // the port is now closed
    client = createCoufunClient({ url: s.url, timeoutMs: 5000, env: {}, sleep: async () => {} });

    await expect(client.query(REQ)).rejects.toMatchObject({ name: 'NetworkError', reason: 'connection refused' });
  });

  it('reports a reset connection as NetworkError and retries it', async () => {
    const s = await vendor((_seen, res) => res.socket?.resetAndDestroy());
    const c = clientFor(s);

    const error = await c.query(REQ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).reason).toBe('connection reset');
    expect(s.requests).toHaveLength(3);
  });

  it('reports a body cut short (content-length not reached) as NetworkError', async () => {
    const s = await vendor((_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': 1000 });
      res.write('<?xml version="1.0"?>');
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const c = clientFor(s, { maxRetries: 0 });

    await expect(c.query(REQ)).rejects.toMatchObject({ name: 'NetworkError', reason: 'connection closed' });
  });

  it('reports a non-HTTP answer as NetworkError without retrying', async () => {
    const s = await vendor((_seen, res) => res.socket?.end('SSH-2.0-OpenSSH\r\n\r\n'));
    const c = clientFor(s);

    await expect(c.query(REQ)).rejects.toMatchObject({ name: 'NetworkError', reason: 'invalid HTTP response' });
    expect(s.requests).toHaveLength(1);
  });
});

describe('client HTTP status handling', () => {
  it('retries HTTP 500 and then throws HttpStatusError(500)', async () => {
    const s = await vendor((_seen, res) => res.writeHead(500, { 'content-type': 'text/html' }).end('<html>oops</html>'));
    const c = clientFor(s);

    const error = await c.query(REQ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect((error as HttpStatusError).status).toBe(500);
    expect(s.requests).toHaveLength(3);
  });

  it('does not retry a 4xx', async () => {
    const s = await vendor((_seen, res) => res.writeHead(403).end('forbidden'));
    const c = clientFor(s);

    await expect(c.query(REQ)).rejects.toMatchObject({ name: 'HttpStatusError', status: 403 });
    expect(s.requests).toHaveLength(1);
  });

  it('does not follow a 302', async () => {
    const target = await vendor((seen, res) => sendXml(res, successFor(seen)));
    const s = await vendor((_seen, res) => res.writeHead(302, { location: target.url }).end());
    const c = clientFor(s);

    await expect(c.query(REQ)).rejects.toMatchObject({ name: 'HttpStatusError', status: 302 });
    expect(s.requests).toHaveLength(1);
    expect(target.requests).toHaveLength(0);
  });
});

describe('client body handling', () => {
  it('turns an HTML page into BadResponseError without retrying', async () => {
    const s = await vendor((_seen, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Maintenance</body></html>'),
    );
    const c = clientFor(s);

    await expect(c.query(REQ)).rejects.toBeInstanceOf(BadResponseError);
    expect(s.requests).toHaveLength(1);
  });

  it('turns XML cut off mid-document into BadResponseError', async () => {
    const cut = eucKr(MANUAL_SUCCESS_XML).subarray(0, 200);
    const s = await vendor((_seen, res) => res.writeHead(200, { 'content-type': 'text/xml; charset=EUC-KR' }).end(cut));
    const c = clientFor(s);

    await expect(c.query(REQ)).rejects.toBeInstanceOf(BadResponseError);
    expect(s.requests).toHaveLength(1);
  });

  it('refuses an announced content-length over the cap before reading the body', async () => {
    const s = await vendor((_seen, res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': 1024 * 1024 });
      res.write('<');
    });
    const c = clientFor(s, { maxBodyBytes: 64 * 1024 });

    const error = await c.query(REQ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OversizeError);
    expect((error as OversizeError).limitBytes).toBe(64 * 1024);
    expect(s.requests).toHaveLength(1);
    await s.allSocketsClosed();
  });

  it('stops reading a chunked body once it passes the cap, without retrying', async () => {
    const limit = 8 * 1024 * 1024;
    const written = { bytes: 0 };
    const s = await vendor((_seen, res) => streamForever(res, written, limit));
    const c = clientFor(s, { maxBodyBytes: 64 * 1024 });

    await expect(c.query(REQ)).rejects.toBeInstanceOf(OversizeError);
    await s.allSocketsClosed();
    expect(s.requests).toHaveLength(1);
    // The server was cut off long before it could send everything.
    expect(written.bytes).toBeLessThan(limit);
  });
});

describe('client: failures a retry cannot fix', () => {
  it('an unknown host is a non-retryable network error, tried once', async () => {
    const { Agent } = await import('undici');
    let lookups = 0;
    // The resolver is replaced, so no DNS query leaves the machine.
    const dispatcher = new Agent({
      connect: {
        lookup: (_host: string, _opts: unknown, cb: (err: Error | null, address: string, family: number) => void) => {
          lookups += 1;
          cb(Object.assign(new Error('getaddrinfo ENOTFOUND coufun.test'), { code: 'ENOTFOUND' }), '', 4);
        },
      },
    });
    const client = createCoufunClient({ url: 'http://coufun.test:446/b2c_api/coufunPartAmountStatus.do', timeoutMs: 5000, dispatcher });
    try {
      const result = await client.query({ pocId: 'SANDBOX', goodsId: '0000999999', barcode: '012345678902' }).catch((e: unknown) => e);
      expect(result).toBeInstanceOf(NetworkError);
      expect(result).toMatchObject({ reason: 'DNS lookup failed', retryable: false });
      expect(lookups).toBe(1);
    } finally {
      await client.close();
      await dispatcher.close();
    }
  });
});
