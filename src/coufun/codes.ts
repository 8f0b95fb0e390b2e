/** Vendor RESULT_CODE table. (Signature fixed; implementation in progress.) */
import type { ResultCodeInfo } from './types.js';

export function resultCodeInfo(code: string): ResultCodeInfo {
  return { code, known: false, audience: 'unknown', retryable: false };
}
