/**
 * Slack request signing (v0), checked by us before anything reaches Bolt: `X-Slack-Signature`
 * is `v0=` + hex HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`). The timestamp must
 * lie within `windowMs` of now in **both** directions (Bolt only rejects the past), so a
 * signature cannot be minted for later use. Pure apart from the HMAC; the clock is a parameter.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window: requests dated more than five minutes away from now are refused. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;

export type SignatureFailure = 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch';

export interface SignatureHeaders {
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

export type HeaderCheck =
  | { readonly ok: true; readonly timestampSec: number; readonly signature: string }
  | { readonly ok: false; readonly reason: SignatureFailure };

const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;

/** The part of the check that needs no body: present, well-formed, and dated inside the window. */
export function checkSignatureHeaders(headers: SignatureHeaders, nowMs: number, windowMs = SIGNATURE_WINDOW_MS): HeaderCheck {
  const { signature, timestamp } = headers;
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing' };
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp)) return { ok: false, reason: 'malformed' };
  const timestampSec = Number(timestamp);
  const skewMs = timestampSec * 1000 - nowMs;
  if (skewMs < -windowMs) return { ok: false, reason: 'stale' };
  if (skewMs > windowMs) return { ok: false, reason: 'future' };
  return { ok: true, timestampSec, signature };
}

/** True when `signature` is the HMAC of `body` at `timestampSec` under `secret` (constant time). */
export function signatureMatches(secret: string, timestampSec: number, body: Buffer, signature: string): boolean {
  const expected = createHmac('sha256', secret).update(`v0:${timestampSec}:`).update(body).digest();
  const given = Buffer.from(signature.slice(3), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
