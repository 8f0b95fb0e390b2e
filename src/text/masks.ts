/**
 * The one masking module for bearer values (coupon numbers) and personal numbers (phones), used
 * by the logs (src/log/redact.ts) and by everything a person reads (src/display, the card, the
 * terminal). One set of thresholds: a value keeps at most its last {@link KEEP_LAST} characters,
 * and only when it has at least {@link MIN_LENGTH_TO_HINT}, so a mask never shows half a value.
 */

/** What replaces the hidden part of a value. */
export const MASK = '••••';
/** Characters a mask keeps at the end, enough to tell coupons apart. */
export const KEEP_LAST = 4;
/** Values shorter than this (separators not counted in free text) are masked whole. */
export const MIN_LENGTH_TO_HINT = 8;

/**
 * A coupon number: `••••` plus its last four characters (`••••8901`). Values shorter than eight
 * characters are masked whole (`••••`); the mask never reveals the length.
 */
export function maskBarcode(raw: string): string {
  const value = raw.trim();
  return value.length < MIN_LENGTH_TO_HINT ? MASK : `${MASK}${value.slice(-KEEP_LAST)}`;
}

/** A number found in free text, separators ignored: `0123-4567-8901` → `••••8901`, `1234` → `••••`. */
export function maskLastFour(value: string): string {
  return maskBarcode(value.replace(/[^A-Za-z0-9]/g, ''));
}

/**
 * A receiver's mobile number, masked for display. Separators are ignored:
 * 11 digits `01012345678` → `010-****-5678`; 10 digits `0111234567` → `011-***-4567`;
 * anything else keeps only the last 4 digits (`***-5678`), and a value with 4 digits or
 * fewer is masked whole (`***`). Never returns the full number; empty input gives `''`.
 */
export function maskPhone(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '') return '';
  const digits = trimmed.replace(/\D/g, '');
  if (/^01\d{9}$/.test(digits)) return `${digits.slice(0, 3)}-****-${digits.slice(7)}`;
  if (/^01\d{8}$/.test(digits)) return `${digits.slice(0, 3)}-***-${digits.slice(6)}`;
  return digits.length > KEEP_LAST ? `***-${digits.slice(-KEEP_LAST)}` : '***';
}

/**
 * A Korean phone number in any grouping: `010-5555-6666`, `010.5555.6666`, `010 5555 6666`,
 * `(02) 123-4567`, `+82 10-5555-6666`, or no separators at all.
 */
const PHONE_IN_TEXT = /(?<!\d|\d\.)\(?(?:\+\s?82[ .-]?|0)\d{1,2}\)?[ .-]{0,2}\d{3,4}[ .-]?\d{4}(?!\d|\.\d)/g;
// Not dots: a dotted run is an IP address or a version far more often than a coupon number.
/** Eight or more digits, optionally grouped by single spaces or hyphens (`0123-4567-8901`). */
const DIGIT_RUN = /\d(?:[ -]?\d){7,}/g;
/** Letters and digits mixed, 10–30 long with at least eight digits (`ABC1234567890`). */
const MIXED_CODE = /\b(?=[A-Za-z0-9]*\d(?:[A-Za-z]*\d){7})[A-Za-z0-9]{10,30}\b/g;

/** Phone numbers in text, any grouping, cut to their last four digits (`010.5555.6666` → `••••6666`). */
export function maskPhonesInText(text: string): string {
  return text.replace(PHONE_IN_TEXT, maskLastFour);
}

/**
 * Every customer number in free text cut to its last four: phones in any grouping, coupon-like
 * digit runs (8+ digits) and long letter-digit codes. Text already masked stays as it is.
 */
export function maskNumbersInText(text: string): string {
  return maskPhonesInText(text).replace(MIXED_CODE, maskLastFour).replace(DIGIT_RUN, maskLastFour);
}

/**
 * Free text that may echo a known bearer value (the coupon asked about) and customer numbers:
 * the known value is masked wherever it appears, then every number as in {@link maskNumbersInText}.
 */
export function maskTextAbout(text: string, knownBarcode?: string): string {
  const known = knownBarcode?.trim() ?? '';
  const withoutKnown = known.length >= MIN_LENGTH_TO_HINT ? text.split(known).join(maskBarcode(known)) : text;
  return maskNumbersInText(withoutKnown);
}
