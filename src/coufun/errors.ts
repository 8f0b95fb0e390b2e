/**
 * Typed failures of a coupon lookup. Each has a stable `code`; user-facing wording lives in
 * `src/display` (localised), so `message` here is a short English sentence safe for logs:
 * it never contains a full barcode, phone number, token or secret.
 */
import type { ResultCodeInfo } from './types.js';

export const ErrorCode = {
  InvalidInput: 'INVALID_INPUT',
  Timeout: 'TIMEOUT',
  Network: 'NETWORK',
  HttpStatus: 'HTTP_STATUS',
  BadResponse: 'BAD_RESPONSE',
  Oversize: 'OVERSIZE',
  Vendor: 'VENDOR',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Base class: every lookup failure is a CoufunError with a code. */
export abstract class CoufunError extends Error {
  abstract readonly code: ErrorCode;
  /** A transport failure the user may simply retry (timeout, network, 5xx, bad body, code 50). */
  abstract readonly retryable: boolean;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export type RequestField = 'POC_ID' | 'GOODS_ID' | 'BARCODE_NUM';
export type ValidationRule = 'required' | 'max_bytes' | 'charset';

/** Thrown before any network call when a request field breaks a rule. */
export class ValidationError extends CoufunError {
  readonly code = ErrorCode.InvalidInput;
  readonly retryable = false;
  constructor(
    readonly field: RequestField,
    readonly rule: ValidationRule,
    /** The limit for `max_bytes`, the byte length found, or the offending character (never the whole value). */
    readonly detail: { readonly limit?: number; readonly actual?: number; readonly char?: string } = {},
  ) {
    super(`${field} breaks rule ${rule}`);
  }
}

/** The overall deadline (COUFUN_TIMEOUT_MS) passed, including any retries. */
export class TimeoutError extends CoufunError {
  readonly code = ErrorCode.Timeout;
  readonly retryable = true;
  constructor(
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`Coufun did not answer within ${timeoutMs} ms`, options);
  }
}

/** The connection could not be made or broke (DNS, refused, reset, TLS, proxy). */
export class NetworkError extends CoufunError {
  readonly code = ErrorCode.Network;
  /** False for failures a retry cannot fix (unknown host, TLS, proxy refusal): a deployment problem. */
  readonly retryable: boolean;
  constructor(
    readonly reason: string,
    options?: { cause?: unknown; retryable?: boolean },
  ) {
    super(`Coufun unreachable: ${reason}`, options);
    this.retryable = options?.retryable ?? true;
  }
}

/** The vendor answered with a non-2xx HTTP status (4xx, 5xx, or an unfollowed redirect). */
export class HttpStatusError extends CoufunError {
  readonly code = ErrorCode.HttpStatus;
  readonly retryable: boolean;
  constructor(readonly status: number) {
    super(`Coufun answered HTTP ${status}`);
    this.retryable = status >= 500;
  }
}

export type BadResponseReason = 'not_xml' | 'truncated' | 'wrong_root' | 'no_result_code' | 'no_orders' | 'too_many_orders';

/** The body is not a Coufun answer: HTML, not XML, cut short, wrong root element, … */
export class BadResponseError extends CoufunError {
  readonly code = ErrorCode.BadResponse;
  readonly retryable = true;
  constructor(
    readonly reason: BadResponseReason,
    detail?: string,
  ) {
    super(`Unreadable Coufun response (${reason})${detail ? `: ${detail}` : ''}`);
  }
}

/** The body passed the size cap and was cut off. */
export class OversizeError extends CoufunError {
  readonly code = ErrorCode.Oversize;
  readonly retryable = false;
  constructor(readonly limitBytes: number) {
    super(`Coufun response larger than ${limitBytes} bytes`);
  }
}

/** The vendor answered with a RESULT_CODE other than `00`. `vendorMessage` is RESULT_MSG verbatim. */
export class VendorError extends CoufunError {
  readonly code = ErrorCode.Vendor;
  readonly retryable: boolean;
  constructor(
    readonly vendorCode: string,
    readonly vendorMessage: string,
    readonly info: ResultCodeInfo,
  ) {
    super(`Coufun result code ${vendorCode}`);
    this.retryable = info.retryable;
  }
}

/**
 * A bug on our side (an exception nobody expected), not a vendor or network problem: it is
 * logged at `error` with its stack under `ref`, the card says so with the same `ref`, and it does
 * not count as a vendor failure for /healthz.
 */
export class InternalError extends CoufunError {
  readonly code = ErrorCode.Internal;
  readonly retryable = false;
  constructor(
    /** Short reference shared by the log line and the card. */
    readonly ref: string,
    options?: { cause?: unknown },
  ) {
    super(`internal error (ref ${ref})`, options);
  }
}
