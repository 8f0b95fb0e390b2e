/** Vendor RESULT_CODE table: who can act on a code and whether a retry may help. No wording here. */
import type { ResultAudience, ResultCodeInfo } from './types.js';

// From a public third-party Coufun integration (see docs/protocol.md); the vendor's own
// code list is in a PDF we do not have, so the table is meant to grow. The public table's other
// codes (11–15, 19–22, 24, 25, 27–29) belong to the issuing and sending APIs, not to this inquiry.
const TABLE: Readonly<Record<string, { readonly audience: ResultAudience; readonly retryable: boolean }>> = {
  // Success needs no one to act; 'user' because the answer is for the person who asked.
  '00': { audience: 'user', retryable: false },
  // Registered source IP, POC_ID, API rights: the operator's configuration, not the asker's input.
  '01': { audience: 'operator', retryable: false },
  '02': { audience: 'operator', retryable: false },
  '98': { audience: 'operator', retryable: false },
  // The order behind the coupon, or the voucher kind, does not match what was asked: check the input.
  '03': { audience: 'user', retryable: false },
  '08': { audience: 'user', retryable: false },
  '04': { audience: 'user', retryable: false },
  '05': { audience: 'user', retryable: false },
  '09': { audience: 'user', retryable: false },
  '10': { audience: 'user', retryable: false },
  '16': { audience: 'user', retryable: false },
  '17': { audience: 'user', retryable: false },
  '18': { audience: 'user', retryable: false },
  '26': { audience: 'user', retryable: false },
  '30': { audience: 'user', retryable: false },
  '31': { audience: 'user', retryable: false },
  // Duplicate request: the same inquiry was already in progress at the vendor; a later one may pass.
  '23': { audience: 'transient', retryable: true },
  // Prior processing required: something must happen on the vendor's side (or the account) first.
  '95': { audience: 'operator', retryable: false },
  // Maintenance or delay: worth one retry after a pause.
  '50': { audience: 'transient', retryable: true },
  // "Other system error": listed, but nothing says who can fix it.
  '99': { audience: 'unknown', retryable: false },
};

/** Every RESULT_CODE the table knows, ascending. */
export const KNOWN_RESULT_CODES: readonly string[] = Object.freeze(Object.keys(TABLE).sort());

/** What we know about a RESULT_CODE; an unlisted code is `known: false`, audience `unknown`. */
export function resultCodeInfo(code: string): ResultCodeInfo {
  const entry = Object.hasOwn(TABLE, code) ? TABLE[code] : undefined;
  if (!entry) return { code, known: false, audience: 'unknown', retryable: false };
  return { code, known: true, audience: entry.audience, retryable: entry.retryable };
}
