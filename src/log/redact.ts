/**
 * Last line of defence for what reaches the logs. `redact` cleans free-form text (mostly Bolt's
 * own messages): Slack tokens, labelled secrets and bare 32-hex secrets go, and every long digit
 * run (barcodes, phone numbers) is cut to its last four digits. `redactFields` applies the same to
 * structured fields, and masks by field name too, because a short barcode or a secret under its
 * own name has no shape a pattern could recognise; Slack's unshaped credentials (`response_url`,
 * `trigger_id`, any URL's path) go from every field in the same pass (`slack-text.ts`). Our fields are masked at the source as well.
 */
import { maskBarcode, maskNumbersInText } from '../text/masks.js';
import { scrubSlackText } from './slack-text.js';

const TOKEN = /\b(xox[abcdeposr]|xapp|xoxe(?:\.xox[bp])?)-[A-Za-z0-9-]+/g;
const SECRET_FIELD =
  /("?(?:token|secret|signing_secret|authorization|password|api[_-]?key)"?\s*[:=]\s*"?(?:(?:Bearer|Basic)\s+)?)[^"\s,}&]+/gi;
// Slack signing secrets (and client secrets) are 32 hex characters with nothing to label them.
const HEX_SECRET = /\b[0-9a-f]{32,}\b/gi;

/** Tokens and secrets only: safe on identifiers, which long-digit masking would spoil. */
function redactSecrets(text: string): string {
  return text
    .replace(TOKEN, (_m, kind: string) => `${kind}-[redacted]`)
    .replace(SECRET_FIELD, (_m, key: string) => `${key}[redacted]`)
    .replace(HEX_SECRET, '[redacted]');
}

export function redact(text: string): string {
  return maskNumbersInText(redactSecrets(text));
}

/** Field names whose values are credentials: replaced whole. */
const SECRET_KEY = /token|secret|password|passwd|authorization|cookie|api[_-]?key|credential/i;
/** Field names whose values are customer numbers: only the last four characters survive. */
const NUMBER_KEY = /barcode|phone|mobile|msisdn|(?:^|_)tel(?:$|_|no)/i;
const CAMEL_TEL = /[a-z]Tel(?:$|No|[A-Z])/;
/** Slack and vendor identifiers: long digit runs here are IDs, not customer data. */
const ID_KEYS = new Set(['user', 'userId', 'channel', 'channelId', 'team', 'teamId', 'goods', 'goodsId', 'ts', 'threadTs']);
const MAX_DEPTH = 6;
/** Slack credentials without a token shape (`response_url`, `trigger_id`, a form's metadata): replaced whole. */
const SLACK_CREDENTIAL_KEY = /^(?:response_?urls?|trigger_?id|private_?metadata)$/i;
/** Our own configured endpoints, logged on purpose at start (never a Slack URL): URLs kept whole. */
const ENDPOINT_KEYS = new Set(['coufunUrl', 'slackApiUrl']);

/** A customer number under its own name, masked like everywhere else; a value already masked is kept. */
function maskNumber(value: string): string {
  const v = value.trim();
  return v.includes('•') ? v : maskBarcode(v);
}

function redactValue(key: string, value: unknown, depth: number): unknown {
  if (SLACK_CREDENTIAL_KEY.test(key)) return '[redacted]';
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (SECRET_KEY.test(key)) return '[redacted]';
  const numberKey = NUMBER_KEY.test(key) || CAMEL_TEL.test(key);
  if (typeof value === 'string') {
    const safe = numberKey ? maskNumber(value) : ID_KEYS.has(key) ? redactSecrets(value) : redact(value);
    return ENDPOINT_KEYS.has(key) ? safe : scrubSlackText(safe);
  }
  if (typeof value === 'number' || typeof value === 'bigint') return numberKey ? maskNumber(String(value)) : value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  // Array elements inherit the array's name: `barcodes: [...]` masks each one.
  if (Array.isArray(value)) return value.map((v) => redactValue(key, v, depth + 1));
  if (value instanceof Error) return scrubSlackText(redact(`${value.name}: ${value.message}`));
  if (typeof value === 'object') return redactFields(value as Record<string, unknown>, depth + 1);
  return value;
}

/**
 * Structured log fields made safe: secrets by name or shape removed, customer numbers by name
 * masked to their last four, and every other string cleaned like free text (identifier fields
 * such as `goods` and `channel` only lose tokens).
 */
export function redactFields(fields: Readonly<Record<string, unknown>>, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = redactValue(key, value, depth);
  return out;
}
