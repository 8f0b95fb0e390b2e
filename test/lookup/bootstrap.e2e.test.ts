import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_POC_ID } from '../../src/coufun/environments.js';
import type { CoufunConfig } from '../../src/config/coufun.js';
import { openLookup, type OpenedLookup } from '../../src/lookup/bootstrap.js';
import { sendXml, serve, successFor, type Loopback } from '../coufun/client-servers.js';

const SANDBOX_CONFIG: CoufunConfig = { env: 'sandbox', pocId: SANDBOX_POC_ID, url: null, timeoutMs: 2000, cacheTtlMs: 15_000 };
const SIM_GOODS = '0000999999';

let opened: OpenedLookup | undefined;
let vendor: Loopback | undefined;
afterEach(async () => {
  await opened?.close();
  await vendor?.close();
  opened = vendor = undefined;
});

describe('openLookup', () => {
  it('starts the sandbox on loopback when the sandbox has no URL, and uses it', async () => {
    opened = await openLookup(SANDBOX_CONFIG);

    expect(opened.sandbox).not.toBeNull();
    expect(opened.url).toBe(opened.sandbox?.url);
    expect(opened.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/b2c_api\/coufunPartAmountStatus\.do$/);
    const outcome = await opened.service.lookup(SIM_GOODS, 'SIM00000007');
    expect(outcome).toMatchObject({ ok: true, meta: { env: 'sandbox', cacheHit: false } });
    expect(opened.sandbox?.requestCount()).toBe(1);
  });

  it('never routes the started sandbox through an outbound proxy', async () => {
    // A proxy on a port nobody listens on: used, it would fail the lookup.
    const dead = await serve(() => {});
    await dead.close();
    opened = await openLookup(SANDBOX_CONFIG, { env: { HTTP_PROXY: `http://127.0.0.1:${dead.port}` } });

    await expect(opened.service.lookup(SIM_GOODS, 'SIM00000007')).resolves.toMatchObject({ ok: true });
  });

  it('closes the service and then the sandbox', async () => {
    const o = await openLookup(SANDBOX_CONFIG);
    const url = o.url;
    await o.close();

    await expect(request(url, { method: 'POST', body: '' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('uses config.url as given, without a sandbox', async () => {
    vendor = await serve((seen, res) => sendXml(res, successFor(seen)));
    opened = await openLookup({ env: 'test', pocId: 'POC01', url: vendor.url, timeoutMs: 2000, cacheTtlMs: 0 }, { env: {} });

    expect(opened.sandbox).toBeNull();
    expect(opened.url).toBe(vendor.url);
    await expect(opened.service.lookup('G100', '012345678901')).resolves.toMatchObject({ ok: true, meta: { env: 'test' } });
    expect(vendor.requests[0]?.form.get('POC_ID')).toBe('POC01');
  });

  it('gives the sandbox the configured POC_ID', async () => {
    opened = await openLookup({ ...SANDBOX_CONFIG, pocId: 'MYPOC' });
    await expect(opened.service.lookup(SIM_GOODS, 'SIM00000007')).resolves.toMatchObject({ ok: true });
  });

  it('lets deps.sandbox override the sandbox options', async () => {
    opened = await openLookup(SANDBOX_CONFIG, { sandbox: { pocId: 'OTHER' } });
    // The sandbox now expects another POC_ID and answers vendor code 02.
    await expect(opened.service.lookup(SIM_GOODS, 'SIM00000007')).resolves.toMatchObject({ ok: false, error: { vendorCode: '02' } });
  });
});
