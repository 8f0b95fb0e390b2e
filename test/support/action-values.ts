/**
 * Test-only readers of a card button's value, on top of the one decoder the listeners use
 * (`decodeButtonValue` in src/slack/render/actions.ts).
 */
import { decodeButtonValue, type CardActionValue } from '../../src/slack/render/index.js';

/** The request a card button carries itself, or `null` (malformed, or a reference). */
export function decodeActionValue(s: string): CardActionValue | null {
  const v = decodeButtonValue(s);
  return v && !('ref' in v) ? v : null;
}

/** The reference a thread card's button carries, or `null` when it carries none. */
export function decodeActionRef(s: string): string | null {
  const v = decodeButtonValue(s);
  return v && 'ref' in v ? v.ref : null;
}
