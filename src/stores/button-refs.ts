/**
 * Opaque references for the buttons of cards posted in a channel thread. A button's value is
 * readable by every member and app in the channel, and barcodes are bearer values, so a thread
 * card's 새로고침 carries a random reference to the request, kept in the shared store instead of
 * the barcodes. On Redis a reference works on every replica and after a restart, until it expires.
 */
import { randomBytes } from 'node:crypto';
import type { KeyValueStore } from './types.js';

/** What a thread card's button asks to repeat. */
export interface RefRequest {
  readonly goodsId: string;
  readonly barcodes: readonly string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PREFIX = 'ref:';

export class ButtonRefs {
  constructor(
    private readonly store: KeyValueStore,
    private readonly ttlMs = DAY_MS,
  ) {}

  /** A new reference to `value` (22 URL-safe characters, 128 random bits). */
  async put(value: RefRequest): Promise<string> {
    const ref = randomBytes(16).toString('base64url');
    await this.store.set(PREFIX + ref, { g: value.goodsId, b: value.barcodes }, this.ttlMs);
    return ref;
  }

  /** The request behind `ref`, or null when unknown, expired or unreadable. */
  async get(ref: string): Promise<RefRequest | null> {
    const v = await this.store.get<{ g?: unknown; b?: unknown }>(PREFIX + ref);
    if (!v || typeof v.g !== 'string' || !Array.isArray(v.b) || !v.b.every((b) => typeof b === 'string')) return null;
    return { goodsId: v.g, barcodes: v.b as string[] };
  }
}
