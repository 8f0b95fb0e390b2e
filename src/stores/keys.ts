/**
 * Store keys derived from bearer values. A barcode never appears in a key in clear: the key is
 * a keyed hash (HMAC-SHA256, truncated to 128 bits, base64url) of its parts. Replicas that share
 * a store must share the secret; a process on its own may use a random one.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type KeyHasher = (...parts: readonly string[]) => string;

export function createKeyHasher(secret: string | Buffer = randomBytes(32)): KeyHasher {
  return (...parts) =>
    createHmac('sha256', secret)
      .update(parts.join('\u0000'))
      .digest()
      .subarray(0, 16)
      .toString('base64url');
}
