/** The sandbox's HTTP edges, as a server would answer them: a body over its limit is read to the end and answered 413. */
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_MAX_BODY_BYTES, SANDBOX_PATH, startSandbox, type SandboxHandle } from '../../../src/coufun/sandbox/server.js';
import { FORM, lookup } from './http.js';

let sandbox: SandboxHandle;
beforeAll(async () => {
  sandbox = await startSandbox({ host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('sandbox server: request bodies', () => {
  it('answers a lookup of ordinary size', async () => {
    expect((await lookup(sandbox.url, '0000999999', '012345678902')).status).toBe(200);
  });

  it('answers 413 (not a reset) to a body over its limit', async () => {
    const res = await request(sandbox.url, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: `POC_ID=SANDBOX&PAD=${'x'.repeat(SANDBOX_MAX_BODY_BYTES)}`,
    });
    await res.body.arrayBuffer();
    expect(res.statusCode).toBe(413);
  });

  it('answers 405 to another method and 404 elsewhere', async () => {
    const origin = new URL(sandbox.url).origin;
    const get = await request(`${origin}${SANDBOX_PATH}`);
    await get.body.arrayBuffer();
    expect(get.statusCode).toBe(405);
    const other = await request(`${origin}/elsewhere`, { method: 'POST', body: '' });
    await other.body.arrayBuffer();
    expect(other.statusCode).toBe(404);
  });
});
