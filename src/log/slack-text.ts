/**
 * Slack credentials that have no token shape, kept out of log text. Bolt and the Web API client
 * log whole request bodies at debug: a shortcut's `response_url` (a bearer URL for 30 minutes,
 * also inside views.open's `private_metadata`), `trigger_id`s, Socket Mode's `wss://…?ticket=`.
 * - any value labelled `response_url`, `response_urls`, `trigger_id` (JSON, escaped JSON, form);
 * - every URL keeps its scheme and host only, except Web API method URLs (`…/api/<method>`),
 *   which name what was called and carry nothing secret.
 * Applied on top of `redact` to Bolt's free text and error messages, and by field name to
 * structured fields.
 */

// A label, its separator, an optional opening quote or bracket; then the value: for URLs only
// one that is a URL (also form-encoded), so prose such as "response_url: 404 Not Found" stays.
const LABEL_END = String.raw`(?:\\*")?\s*[:=]\s*(?:\[\s*)?(?:\\*")?`;
const LABELLED_URL = new RegExp(String.raw`((?:\\*")?(?:response_urls?|responseUrls?)${LABEL_END})(?=https?(?::|%3A))[^"\\\s,}&\]]+`, 'gi');
const LABELLED_TRIGGER = new RegExp(String.raw`((?:\\*")?(?:trigger_id|triggerId)${LABEL_END})[^"\\\s,}&\]]{6,}`, 'gi');
const URL_TEXT = /\b((?:https?|wss?):\/\/)([^\s"'\\/<>?#]+)([/?#][^\s"'\\<>]*)?/gi;
const API_PATH = /^\/api\/[A-Za-z0-9_.]+\/?$/;

/** Remove Slack's unshaped credentials from free text (see the module comment). */
export function scrubSlackText(text: string): string {
  return text
    .replace(LABELLED_URL, (_m, label: string) => `${label}[redacted]`)
    .replace(LABELLED_TRIGGER, (_m, label: string) => `${label}[redacted]`)
    .replace(URL_TEXT, (m, scheme: string, host: string, rest: string | undefined) =>
      rest === undefined || API_PATH.test(rest) ? m : `${scheme}${host}/[redacted]`,
    );
}

const CREDENTIAL_KEY = /^(?:response_?urls?|trigger_?id|private_?metadata)$/i;
/** Our own configured endpoints, logged on purpose at start (never a Slack URL). */
const ENDPOINT_KEYS = new Set(['coufunUrl', 'slackApiUrl']);

/** Structured fields with Slack credentials removed by name, at any depth. */
export function dropSlackCredentials(value: unknown, depth = 0): unknown {
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => dropSlackCredentials(v, depth + 1));
  if (value instanceof Error) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (CREDENTIAL_KEY.test(k)) out[k] = '[redacted]';
    else if (typeof v === 'string') out[k] = ENDPOINT_KEYS.has(k) ? v : scrubSlackText(v);
    else out[k] = dropSlackCredentials(v, depth + 1);
  }
  return out;
}
