import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createCoufunClient, type CoufunClient, type CoufunClientOptions } from '../../src/coufun/client.js';
import { HttpStatusError, TimeoutError } from '../../src/coufun/errors.js';
import { sendXml, serve, successFor, vendorFailure, type Handler, type Loopback } from './client-servers.js';

const REQ = { pocId: 'POC01', goodsId: 'G100', barcode: '012345678901' };

let server: Loopback | undefined;
let client: CoufunClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

/** A client whose pauses are recorded instead of slept (the default jitter is replaced by 0.5 = none). */
async function setup(
  handler: Handler,
  options: Partial<CoufunClientOptions> = {},
): Promise<{ s: Loopback; c: CoufunClient; pauses: number[] }> {
  const pauses: number[] = [];
  server = await serve(handler);
  client = createCoufunClient({
    url: server.url,
    timeoutMs: 5000,
    env: {},
    random: () => 0.5,
    sleep: async (ms) => {
      pauses.push(ms);
    },
    ...options,
  });
  return { s: server, c: client, pauses };
}

const fail500Once: Handler = (seen, res, n) => (n === 1 ? res.writeHead(500).end() : sendXml(res, successFor(seen)));

describe('client retries', () => {
  it('retries a single HTTP 500 and returns the success, after one backoff pause', async () => {
    const { s, c, pauses } = await setup(fail500Once);
    const result = await c.query(REQ);

    expect(result.ok).toBe(true);
    expect(s.requests).toHaveLength(2);
    expect(pauses).toEqual([100]);
  });

  it('retries vendor code 50 (maintenance) and returns the success', async () => {
    const { s, c } = await setup((seen, res, n) => sendXml(res, n === 1 ? vendorFailure('50', '시스템 점검중') : successFor(seen)));
    const result = await c.query(REQ);

    expect(result.ok).toBe(true);
    expect(s.requests).toHaveLength(2);
  });

  it('retries code 50 only once, after a pause of about a second, then returns its answer', async () => {
    const { s, c, pauses } = await setup((_seen, res) => sendXml(res, vendorFailure('50', '시스템 점검중')));
    const result = await c.query(REQ);

    expect(result).toMatchObject({ ok: false, code: '50', message: '시스템 점검중' });
    expect(s.requests).toHaveLength(2);
    expect(pauses).toEqual([1000]);
  });

  it('does not retry code 50 when the long pause and a retry do not fit the deadline', async () => {
    // 1000 ms pause + 250 ms for the retry cannot fit in 1100 ms.
    const { s, c, pauses } = await setup((_seen, res) => sendXml(res, vendorFailure('50', '시스템 점검중')), { timeoutMs: 1100 });

    await expect(c.query(REQ)).resolves.toMatchObject({ ok: false, code: '50' });
    expect(s.requests).toHaveLength(1);
    expect(pauses).toEqual([]);
  });

  it('counts a code 50 retry toward the total: 500, then 50, then one last try', async () => {
    const answers = [
      (res: ServerResponse) => res.writeHead(500).end(),
      (res: ServerResponse) => sendXml(res, vendorFailure('50')),
      (res: ServerResponse) => res.writeHead(503).end(),
    ];
    const { s, c, pauses } = await setup((_seen, res, n) => answers[n - 1]?.(res));

    await expect(c.query(REQ)).rejects.toMatchObject({ name: 'HttpStatusError', status: 503 });
    expect(s.requests).toHaveLength(3);
    expect(pauses).toEqual([100, 1000]);
  });

  it('does not retry other vendor failure codes', async () => {
    const { s, c } = await setup((_seen, res) => sendXml(res, vendorFailure('01', 'IP 미등록')));

    await expect(c.query(REQ)).resolves.toMatchObject({ ok: false, code: '01' });
    expect(s.requests).toHaveLength(1);
  });

  it('honours maxRetries: 0', async () => {
    const { s, c } = await setup(fail500Once, { maxRetries: 0 });

    await expect(c.query(REQ)).rejects.toBeInstanceOf(HttpStatusError);
    expect(s.requests).toHaveLength(1);
  });

  it('never asks for more than two retries', async () => {
    const { s, c } = await setup((_seen, res) => res.writeHead(503).end(), { maxRetries: 10 });

    await expect(c.query(REQ)).rejects.toMatchObject({ status: 503 });
    expect(s.requests).toHaveLength(3);
  });

  it('does not start a pause that would run past the deadline: the last error is reported', async () => {
    // random 1 → the first pause is 150 ms, which a 120 ms deadline cannot hold.
    const { s, c, pauses } = await setup(fail500Once, { timeoutMs: 120, random: () => 1 });

    await expect(c.query(REQ)).rejects.toMatchObject({ name: 'HttpStatusError', status: 500 });
    expect(s.requests).toHaveLength(1);
    expect(pauses).toEqual([]);
  });

  it('reports the failure that led to the retry when the deadline passes during the pause', async () => {
    const { s, c } = await setup(fail500Once, {
      timeoutMs: 1000,
      // A pause that only ends when the deadline aborts it.
      sleep: (_ms, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });

    await expect(c.query(REQ)).rejects.toMatchObject({ name: 'HttpStatusError', status: 500 });
    expect(s.requests).toHaveLength(1);
  });

  it('reports the HTTP 500 that led to the retry when the deadline cuts the retry short, not a timeout', async () => {
    // The retry is never answered: only the deadline ends it.
    const { s, c, pauses } = await setup((_seen, res, n) => (n === 1 ? res.writeHead(500).end() : undefined), { timeoutMs: 1000 });

    await expect(c.query(REQ)).rejects.toMatchObject({ name: 'HttpStatusError', status: 500 });
    expect(s.requests).toHaveLength(2);
    expect(pauses).toEqual([100]);
  });

  it('returns the code 50 answer when the deadline cuts its retry short', async () => {
    const { s, c } = await setup((_seen, res, n) => (n === 1 ? sendXml(res, vendorFailure('50', '시스템 점검중')) : undefined), {
      timeoutMs: 1500,
    });

    await expect(c.query(REQ)).resolves.toMatchObject({ ok: false, code: '50', message: '시스템 점검중' });
    expect(s.requests).toHaveLength(2);
  });

  it('still reports TimeoutError when the first attempt is not answered in time', async () => {
    const { s, c } = await setup(() => undefined, { timeoutMs: 300 });

    await expect(c.query(REQ)).rejects.toBeInstanceOf(TimeoutError);
    expect(s.requests).toHaveLength(1);
  });

  it('lets the caller abort a retry with its own reason', async () => {
    const caller = new AbortController();
    const reason = new Error('user gave up');
    const { c } = await setup((_seen, res, n) => (n === 1 ? res.writeHead(500).end() : caller.abort(reason)));

    await expect(c.query(REQ, { signal: caller.signal })).rejects.toBe(reason);
  });

  it('waits for real with the default sleep', async () => {
    server = await serve(fail500Once);
    client = createCoufunClient({ url: server.url, timeoutMs: 5000, env: {} });

    await expect(client.query(REQ)).resolves.toMatchObject({ ok: true });
    expect(server.requests).toHaveLength(2);
  });
});
