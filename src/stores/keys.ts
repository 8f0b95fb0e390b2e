/**
 * Store keys derived from bearer values. A barcode never appears in a key in clear: the key is
 * a keyed hash (HMAC-SHA256, truncated to 128 bits, base64url) of its parts. Replicas that share
 * a store must share the secret; a process on its own may use a random one.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type KeyHasher = (...parts: readonly string[]) => string;

export function createKeyHasher(secret: string | Buffer = randomBytes(32)): KeyHasher {
  return (...parts) => createHmac('sha256', secret).update(parts.join('\u0000')).digest().subarray(0, 16).toString('base64url');
}

/**
 * The secret every replica on one Redis shares, for key hashes and sealed values: derived from
 * REDIS_KEY_SECRET when set, else from the bot token (which every replica of one app already
 * shares), each under its own fixed label. Rotating the bot token without REDIS_KEY_SECRET
 * therefore starts an empty cache and expires existing thread-card references.
 */
export function deriveSharedSecret(source: { readonly keySecret: string | undefined; readonly botToken: string }): Buffer {
  return source.keySecret !== undefined
    ? createHmac('sha256', source.keySecret).update('coupon-bot shared secret v1 (REDIS_KEY_SECRET)').digest()
    : createHmac('sha256', source.botToken).update('coupon-bot shared secret v1 (bot token)').digest();
}
