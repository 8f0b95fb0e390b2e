/**
 * How values sit in Redis: JSON, sealed with AES-256-GCM under a key derived from the shared
 * secret. Cached answers and thread-card references contain barcodes and receiver numbers;
 * whoever can read Redis (a backup, a `MONITOR`, a shared instance) sees only ciphertext, and a
 * tampered or foreign value reads as absent.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface ValueCodec {
  encode(value: unknown): Buffer;
  /** The value, or `undefined` when unreadable (other secret, tampered, not ours). */
  decode(raw: Buffer): unknown;
}

const VERSION = 1;
const IV = 12;
const TAG = 16;

export function createValueCodec(secret: string | Buffer): ValueCodec {
  const key = createHmac('sha256', secret).update('coupon-bot value key v1').digest();
  return {
    encode(value) {
      const iv = randomBytes(IV);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value) ?? 'null', 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
    },
    decode(raw) {
      if (raw.length < 1 + IV + TAG || raw[0] !== VERSION) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(1, 1 + IV));
        decipher.setAuthTag(raw.subarray(1 + IV, 1 + IV + TAG));
        const text = Buffer.concat([decipher.update(raw.subarray(1 + IV + TAG)), decipher.final()]).toString('utf8');
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
  };
}
