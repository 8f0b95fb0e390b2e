import { describe, expect, it } from 'vitest';
import { redact, redactFields } from '../../src/log/redact.js';
import { maskLastFour as lastFour } from '../../src/text/masks.js';

const BOT_TOKEN = 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx';
const APP_TOKEN = 'xapp-1-A0123BCDEFG-1234567890123-abcdef0123456789abcdef0123456789abcdef01';
const SIGNING_SECRET = '8f14e45fceea167a5a36dedd4bea2543';

describe('lastFour', () => {
  it('keeps only the last four letters or digits', () => {
    expect(lastFour('012345678901')).toBe('••••8901');
    expect(lastFour('0123-4567-8901')).toBe('••••8901');
    expect(lastFour('1234')).toBe('••••');
  });
});

describe('redact (free text)', () => {
  it.each([
    ['bot token', `auth failed for ${BOT_TOKEN} today`, BOT_TOKEN, 'xoxb-[redacted]'],
    ['app token', `socket: ${APP_TOKEN}`, APP_TOKEN, 'xapp-[redacted]'],
    ['user token', 'xoxp-11-22-33-abcdef', 'xoxp-11-22-33-abcdef', 'xoxp-[redacted]'],
    ['refresh token', 'xoxe.xoxp-1-abcdef', 'xoxe.xoxp-1-abcdef', 'xoxe.xoxp-[redacted]'],
    ['client token', 'xoxc-123-abc', 'xoxc-123-abc', 'xoxc-[redacted]'],
  ])('removes a %s', (_name, text, secret, marker) => {
    const out = redact(text);
    expect(out).not.toContain(secret);
    expect(out).toContain(marker);
  });

  it.each([
    ['signing_secret=…', `signing_secret=${SIGNING_SECRET}`],
    ['JSON secret', `{"secret":"${SIGNING_SECRET}"}`],
    ['env style', `SLACK_SIGNING_SECRET=${SIGNING_SECRET}`],
    ['bare 32-hex secret', `verifying with ${SIGNING_SECRET} failed`],
    ['bearer header', `authorization: Bearer ${SIGNING_SECRET}`],
  ])('removes a signing secret: %s', (_name, text) => {
    const out = redact(text);
    expect(out).not.toContain(SIGNING_SECRET);
    expect(out).not.toContain(SIGNING_SECRET.slice(0, 12));
  });

  it('removes an opaque bearer credential, not just the word "Bearer"', () => {
    const out = redact('Authorization: Bearer opaque-Credential_42');
    expect(out).not.toContain('opaque');
    expect(out).toContain('Bearer [redacted]');
  });

  it.each([
    ['plain barcode', '조회 012345678901 실패', '012345678901'],
    ['hyphenated barcode', '쿠폰 0123-4567-8901', '0123-4567-8901'],
    ['spaced barcode', '쿠폰 0123 4567 8901', '0123 4567 8901'],
    ['alphanumeric barcode', 'code SIM12345678AB rejected', 'SIM12345678AB'],
  ])('shortens a %s to its last four', (_name, text, full) => {
    const out = redact(text);
    expect(out).not.toContain(full);
    expect(out.replace(/\D/g, '')).not.toMatch(/\d{5,}/);
  });

  it.each([
    ['mobile with hyphens', '010-9876-5432'],
    ['mobile without separators', '01098765432'],
    ['mobile with spaces', '010 9876 5432'],
    ['mobile with dots', '010.9876.5432'],
    ['mobile with brackets', '(010) 9876-5432'],
    ['international', '+82 10-9876-5432'],
    ['international with dots', '+82 10.9876.5432'],
    ['Seoul landline', '02-987-6543'],
  ])('never prints a full phone number: %s', (_name, phone) => {
    const out = redact(`수신번호 ${phone} 확인`);
    expect(out).not.toContain(phone);
    // No more than the last four digits of the number survive.
    expect(out).not.toMatch(/\d{5,}/);
    expect(out).not.toContain('9876');
    expect(out).not.toContain('987-');
  });

  it('leaves ordinary text, short numbers, loopback addresses and times alone', () => {
    const text = 'listening on http://127.0.0.1:3000/slack/events after 850 ms, retry 2 of 3 at 12:30';
    expect(redact(text)).toBe(text);
  });

  it('is idempotent', () => {
    const once = redact(`${BOT_TOKEN} signing_secret=${SIGNING_SECRET} 010-9876-5432 012345678901`);
    expect(redact(once)).toBe(once);
  });
});

describe('redactFields (structured fields)', () => {
  it('masks barcodes by name, whatever their length or shape', () => {
    const out = redactFields({ barcode: 'AB12345', BARCODE_NUM: '012345678901', barcodes: ['SIM0001234567', '99887766554433'] });
    expect(out).toEqual({ barcode: '••••', BARCODE_NUM: '••••8901', barcodes: ['••••4567', '••••4433'] });
  });

  it('keeps a barcode that is already masked at the source', () => {
    expect(redactFields({ barcode: '••••8901' })).toEqual({ barcode: '••••8901' });
  });

  it('masks phone numbers by name, including numeric values', () => {
    const out = redactFields({ phone: '010-9876-5432', receiverTel: '01098765432', RECV_TEL: 1098765432, mobile: '+82 10 9876 5432' });
    expect(JSON.stringify(out)).not.toMatch(/9876/);
    expect(out.phone).toBe('••••5432');
    expect(out.RECV_TEL).toBe('••••5432');
  });

  it('does not treat unrelated names containing "tel" as phone numbers', () => {
    expect(redactFields({ hotel: 'Lotte', telemetry: 'on' })).toEqual({ hotel: 'Lotte', telemetry: 'on' });
  });

  it('replaces credentials by name, whatever their shape', () => {
    const out = redactFields({ token: 'not-a-slack-shape', signingSecret: 'short', password: 12345, authorization: 'Basic Zm9vOmJhcg==' });
    expect(out).toEqual({ token: '[redacted]', signingSecret: '[redacted]', password: '[redacted]', authorization: '[redacted]' });
  });

  it('cleans any other string like free text', () => {
    const out = redactFields({
      detail: `failed with ${BOT_TOKEN}`,
      note: '고객 010-9876-5432 쿠폰 012345678901',
      secretless: SIGNING_SECRET,
    });
    const json = JSON.stringify(out);
    expect(json).not.toContain(BOT_TOKEN);
    expect(json).not.toContain('9876');
    expect(json).not.toContain('012345678901');
    expect(json).not.toContain(SIGNING_SECRET);
  });

  it('keeps Slack and goods identifiers readable (only tokens are removed there)', () => {
    const ids = { user: 'U012345678', channel: 'C0123456789', goods: '0000133518', threadTs: '1712345678.123456' };
    expect(redactFields(ids)).toEqual(ids);
    expect(redactFields({ user: BOT_TOKEN })).toEqual({ user: 'xoxb-[redacted]' });
  });

  it('walks nested objects and arrays, and leaves numbers and booleans alone', () => {
    const out = redactFields({
      ctx: { barcode: '012345678901', nested: [{ token: 'x' }] },
      latencyMs: 12345678901,
      cacheHit: true,
      none: null,
    });
    expect(out).toEqual({
      ctx: { barcode: '••••8901', nested: [{ token: '[redacted]' }] },
      latencyMs: 12345678901,
      cacheHit: true,
      none: null,
    });
  });

  it('survives a cyclic object', () => {
    const a: Record<string, unknown> = { barcode: '012345678901' };
    a.self = a;
    const out = redactFields({ a });
    expect(() => JSON.stringify(out)).not.toThrow();
    expect(JSON.stringify(out)).not.toContain('012345678901');
  });

  it('turns an Error value into redacted text', () => {
    const out = redactFields({ cause: new Error(`bad token ${BOT_TOKEN}`) });
    expect(out.cause).toBe('Error: bad token xoxb-[redacted]');
  });
});
