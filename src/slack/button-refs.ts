/**
 * Opaque references for the buttons of cards posted in a channel thread. A button's value is
 * readable by every member and app in the channel, and barcodes are bearer values, so a thread
 * card's 새로고침 carries a random reference to the request kept here instead of the barcodes.
 * In memory, bounded and expiring: after a restart (or a day) the button answers "expired".
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { CardActionValue } from './render/index.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export class ButtonRefs {
  private readonly refs = new Map<string, { readonly value: CardActionValue; readonly expiresAt: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = DAY_MS,
    private readonly max = 10_000,
  ) {}

  /** A new reference to `value` (22 URL-safe characters, 128 random bits). */
  put(value: CardActionValue): string {
    const ref = randomBytes(16).toString('base64url');
    if (this.refs.size >= this.max) {
      // Maps iterate in insertion order: the first entry is the oldest.
      const oldest = this.refs.keys().next().value;
      if (oldest !== undefined) this.refs.delete(oldest);
    }
    this.refs.set(ref, { value, expiresAt: this.clock() + this.ttlMs });
    return ref;
  }

  /** The request behind `ref`, or null when unknown or expired. */
  get(ref: string): CardActionValue | null {
    const entry = this.refs.get(ref);
    if (!entry) return null;
    if (entry.expiresAt <= this.clock()) {
      this.refs.delete(ref);
      return null;
    }
    return entry.value;
  }
}
