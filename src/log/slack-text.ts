/**
 * Slack credentials that have no token shape, kept out of log text. Bolt and the Web API client
 * log whole request bodies at debug: a shortcut's `response_url` (a bearer URL for 30 minutes,
 * also inside views.open's `private_metadata`), `trigger_id`s, Socket Mode's `wss://…?ticket=`.
 * - any value labelled `response_url`, `response_urls`, `trigger_id` (JSON, escaped JSON, form);
 * - every URL keeps its scheme and host only, except Web API method URLs (`…/api/<method>`),
 *   which name what was called and carry nothing secret.
 * Applied on top of `redact` to Bolt's free text and error messages; `redactFields` applies it to
 * every string field and drops those labelled fields by name.
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
