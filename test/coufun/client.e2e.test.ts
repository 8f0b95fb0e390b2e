import { afterEach, describe, expect, it } from 'vitest';
import { createCoufunClient, type CoufunClient } from '../../src/coufun/client.js';
import { ValidationError } from '../../src/coufun/errors.js';
import { sendXml, serve, successFor, vendorFailure, type Loopback } from './client-servers.js';

const REQ = { pocId: 'POC01', goodsId: 'G100', barcode: '012345678901' };
const noSleep = async (): Promise<void> => {};

let server: Loopback | undefined;
let client: CoufunClient | undefined;
afterEach(async () => {
  await client?.close();
  await server?.close();
  client = server = undefined;
});

function clientFor(s: Loopback): CoufunClient {
  return createCoufunClient({ url: s.url, timeoutMs: 5000, env: {}, sleep: noSleep, clock: () => Date.UTC(2023, 9, 1) });
}

describe('createCoufunClient against a loopback vendor', () => {
  it('POSTs the form with the agreed headers and parses a success answer', async () => {
    server = await serve((seen, res) => sendXml(res, successFor(seen)));
    client = clientFor(server);
    const result = await client.query(REQ);

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.orders).toHaveLength(1);
    expect(result.orders[0]?.barcode).toBe('012345678901');
    expect(result.orders[0]?.remainAmount).toBe(2500);
    const seen = server.requests[0];
    expect(seen?.method).toBe('POST');
    expect(seen?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen?.headers.accept).toBe('text/xml, application/xml');
    expect(seen?.form.get('POC_ID')).toBe('POC01');
    expect(seen?.form.get('GOODS_ID')).toBe('G100');
    expect(seen?.form.get('BARCODE_NUM')).toBe('012345678901');
  });

  it('returns a vendor failure as a value, message decoded from EUC-KR, without retrying', async () => {
    server = await serve((_seen, res) => sendXml(res, vendorFailure('16', '바코드 오류')));
    client = clientFor(server);
    const result = await client.query(REQ);

    expect(result).toMatchObject({ ok: false, code: '16', message: '바코드 오류' });
    expect(server.requests).toHaveLength(1);
  });

  it('throws ValidationError before any request is sent', async () => {
    server = await serve((seen, res) => sendXml(res, successFor(seen)));
    client = clientFor(server);

    await expect(client.query({ ...REQ, barcode: '0123 4567' })).rejects.toBeInstanceOf(ValidationError);
    await expect(client.query({ ...REQ, goodsId: '' })).rejects.toMatchObject({ field: 'GOODS_ID', rule: 'required' });
    expect(server.requests).toHaveLength(0);
    expect(server.connectionCount()).toBe(0);
  });

  it('keeps the connection alive between queries', async () => {
    server = await serve((seen, res) => sendXml(res, successFor(seen)));
    client = clientFor(server);
    await client.query(REQ);
    // undici hands the socket back to the pool just after the body ends; give it that moment.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await client.query({ ...REQ, barcode: '999' });

    expect(server.requests).toHaveLength(2);
    expect(server.connectionCount()).toBe(1);
  });

  it("rejects with the caller's abort reason when the caller aborts", async () => {
    server = await serve(() => {
      // never answers
    });
    client = clientFor(server);
    const controller = new AbortController();
    const pending = client.query(REQ, { signal: controller.signal });
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 20);

    await expect(pending).rejects.toBe(reason);
  });
});
