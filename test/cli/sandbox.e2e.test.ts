/**
 * `npm run sandbox` in-process (`runSandbox`): `--list` shows the very listing
 * `npm run lookup -- --list` shows (one renderer serves both), then the rules; without it, a
 * real simulator serves on loopback until closed.
 */
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { renderSeedList } from '../../src/cli/print.js';
import { runSandbox } from '../../src/cli/sandbox.js';
import { SANDBOX_GOODS } from '../../src/coufun/environments.js';
import { SANDBOX_SEEDS } from '../../src/coufun/sandbox/seeds.js';
import { captureIo } from './io.js';

describe('npm run sandbox', () => {
  it('--list prints the lookup CLI seed listing, then the rules, and exits 0', async () => {
    const io = captureIo();
    expect(await runSandbox(['--list'], {}, io)).toEqual({ code: 0 });
    expect(io.err()).toBe('');
    expect(io.out().startsWith(renderSeedList(SANDBOX_SEEDS, SANDBOX_GOODS))).toBe(true);
    expect(io.out()).toContain('Rules: any other barcode answers code 16');
    expect(io.out()).toContain('a POC_ID other than SANDBOX answers 02');
  });

  it('an unknown option or a bad SANDBOX_PORT: exit 2 with the problem, nothing started', async () => {
    const bad = captureIo();
    expect(await runSandbox(['--bogus'], {}, bad)).toEqual({ code: 2 });
    expect(bad.err()).toContain("'--bogus'");
    expect(bad.err()).toContain('Usage: npm run sandbox');

    const port = captureIo();
    expect(await runSandbox([], { SANDBOX_PORT: '70000', SANDBOX_DELAY_MS: 'x' }, port)).toEqual({ code: 2 });
    expect(port.err()).toContain('SANDBOX_PORT="70000" must be a whole number from 0 to 65535.');
    expect(port.err()).toContain('SANDBOX_DELAY_MS="x"');
  });

  it('serves on 127.0.0.1 at SANDBOX_PORT (0 = any) and says how to point the CLI at it', async () => {
    const io = captureIo();
    const result = await runSandbox([], { SANDBOX_PORT: '0' }, io);
    if (result.sandbox === undefined) throw new Error(`expected a running sandbox, got code ${result.code}: ${io.err()}`);
    try {
      expect(result.sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
      expect(io.out()).toContain(`COUFUN_URL=${result.sandbox.url} npm run lookup -- ...`);
      const res = await request(result.sandbox.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'POC_ID=SANDBOX&GOODS_ID=0000999999&BARCODE_NUM=012345678902',
      });
      await res.body.arrayBuffer();
      expect(res.statusCode).toBe(200);
      expect(result.sandbox.requestCount('012345678902')).toBe(1);
    } finally {
      await result.sandbox.close();
    }
  });
});
