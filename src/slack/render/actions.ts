/**
 * The card's buttons and what they carry. A button's `value` holds the request to repeat
 * (goods ID and barcodes) as compact JSON, so a click needs no server-side state; decoding is
 * tolerant because a value can come from an older version of the bot.
 */
import type { ActionsBlock, Button } from '@slack/types';
import type { Locale } from '../../display/index.js';
import { MAX_BARCODES } from '../../config/limits.js';
import { entryPoint } from '../entry-points/registry.js';
import { plain } from './blocks.js';
import { LIMITS } from './limits.js';
import { slackWords } from './strings.js';

/** The `action_id`s of the card's buttons: their entry points' (the listeners register against these). */
export const ACTION_IDS = {
  share: entryPoint('share').arrives.actionId,
  refresh: entryPoint('refresh').arrives.actionId,
  retry: entryPoint('retry').arrives.actionId,
} as const;
export type CardAction = keyof typeof ACTION_IDS;

/** What a card button asks to repeat. */
export interface CardActionValue {
  readonly goodsId: string;
  readonly barcodes: readonly string[];
}

// Generous caps for decoding: the protocol's own limits (10 / 30 bytes) are re-checked by the
// lookup service; these only keep a forged value from being absurd.
const MAX_ID_CHARS = 100;

/** What a button carries: the request itself, or a reference to it kept by the bot. */
export type ButtonValue = CardActionValue | { readonly ref: string };

/** Compact JSON (`{"g":…,"b":[…]}` or `{"r":…}`). Throws RangeError if it would not fit a button value. */
export function encodeActionValue(v: ButtonValue): string {
  const s = JSON.stringify('ref' in v ? { r: v.ref } : { g: v.goodsId, b: v.barcodes });
  if (s.length > LIMITS.buttonValue) throw new RangeError(`action value has ${s.length} characters (max ${LIMITS.buttonValue})`);
  return s;
}

/** What a button carries, parsed once: the request, a reference to it, or `null` for anything malformed (never throws). */
export function decodeButtonValue(s: string): ButtonValue | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(s);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { g, b, r } = parsed as { g?: unknown; b?: unknown; r?: unknown };
  if (r !== undefined) return typeof r === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(r) ? { ref: r } : null;
  const okId = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '' && x.length <= MAX_ID_CHARS;
  if (!okId(g) || !Array.isArray(b) || b.length === 0 || b.length > MAX_BARCODES || !b.every(okId)) return null;
  return { goodsId: g, barcodes: [...b] };
}

/** One button of the card, carrying an already encoded value. */
function button(action: CardAction, encoded: string, locale: Locale): Button {
  return {
    type: 'button',
    action_id: ACTION_IDS[action],
    text: plain(slackWords(locale).button[action], LIMITS.buttonText),
    value: encoded,
    ...(action === 'share' ? { style: 'primary' as const } : {}),
  };
}

/** The value as a button carries it, or null when it would not survive the round trip (too long, absurd barcodes). */
function encodeIfUsable(value: ButtonValue): string | null {
  let encoded: string;
  try {
    encoded = encodeActionValue(value);
  } catch {
    return null; // RangeError: longer than a button value may be
  }
  return decodeButtonValue(encoded) === null ? null : encoded;
}

/**
 * The actions block of a card, or null when there is no button to show. A button whose value
 * would not decode (too many or absurd barcodes) is left out rather than shown broken.
 */
export function cardActions(buttons: ReadonlyArray<readonly [CardAction, ButtonValue]>, locale: Locale): ActionsBlock | null {
  const elements = buttons.flatMap(([action, value]) => {
    const encoded = encodeIfUsable(value);
    return encoded === null ? [] : [button(action, encoded, locale)];
  });
  return elements.length === 0 ? null : { type: 'actions', elements };
}
