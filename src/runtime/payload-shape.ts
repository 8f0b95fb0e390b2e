/**
 * Is a signed Slack body one Bolt can handle? Bolt parses it (form fields, or the `payload=`
 * JSON, or a JSON body) and then reads properties of the result without checking it: a signed
 * `payload=null` made its request handler throw where nothing catches, and the request hung.
 * Pure: the body is parsed exactly as Bolt parses it, and the verdict says why it is refused.
 */
import { parse as parseForm } from 'node:querystring';

export const FORM = 'application/x-www-form-urlencoded';

export type ShapeCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Same rule as Bolt's receiver: only this exact content type is form-encoded, everything else is JSON. */
export function checkPayloadShape(contentType: string | undefined, body: Buffer): ShapeCheck {
  const text = body.toString('utf8');
  if (contentType === FORM) {
    const form = parseForm(text);
    if ('payload' in form) {
      if (typeof form.payload !== 'string') return { ok: false, reason: 'payload_repeated' };
      return checkJson(form.payload, 'payload');
    }
    if (form.ssl_check === '1') return { ok: true };
    if (typeof form.command !== 'string' || form.command === '') return { ok: false, reason: 'no_command' };
    return { ok: true };
  }
  return checkJson(text, 'body');
}

function checkJson(text: string, what: string): ShapeCheck {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: `${what}_not_json` };
  }
  if (!isObject(value)) return { ok: false, reason: `${what}_not_object` };
  if (typeof value.type !== 'string' || value.type === '') return { ok: false, reason: `${what}_without_type` };
  const missing = missingPart(value.type, value);
  return missing ? { ok: false, reason: `${value.type}_without_${missing}` } : { ok: true };
}

const hasId = (v: unknown): boolean => isObject(v) && typeof v.id === 'string';

/**
 * What Bolt reads unguarded for each kind it routes (without it Bolt throws, a 500, or waits
 * 3 s for an ack that never comes). Other types pass: Bolt answers those itself.
 */
const REQUIRED: Record<string, ReadonlyArray<readonly [string, (body: Record<string, unknown>) => boolean]>> = {
  block_actions: [
    ['user', (b) => hasId(b.user)],
    ['actions', (b) => Array.isArray(b.actions) && b.actions.length > 0 && b.actions.every(isObject)],
  ],
  view_submission: [
    ['user', (b) => hasId(b.user)],
    ['view', (b) => isObject(b.view)],
  ],
  view_closed: [
    ['user', (b) => hasId(b.user)],
    ['view', (b) => isObject(b.view)],
  ],
  message_action: [
    ['user', (b) => hasId(b.user)],
    ['callback_id', (b) => typeof b.callback_id === 'string'],
    ['channel', (b) => hasId(b.channel)],
    ['message', (b) => isObject(b.message)],
  ],
  shortcut: [
    ['user', (b) => hasId(b.user)],
    ['callback_id', (b) => typeof b.callback_id === 'string'],
  ],
  event_callback: [['event', (b) => isObject(b.event) && typeof b.event.type === 'string']],
};

function missingPart(type: string, body: Record<string, unknown>): string | undefined {
  return REQUIRED[type]?.find(([, present]) => !present(body))?.[0];
}
