/**
 * A bug inside a lookup, end to end through the real bot: the decoder throws an ordinary
 * TypeError (as a bug would) for one barcode. The card says the bot, not Coufun, failed, with a
 * reference; the log has that reference at `error` with the redacted message and the stack;
 * the audit line says INTERNAL; and /healthz does not count it as vendor trouble.
 */
import iconv from 'iconv-lite';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { allText, startHarness, type Harness } from '../support/bot-harness.js';

const BUGGY = 'SIM0000BUG01';
const CUSTOMER_PHONE = '010-9876-5432';
const FULL_BARCODE = '012345678902';

describe('an unexpected exception inside a lookup', () => {
  let h: Harness;
  beforeAll(async () => {
    const decode = iconv.decode.bind(iconv);
    vi.spyOn(iconv, 'decode').mockImplementation((bytes, encoding, options) => {
      if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(BUGGY))
        throw new TypeError(`cannot read ${FULL_BARCODE} for ${CUSTOMER_PHONE}`);
      return decode(bytes, encoding, options);
    });
    h = await startHarness({ HEALTH_DEGRADED_AFTER: '1' });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await h?.close();
  });

  it('is a bug with a reference on the card and in the log, not a network problem', async () => {
    const { status, responseUrl } = await h.command({ text: `0000999999 ${BUGGY}`, user: 'U0BUG' });
    expect(status).toBe(200);
    const card = allText(await h.slack.post(responseUrl));
    expect(card).toContain('봇 내부 오류');
    expect(card).not.toContain('연결'); // not "could not connect"
    const ref = /참조 ([0-9a-f]{8})/.exec(card)?.[1];
    expect(ref, card).toBeDefined();

    const audit = h.logs.find((l) => l.msg === 'lookup' && String(l.barcode).endsWith('UG01'));
    expect(audit).toMatchObject({ level: 'info', outcome: 'INTERNAL', ref });

    const bug = h.logs.find((l) => l.msg === 'lookup_internal_error');
    expect(bug).toMatchObject({ level: 'error', ref, entry: 'command', goods: '0000999999' });
    expect(bug!.error).toBe('TypeError: cannot read ••••8902 for ••••5432');
    expect(String(bug!.stack)).toMatch(/internal-error\.test\.ts|charset/);

    const everything = JSON.stringify(h.logs);
    expect(everything).not.toContain(FULL_BARCODE);
    expect(everything).not.toContain(CUSTOMER_PHONE);
    expect(everything).not.toContain('9876');
    expect(everything).not.toContain(BUGGY);

    // HEALTH_DEGRADED_AFTER=1: one vendor failure would say degraded; a bug does not.
    const health = await request(`http://127.0.0.1:${h.bot.port}/healthz`);
    expect(JSON.parse(await health.body.text())).toMatchObject({ status: 'ok', vendor: { consecutiveFailures: 0 } });
  });
});
