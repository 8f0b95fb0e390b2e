/**
 * Last line of defence for free-form log text (mostly Bolt's own messages): removes Slack
 * tokens and secrets, and shortens every long digit run (barcodes, phone numbers) to its last
 * four digits. Our own structured fields are masked at the source; this catches the rest.
 */
const TOKEN = /\b(xox[abposr]|xapp|xoxe(?:\.xox[bp])?)-[A-Za-z0-9-]+/g;
const SECRET_FIELD = /("?(?:token|secret|signing_secret|authorization|password)"?\s*[:=]\s*"?)[^"\s,}&]+/gi;
// 8+ digits, optionally grouped by single spaces/hyphens (0123-4567-8901), or long alphanumerics with 8+ digits.
const DIGIT_RUN = /\d(?:[ -]?\d){7,}/g;
const MIXED_CODE = /\b(?=[A-Za-z0-9]*\d(?:[A-Za-z]*\d){7})[A-Za-z0-9]{10,30}\b/g;

/** Keep the last four digits: `012345678901` → `••••8901`. */
export function lastFour(value: string): string {
  const digits = value.replace(/[^A-Za-z0-9]/g, '');
  return digits.length <= 4 ? '••••' : `••••${digits.slice(-4)}`;
}

export function redact(text: string): string {
  return text
    .replace(TOKEN, (_m, kind: string) => `${kind}-[redacted]`)
    .replace(SECRET_FIELD, (_m, key: string) => `${key}[redacted]`)
    .replace(MIXED_CODE, lastFour)
    .replace(DIGIT_RUN, lastFour);
}
