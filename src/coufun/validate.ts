/**
 * Request validation: the three Coufun request fields, checked before any network call.
 * Values are checked exactly as given (callers trim); errors never carry the whole value.
 */
import { ValidationError, type RequestField } from './errors.js';
import type { CoufunRequest } from './types.js';

/** Maximum byte length of each request field (manual §4). */
export const REQUEST_LIMITS: Readonly<Record<RequestField, number>> = Object.freeze({
  POC_ID: 10,
  GOODS_ID: 10,
  BARCODE_NUM: 30,
});

const ALLOWED = /^[A-Za-z0-9_-]*$/;
const ALLOWED_CHAR = /^[A-Za-z0-9_-]$/;

/**
 * Check one field against its rules, in order `required` (empty after trim), `charset`
 * (ASCII letters, digits, `-`, `_` only), `max_bytes`. Returns the first broken rule, or `null`.
 */
export function validateField(field: RequestField, value: string): ValidationError | null {
  if (value.trim() === '') return new ValidationError(field, 'required');
  if (!ALLOWED.test(value)) {
    // Only now find the culprit. for…of walks code points, so an astral character is reported
    // whole, not as half a surrogate.
    for (const char of value) {
      if (!ALLOWED_CHAR.test(char)) return new ValidationError(field, 'charset', { char });
    }
  }
  const limit = REQUEST_LIMITS[field];
  const actual = Buffer.byteLength(value, 'utf8');
  if (actual > limit) return new ValidationError(field, 'max_bytes', { limit, actual });
  return null;
}

/** Throws `ValidationError` for the first broken rule (POC_ID, then GOODS_ID, then BARCODE_NUM). */
export function validateRequest(req: CoufunRequest): void {
  const checks: ReadonlyArray<readonly [RequestField, string]> = [
    ['POC_ID', req.pocId],
    ['GOODS_ID', req.goodsId],
    ['BARCODE_NUM', req.barcode],
  ];
  for (const [field, value] of checks) {
    const error = validateField(field, value);
    if (error) throw error;
  }
}
