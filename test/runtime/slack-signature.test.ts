import { describe, expect, it } from 'vitest';
import { checkSignatureHeaders, signatureMatches } from '../../src/runtime/slack-signature.js';
import { slackSignature } from '../support/signing.js';

const NOW = Date.UTC(2026, 0, 2, 3, 4, 5);
const SEC = Math.floor(NOW / 1000);
const sig = (ts: number, body = 'a=1', secret = 's3cret') => slackSignature(secret, ts, body);

describe('checkSignatureHeaders', () => {
  it.each([
    ['now', 0, true],
    ['4:59 ahead', 299, true],
    ['4:59 behind', -299, true],
    ['exactly 5 minutes ahead', 300, true],
    ['5:01 ahead', 301, false],
    ['5:01 behind', -301, false],
  ])('a timestamp %s → ok=%s', (_name, offset, ok) => {
    expect(checkSignatureHeaders({ signature: sig(SEC + offset), timestamp: String(SEC + offset) }, NOW).ok).toBe(ok);
  });

  it('names the reason', () => {
    const at = (ts: string, s: string | undefined = sig(SEC)) => checkSignatureHeaders({ signature: s, timestamp: ts }, NOW);
    expect(at(String(SEC + 400))).toEqual({ ok: false, reason: 'future' });
    expect(at(String(SEC - 400))).toEqual({ ok: false, reason: 'stale' });
    expect(checkSignatureHeaders({ signature: undefined, timestamp: String(SEC) }, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(checkSignatureHeaders({ signature: sig(SEC), timestamp: undefined }, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(at('12abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(at(String(SEC), 'v1=abc')).toEqual({ ok: false, reason: 'malformed' });
    expect(at(String(SEC), `v0=${'g'.repeat(64)}`)).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('signatureMatches', () => {
  it('accepts the HMAC of these exact bytes and refuses any other secret, time or body', () => {
    const body = Buffer.from('a=1');
    expect(signatureMatches('s3cret', SEC, body, sig(SEC))).toBe(true);
    expect(signatureMatches('other', SEC, body, sig(SEC))).toBe(false);
    expect(signatureMatches('s3cret', SEC + 1, body, sig(SEC))).toBe(false);
    expect(signatureMatches('s3cret', SEC, Buffer.from('a=2'), sig(SEC))).toBe(false);
  });

  it('covers non-ASCII bodies byte for byte', () => {
    const text = 'text=%EC%BF%A0%ED%8F%B0&x=쿠폰';
    expect(signatureMatches('s3cret', SEC, Buffer.from(text), sig(SEC, text))).toBe(true);
  });
});
