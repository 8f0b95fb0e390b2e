/**
 * Slack's request signing (v0): `v0=` + hex HMAC-SHA256 of `v0:${timestamp}:${body}` under the
 * app's signing secret, sent as `x-slack-signature` with `x-slack-request-timestamp`.
 */
import { createHmac, randomBytes } from 'node:crypto';

export function slackSignature(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

/** Headers for a signed request, timestamped now unless told otherwise. */
export function signedHeaders(
  secret: string,
  body: string,
  contentType: string,
  timestampSec = Math.floor(Date.now() / 1000),
): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestampSec),
    'x-slack-signature': slackSignature(secret, timestampSec, body),
  };
}

/** A fresh random signing secret, generated per workbench run (Slack's are 32 hex characters). */
export function generateSigningSecret(): string {
  return randomBytes(16).toString('hex');
}
