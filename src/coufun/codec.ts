/**
 * Pure Coufun codec: request validation and encoding, response decoding and parsing.
 * No I/O. (Signatures fixed; implementation in progress.)
 */
import type { CoufunRequest, CoufunResult } from './types.js';

/** Throws `ValidationError` for the first broken rule (POC_ID, then GOODS_ID, then BARCODE_NUM). */
export function validateRequest(req: CoufunRequest): void {
  void req;
  throw new Error('not implemented');
}

/** `application/x-www-form-urlencoded` body for a validated request. */
export function encodeRequest(req: CoufunRequest): string {
  void req;
  throw new Error('not implemented');
}

/**
 * Decode (charset from `contentType`, else the XML declaration, else EUC-KR) and parse one
 * Coufun response body. Throws `BadResponseError` when it is not a Coufun answer.
 * `nowMs` (injected clock) decides `expired`.
 */
export function parseResponse(body: Uint8Array, contentType: string | undefined, nowMs: number): CoufunResult {
  void body; void contentType; void nowMs;
  throw new Error('not implemented');
}
